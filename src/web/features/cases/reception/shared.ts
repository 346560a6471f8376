/** Types and colours shared by the reception schedule and the register book. */
import { LAW_136_2025_EFFECTIVE } from '../../../../domain/legal-dates';
import type { HostKind, TReceptionHost, TReceptionSchedule, TReceptionSession } from '../../../../contracts/reception';

export type SessionStatus = TReceptionSession['status'];

export type Host = TReceptionHost;

export type SessionsData = TReceptionSchedule;

export const SESSION_STATUS_COLORS: Record<SessionStatus, string> = {
  planned: 'gray',
  published: 'blue',
  held: 'green',
  postponed: 'yellow',
  cancelled: 'red',
};

export const HOST_KIND_COLORS: Record<HostKind, string> = { head: 'red', deputy: 'orange', officer: 'gray' };

/** Online reception exists from 01/07/2026 (Law 136/2025, new Art. 3a of Law 42/2013). */
export const ONLINE_FROM = LAW_136_2025_EFFECTIVE;

/* ---------------- Schedule ---------------- */

export function hostLabel(h: Host) {
  return `${h.name}${h.title ? ` — ${h.title}` : ''}`;
}
