/**
 * The API client: same-origin cookies, the anti-forgery header on writes, the UI language,
 * and server errors carried as ApiError (code, message, per-field messages).
 */
export type FieldError = { field: string; message: string; vi: string; en: string };
export type ErrorBody = { error: { code: string; message: string; vi: string; en: string; fields: FieldError[]; requestId: string } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody['error'],
  ) {
    super(body.message);
  }
  /** Messages by field name, for showing next to inputs. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.body.fields) out[f.field] = f.message.replace(/^[\w.]+: /, '');
    return out;
  }
}

let csrfToken = '';
let locale: 'vi' | 'en' = 'vi';
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(t: string) {
  csrfToken = t;
}
export function setApiLocale(l: 'vi' | 'en') {
  locale = l;
}
export function setOnUnauthenticated(fn: () => void) {
  onUnauthenticated = fn;
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-locale': locale };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  if (res.status === 401 && !url.endsWith('/auth/login')) onUnauthenticated();
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const err = new ApiError(res.status, ((await res.json()) as ErrorBody).error);
      // The server refuses everything else until a forced password change is done (issue #16).
      if (err.body.code === 'PASSWORD_CHANGE_REQUIRED' && window.location.pathname !== '/account/password')
        window.location.assign('/account/password');
      throw err;
    }
    throw new ApiError(res.status, {
      code: 'HTTP',
      message: `HTTP ${res.status}`,
      vi: `Lỗi ${res.status}`,
      en: `HTTP ${res.status}`,
      fields: [],
      requestId: '',
    });
  }
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Build a query string, skipping empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
