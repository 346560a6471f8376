/** What the public sees for a tracking code. */
import { eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../../domain';
import {
  CASE_STATUS_LABELS,
  EVENT_TYPE_LABELS,
  type CaseEventType,
  type CaseKind,
  type CaseStatus,
  type TPortalStatus,
} from '../../../../contracts/cases';
import type { Tx } from '../../../platform/db';
import { caseDeadlines, cases } from '../tables';
import { eventsOf } from '../records';

/** What the public sees for a tracking code: status, public steps, next due date, public answer. No names. */
export async function portalStatus(tx: Tx, trackingCode: string): Promise<TPortalStatus | null> {
  const code = trackingCode.trim().toUpperCase();
  const [c] = await tx.select().from(cases).where(eq(cases.trackingCode, code));
  if (!c) return null;
  const PUBLIC: CaseEventType[] = [
    'received',
    'accepted',
    'not_accepted',
    'forwarded',
    'guided',
    'assigned',
    'extended',
    'suspended',
    'resumed',
    'withdrawn',
    'terminated',
    'decided',
    'public_answer',
  ];
  const events = (await eventsOf(tx, c.id)).filter((e) => PUBLIC.includes(e.type as CaseEventType));
  const dls = await tx.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id));
  const next = dls
    .filter((d) => d.status === 'open' || (d.status === 'stopped' && c.status === 'suspended'))
    .sort((a, b) => compareIsoDates(a.due, b.due))[0];
  return {
    trackingCode: c.trackingCode!,
    kind: c.kind as CaseKind,
    subject: c.subject,
    receivedOn: c.receivedOn,
    status: c.status as CaseStatus,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    // Labels only: event summaries can name units, handlers or decision numbers.
    steps: events.map((e) => ({ on: e.on, label: EVENT_TYPE_LABELS[e.type as CaseEventType] })),
    nextDue: next?.due ?? null,
    publicAnswer: c.publicAnswer,
  };
}
