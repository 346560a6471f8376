/** The legal day: deadlines and dates of record are days in Vietnam (Asia/Ho_Chi_Minh, UTC+7). */

/** Today in Vietnam as an ISO date (YYYY-MM-DD). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
