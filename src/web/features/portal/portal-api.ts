/**
 * The portal's own fetch: no session cookie is sent (`credentials: 'omit'`), so a staff member
 * who is logged in on the same browser files as an anonymous citizen, and the anti-forgery
 * check for cookie sessions does not apply. Errors come back as the app's ApiError.
 */
import { ApiError, type ErrorBody } from '../../api';
import i18n from '../../i18n';

export type TPortalAgency = { code: string; name: string; parentName: string | null };

/** A session of the published reception schedule (server: ZPublicSession in cases/portal.ts). */
export type TPortalSession = {
  date: string;
  startTime: string;
  endTime: string;
  hostKind: 'head' | 'deputy' | 'officer';
  hostName: string;
  mode: 'in_person' | 'online';
  place: string;
  bridgePoints: string | null;
  attendees: string | null;
  topics: string | null;
  adhoc: boolean;
  status: 'planned' | 'published' | 'held' | 'postponed' | 'cancelled';
  postponedTo: string | null;
  statusReason: string | null;
};

/** Thrown when the server could not be reached (the request may or may not have arrived). */
export class NetworkError extends Error {}

export async function portalFetch<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-locale': i18n.language === 'en' ? 'en' : 'vi' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) throw new ApiError(res.status, ((await res.json()) as ErrorBody).error);
    throw new ApiError(res.status, {
      code: 'HTTP',
      message: `HTTP ${res.status}`,
      vi: `Lỗi ${res.status}`,
      en: `HTTP ${res.status}`,
      fields: [],
      requestId: '',
    });
  }
  return (await res.json()) as T;
}

export const agencyPath = (agency: string) => `/api/public/${encodeURIComponent(agency)}`;

/** A fresh idempotency key: 32 hex characters (a UUID without its dashes). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

const storageKey = (agency: string) => `danchu.portal.${agency}.key`;

/** The form's key: made once, kept in sessionStorage so a retry (even after a reload) reuses it. */
export function formKey(agency: string): string {
  try {
    const saved = sessionStorage.getItem(storageKey(agency));
    if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
    const k = newIdempotencyKey();
    sessionStorage.setItem(storageKey(agency), k);
    return k;
  } catch {
    return newIdempotencyKey();
  }
}

/** After a submission is received, the next form gets a new key. */
export function resetFormKey(agency: string): string {
  try {
    sessionStorage.removeItem(storageKey(agency));
  } catch {
    /* storage unavailable */
  }
  return formKey(agency);
}
