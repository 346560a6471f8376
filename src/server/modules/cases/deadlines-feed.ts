/**
 * The `cases` module's contribution to a person's calendar feed: the open statutory deadlines of
 * the cases they handle or decide (DOMAIN.md §2), and the reception sessions they host (Law on
 * Citizen Reception 2013). The title names the case by its code and kind only: no subject and no
 * identity leaves the app in a feed.
 */
import { and, eq, gte, inArray, lte, or } from 'drizzle-orm';
import type { ActorContext, PersonalDeadline } from '../../platform/module';
import { receptionSessions } from './reception/tables';
import { caseDeadlines, cases } from './tables';

/**
 * @returns one deadline per open case deadline and per planned or published session.
 */
export async function caseFeedDeadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]> {
  const me = ctx.actor.userId;
  const rows = await ctx.tx
    .select({ caseId: cases.id, code: cases.code, ruleId: caseDeadlines.ruleId, title: caseDeadlines.title, due: caseDeadlines.due })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .where(
      and(
        eq(caseDeadlines.status, 'open'),
        gte(caseDeadlines.due, range.from),
        lte(caseDeadlines.due, range.to),
        or(eq(cases.handlerId, me), eq(cases.decisionMakerId, me)),
      ),
    );
  const sessions = await ctx.tx
    .select()
    .from(receptionSessions)
    .where(
      and(
        eq(receptionSessions.hostId, me),
        gte(receptionSessions.date, range.from),
        lte(receptionSessions.date, range.to),
        inArray(receptionSessions.status, ['planned', 'published']),
      ),
    );
  return [
    ...rows.map((r) => ({
      uid: `case-${r.caseId}-${r.ruleId}@danchu`,
      date: r.due,
      title: `${r.code}: ${r.title}`,
      link: `/cases/${r.caseId}`,
    })),
    ...sessions.map((s) => ({
      uid: `reception-${s.id}@danchu`,
      date: s.date,
      title: `Tiếp công dân ${s.startTime}–${s.endTime}, ${s.place}`,
      link: '/reception',
    })),
  ];
}
