/** The legal day: deadlines and dates of record are days in Vietnam (Asia/Ho_Chi_Minh, UTC+7). */

// One definition, the domain's: integer arithmetic on the fixed UTC+7 offset, checked against ICU
// by a property test (src/domain/dates.test.ts). This file used to build an Intl.DateTimeFormat
// on every call, a time-zone look-up that took 3 % of a busy server's CPU (issue #17).
export { todayInVietnam } from '../../domain/dates';
