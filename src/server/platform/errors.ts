/**
 * The closed error catalogue (STYLE.md 9–11). Every error the API returns has a stable code,
 * an HTTP status and a message in Vietnamese and English; modules add their own codes through
 * their manifest. `errors.test.ts` fails if any code lacks either language.
 */
import { issueMessage } from '../../contracts/issues';

export type ErrorDef = { status: number; vi: string; en: string };
export type ErrorCatalogue = Record<string, ErrorDef>;

/** Generic codes shared by every module. */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please log in' },
  LOGIN_FAILED: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {minutes} phút',
    en: 'Account temporarily locked after repeated failed log-ins; try again in {minutes} minutes',
  },
  LOGIN_ADDRESS_LOCKED: {
    status: 429,
    vi: 'Quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau {minutes} phút',
    en: 'Too many failed log-ins from this address; try again in {minutes} minutes',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục',
    en: 'You must change your password before going on',
  },
  ACCOUNT_DISABLED: { status: 401, vi: 'Tài khoản đã bị vô hiệu hóa', en: 'This account is disabled' },
  CSRF_FAILED: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo); hãy tải lại trang',
    en: 'Missing or invalid anti-forgery token; reload the page',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  STALE_VERSION: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi; hãy tải lại rồi sửa tiếp',
    en: 'Someone else changed this record; reload and edit again',
  },
  CONFLICT: { status: 409, vi: 'Dữ liệu bị trùng hoặc xung đột', en: 'Duplicate or conflicting data' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn (tối đa {limit})', en: 'Payload too large (maximum {limit})' },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận: {type}',
    en: 'File type not accepted: {type}',
  },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu; thử lại sau ít phút', en: 'Too many requests; try again in a few minutes' },
  PASSWORD_WRONG: { status: 400, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  PASSWORD_WEAK: {
    status: 400,
    vi: 'Mật khẩu mới phải có ít nhất 10 ký tự và khác mật khẩu cũ',
    en: 'The new password must have at least 10 characters and differ from the old one',
  },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống; đã ghi nhận để xử lý', en: 'Internal error; it has been logged' },
} satisfies ErrorCatalogue;

const catalogue: ErrorCatalogue = { ...PLATFORM_ERRORS };

/** Register a module's own codes. Duplicate codes are a programming error. */
export function registerErrors(codes: ErrorCatalogue): void {
  for (const [code, def] of Object.entries(codes)) {
    const existing = catalogue[code];
    if (existing && existing !== def) throw new Error(`Error code ${code} registered twice`);
    catalogue[code] = def;
  }
}

/** The whole catalogue (platform and registered module codes). */
export function errorCatalogue(): Readonly<ErrorCatalogue> {
  return catalogue;
}

export type Locale = 'vi' | 'en';

/** The request's language: the `x-locale` header, else Accept-Language, else Vietnamese. */
export function localeOf(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  const h = String(req.headers['x-locale'] ?? req.headers['accept-language'] ?? 'vi').toLowerCase();
  return h.startsWith('en') ? 'en' : 'vi';
}

/** A validation message for one field, in both languages. */
export type FieldError = { field: string; vi: string; en: string };

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The only error services throw. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];

  constructor(code: string, opts: { params?: Record<string, string | number>; fields?: FieldError[] } = {}) {
    const def = catalogue[code];
    if (!def) throw new Error(`Unknown error code ${code}`);
    super(`${code}: ${fill(def.en, opts.params ?? {})}`);
    this.code = code;
    this.status = def.status;
    this.params = opts.params ?? {};
    this.fields = opts.fields ?? [];
  }

  /** The message in a language. */
  message_(locale: Locale): string {
    const def = catalogue[this.code]!;
    return fill(locale === 'vi' ? def.vi : def.en, this.params);
  }
}

/** A 400 naming one field, e.g. `invalid('validFrom', 'phải trước ngày kết thúc', 'must be before the end date')`. */
export function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field, vi: `${field}: ${vi}`, en: `${field}: ${en}` }] });
}

/** Translate one zod issue (as carried by fastify-type-provider-zod) into both languages. */
export function describeIssue(
  issue: { keyword: string; instancePath: string; message: string; params: Record<string, unknown> },
  where?: string,
): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field = path || (where ?? 'body');
  const { vi, en } = issueMessage(issue.keyword, issue.message, issue.params);
  return { field, vi: `${field}: ${vi}`, en: `${field}: ${en}` };
}
