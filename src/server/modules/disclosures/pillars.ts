/**
 * What the `disclosures` module puts on the dashboard by pillar (issue #13, "dân biết"): items
 * overdue to publish (Law 10/2022 Art. 46–48: publish within the period the rule sets), posted
 * late this year, and, for whoever publishes, the items waiting to be posted.
 */
import type { ActorContext, PillarContribution, PillarTarget } from '../../platform/module';
import { rate, toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { can } from '../../platform/roles';
import { targetsFor } from '../targets';
import { listItems } from './service';

/** The share of items posted by their publish-by day the Office aims for (Law 10/2022/QH15 Art. 47(2): within 05 working days). */
export const DISCLOSURE_TARGETS: readonly PillarTarget[] = [
  {
    key: 'disclosures.on_time',
    pillar: 'know',
    label: { vi: 'Tỷ lệ nội dung công khai đúng hạn (%)', en: 'Items published on time (%)' },
    default: 90,
    min: 0,
    max: 100,
    basis: 'Luật 10/2022/QH15, Điều 47 khoản 2 (công khai chậm nhất 05 ngày làm việc)',
  },
];

export async function disclosurePillars(ctx: ActorContext): Promise<PillarContribution> {
  if (!can(ctx.actor, 'disclosures.oversee')) return {};
  const items = await listItems(ctx);
  const overdue = items.filter((i) => i.overdue);
  const year = ctx.today.slice(0, 4);
  const postedThisYear = items.filter((i) => i.postedOn?.startsWith(year));
  const onTime = rate(postedThisYear.filter((i) => !i.late).length, postedThisYear.length);
  const toPublish = items.filter((i) => i.status === 'draft');
  const target = (await targetsFor(ctx, Number(year)))('disclosures.on_time');
  const byUnit = new Map<string, { name: string; n: number }>();
  for (const i of overdue) {
    const k = i.unit?.id ?? '-';
    byUnit.set(k, { name: i.unit?.name ?? 'Cơ quan', n: (byUnit.get(k)?.n ?? 0) + 1 });
  }
  return {
    waiting:
      can(ctx.actor, 'disclosures.manage') && toPublish.length
        ? [
            {
              key: 'disclosures.to_publish',
              pillar: 'know',
              label: { vi: 'Nội dung chờ công khai', en: 'Items waiting to be published' },
              count: toPublish.length,
              due: toPublish.map((i) => i.publishBy).sort()[0] ?? null,
              link: '/disclosures?view=overdue',
            },
          ]
        : [],
    cards: [
      {
        key: 'disclosures.overdue',
        pillar: 'know',
        title: { vi: 'Công khai quá hạn', en: 'Disclosures overdue' },
        value: overdue.length,
        display: `${viNumber(overdue.length)} quá hạn · ${viPercent(onTime)} đúng hạn`,
        tone: overdue.length ? 'behind' : onTime === null ? 'info' : toneOfRate(onTime, target),
        how: {
          vi: `Quá hạn: chưa niêm yết mà đã qua ngày phải công khai; đúng hạn: nội dung niêm yết năm ${year} không muộn hơn hạn (${postedThisYear.length} nội dung); chỉ tiêu ${viNumber(target)}%.`,
          en: `Overdue: not posted past the publish-by day; on time: items posted in ${year} by their day (${postedThisYear.length} items); target ${target}%.`,
        },
        link: '/disclosures?view=overdue',
        rows: [...byUnit.values()]
          .sort((a, b) => b.n - a.n)
          .map((u) => ({ label: u.name, display: `${u.n} quá hạn`, tone: 'behind' as const, link: '/disclosures?view=overdue' })),
      },
    ],
  };
}
