/**
 * Figures the `disclosures` module contributes to reports and ratings (issue #10), each with how
 * it was counted. Publicity is the agency's (the head's, through the Office): items addressed to
 * one unit count for that unit, items addressed to all staff or the public count for every unit.
 */
import { and, gte, lte } from 'drizzle-orm';
import { addDays, compareIsoDates, formatDmy } from '../../../domain';
import type { IndicatorScope, ReportIndicator } from '../../platform/module';
import type { Tx } from '../../platform/db';
import { disclosureItems } from './tables';

type Row = typeof disclosureItems.$inferSelect;

async function decidedIn(tx: Tx, s: IndicatorScope): Promise<Row[]> {
  const rows = await tx
    .select()
    .from(disclosureItems)
    .where(and(gte(disclosureItems.decidedOn, s.from), lte(disclosureItems.decidedOn, s.to)));
  return rows.filter((r) => r.audience !== 'unit' || r.unitId === s.unitId);
}

/** Published on time: posted no later than its publish-by day (Art. 47(2)). */
export function publishedOnTime(rows: Row[]): { onTime: number; late: number; unpublished: number } {
  let onTime = 0;
  let late = 0;
  let unpublished = 0;
  for (const r of rows) {
    if (!r.postedOn) unpublished++;
    else if (compareIsoDates(r.postedOn, r.publishBy) <= 0) onTime++;
    else late++;
  }
  return { onTime, late, unpublished };
}

/**
 * Withdrawn on time: taken down no later than the day after the end of its posting period, or
 * (source lapsed) by the sweep — nothing left posted past its validity.
 */
export function withdrawnOnTime(rows: Row[]): { onTime: number; late: number } {
  let onTime = 0;
  let late = 0;
  for (const r of rows) {
    if (r.status !== 'withdrawn' || !r.withdrawnOn) continue;
    const limit = r.postedUntil ? addDays(r.postedUntil, 1) : r.withdrawnOn;
    if (r.withdrawnBy === 'sweep' || compareIsoDates(r.withdrawnOn, limit) <= 0) onTime++;
    else late++;
  }
  return { onTime, late };
}

export const DISCLOSURE_INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'disclosures_published_on_time',
    name: 'Nội dung công khai đúng hạn',
    unit: 'nội dung',
    definition:
      'Nội dung phải công khai (Điều 46 Luật 10/2022/QH15) được công khai chậm nhất 05 ngày làm việc sau quyết định (Điều 47 khoản 2)',
    compute: async ({ tx }, s) => {
      const c = publishedOnTime(await decidedIn(tx, s));
      return {
        value: c.onTime,
        how: `Đếm nội dung có ngày quyết định từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} (gửi toàn cơ quan hoặc gửi đơn vị) đã niêm yết, đăng tải không muộn hơn hạn công khai; ${c.late} nội dung công khai trễ hạn, ${c.unpublished} nội dung chưa công khai`,
      };
    },
  },
  {
    code: 'disclosures_withdrawn_on_time',
    name: 'Nội dung gỡ đúng hạn',
    unit: 'nội dung',
    definition:
      'Nội dung hết thời hạn niêm yết hoặc có văn bản nguồn hết hiệu lực được gỡ kịp thời, lưu trữ để cung cấp khi có yêu cầu (Điều 48)',
    compute: async ({ tx }, s) => {
      const c = withdrawnOnTime(await decidedIn(tx, s));
      return {
        value: c.onTime,
        how: `Đếm nội dung có ngày quyết định từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} đã gỡ không muộn hơn ngày sau hạn niêm yết hoặc do rà soát tự động; ${c.late} nội dung gỡ muộn`,
      };
    },
  },
];
