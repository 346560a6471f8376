/**
 * Errors of the deadline engine: a closed catalogue of codes, each with an HTTP status and a
 * message in Vietnamese and English (the shape of the platform's error catalogue, STYLE.md 9,
 * so a server module can register `DEADLINE_ERRORS` as they are). Messages take `{name}`
 * parameters.
 */

/** One catalogue entry: HTTP status for an API, message templates in both languages. */
export interface DeadlineErrorDef {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

/** Every error the deadline engine throws. */
export const DEADLINE_ERRORS = {
  DEADLINE_UNKNOWN_RULE: {
    status: 400,
    vi: 'Không có quy tắc thời hạn "{ruleId}"',
    en: 'No deadline rule "{ruleId}"',
  },
  DEADLINE_NO_RULE_VERSION: {
    status: 400,
    vi: 'Quy tắc {ruleId} không có phiên bản áp dụng cho ngày {date}',
    en: 'Rule {ruleId} has no version in force on {date}',
  },
  DEADLINE_NOT_A_DEADLINE: {
    status: 400,
    vi: '{ruleId} là quy tắc tần suất ({summary}), không phải thời hạn',
    en: '{ruleId} is a frequency rule ({summaryEn}), not a deadline',
  },
  DEADLINE_INVALID_DATE: {
    status: 400,
    vi: '{field}: "{value}" không phải ngày hợp lệ dạng YYYY-MM-DD',
    en: '{field}: "{value}" is not a valid date YYYY-MM-DD',
  },
  DEADLINE_INVALID_OPTION: {
    status: 400,
    vi: '{field}: giá trị không hợp lệ ({value})',
    en: '{field}: invalid value ({value})',
  },
  DEADLINE_EXTENSION_NOT_ALLOWED: {
    status: 400,
    vi: 'Quy tắc {ruleId} không cho phép gia hạn{reason}',
    en: 'Rule {ruleId} allows no extension{reasonEn}',
  },
  DEADLINE_EXTENSION_LIMIT: {
    status: 400,
    vi: 'Quy tắc {ruleId} chỉ cho phép gia hạn tối đa {max} lần đối với {level}; đã nhập {count} lần',
    en: 'Rule {ruleId} allows at most {max} extension(s) for {levelEn}; {count} given',
  },
  DEADLINE_EXTENSION_TOO_LONG: {
    status: 400,
    vi: 'Mỗi lần gia hạn của {ruleId} từ 1 đến {max} {unit}; đã nhập {days}',
    en: 'Each extension of {ruleId} must be 1 to {max} {unitEn}; got {days}',
  },
  DEADLINE_EXTENSION_DECISION_REQUIRED: {
    status: 400,
    vi: 'Gia hạn {ruleId} phải có quyết định gia hạn (số, ký hiệu và ngày ban hành)',
    en: 'An extension of {ruleId} needs a decision (number and date)',
  },
  DEADLINE_EXTENSION_DATE: {
    status: 400,
    vi: 'Quyết định gia hạn ngày {date} phải ban hành từ ngày {trigger} đến hết hạn đang áp dụng ({due})',
    en: 'The extension decided on {date} must lie between {trigger} and the deadline then in force ({due})',
  },
  DEADLINE_SUSPENSION_NOT_ALLOWED: {
    status: 400,
    vi: 'Quy tắc {ruleId} (phiên bản {version}) không có căn cứ tạm dừng tính thời hạn',
    en: 'Rule {ruleId} (version {version}) has no ground for stopping the clock',
  },
  DEADLINE_SUSPENSION_TOO_EARLY: {
    status: 400,
    vi: 'Quy tắc {ruleId} (phiên bản {version}) chỉ có căn cứ tạm đình chỉ từ ngày {from} ({basis}); không áp dụng cho quyết định ngày {date}',
    en: 'Rule {ruleId} (version {version}) has a ground for suspension only from {from} ({basis}); not for the decision of {date}',
  },
  DEADLINE_SUSPENSION_INVALID: {
    status: 400,
    vi: 'Khoảng tạm dừng {from} – {to} không hợp lệ: {reason}',
    en: 'Suspension {from} – {to} is invalid: {reasonEn}',
  },
  DEADLINE_CALENDAR_UNAVAILABLE: {
    status: 400,
    vi: 'Không có lịch ngày làm việc cho các năm {years}: {detail}',
    en: 'No working-day calendar for the years {years}: {detail}',
  },
} as const satisfies Record<string, DeadlineErrorDef>;

/** A code of {@link DEADLINE_ERRORS}. */
export type DeadlineErrorCode = keyof typeof DEADLINE_ERRORS;

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * The only error the deadline engine throws for bad input. `message` is "Vietnamese / English"
 * so a CLI can print it as is; `vi` and `en` hold each language alone.
 */
export class DeadlineError extends Error {
  /** Stable code from {@link DEADLINE_ERRORS}. */
  readonly code: DeadlineErrorCode;
  /** HTTP status an API should answer with. */
  readonly status: number;
  /** Parameters filled into the message. */
  readonly params: Readonly<Record<string, string | number>>;
  /** The message in Vietnamese. */
  readonly vi: string;
  /** The message in English. */
  readonly en: string;

  /**
   * @param code - a catalogue code.
   * @param params - values for the `{name}` placeholders.
   */
  constructor(code: DeadlineErrorCode, params: Readonly<Record<string, string | number>> = {}) {
    const def: DeadlineErrorDef = DEADLINE_ERRORS[code];
    const vi = fill(def.vi, params).normalize('NFC');
    const en = fill(def.en, params);
    super(`${vi} / ${en}`);
    this.name = 'DeadlineError';
    this.code = code;
    this.status = def.status;
    this.params = params;
    this.vi = vi;
    this.en = en;
  }
}
