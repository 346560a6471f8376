/**
 * Dates on which the law the domain applies changed, each named once (issue #9), so that no
 * rule, check or screen writes the date again and a correction is made in one place.
 */

import { addDays, type IsoDate } from './dates';

/**
 * Law 136/2025/QH15 (amending the Laws on Citizen Reception 42/2013, Complaints 02/2011 and
 * Denunciations 25/2018) takes effect on 01/07/2026 (DOMAIN.md §2.1). The decrees detailing it
 * take effect the same day: Decree 155/2026/NĐ-CP on complaints (its Art. 21(1)), and Decrees
 * 154/2026 (citizen reception) and 156/2026 (denunciations).
 */
export const LAW_136_2025_EFFECTIVE: IsoDate = '2026-07-01';

/** The last day before Law 136/2025/QH15: the last trigger date of a rule version it replaced. */
export const LAW_136_2025_DAY_BEFORE: IsoDate = addDays(LAW_136_2025_EFFECTIVE, -1);
