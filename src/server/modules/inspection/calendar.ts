/** The agency's working-day calendar for the board's dates (loaded once per request for the years needed). */
import type { CalendarProvider } from '../../../domain/deadlines';
import type { Tx } from '../../platform/db';
import { workingCalendarFor } from '../calendar';
import { type BoardDeadline, type BoardRule, boardDeadline, earliestStart, yearsAround } from './deadlines';

/** A provider covering the years around the given days (the engine asks only for years in range). */
export async function calendarAround(tx: Tx, ...days: string[]): Promise<CalendarProvider> {
  const cal = await workingCalendarFor(tx, yearsAround(...days));
  return () => cal;
}

/** One board date computed on the agency calendar. */
export async function computeBoardDate(tx: Tx, ruleId: BoardRule, trigger: string): Promise<BoardDeadline> {
  return boardDeadline(ruleId, trigger, await calendarAround(tx, trigger));
}

/** The earliest lawful start of an activity planned today (BTTND-NOTICE). */
export async function earliestLawfulStart(tx: Tx, today: string): Promise<string> {
  return earliestStart(today, await calendarAround(tx, today));
}
