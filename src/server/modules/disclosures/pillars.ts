/**
 * What the `disclosures` module puts on the dashboard by pillar (issue #13, "dân biết"): items
 * overdue to publish (Law 10/2022 Art. 46–48: publish within the period the rule sets), posted
 * late this year, and, for whoever publishes, the items waiting to be posted.
 */
import { sql } from 'drizzle-orm';
import { type PillarTarget, pillarPart } from '../../platform/module';
import { rate, toneOfRate, viNumber, viPercent } from '../../platform/pillars';
import { can } from '../../platform/roles';
import { units } from '../../platform/tables';
import { TARGETS_ASK, targetsFromAnswer, targetsSql } from '../targets';
import { disclosureItems } from './tables';

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

type Answer = {
  /** The items overdue to publish (a draft past its publish-by day), newest decision first, with their unit. */
  overdue: { unitId: string | null; unitName: string | null }[];
  /** Posted this year, and of them posted by their day. */
  posted: number;
  onTime: number;
  /** Drafts waiting to be posted, and the nearest publish-by day among them. */
  drafts: number;
  nearest: string | null;
};

/** The figures of the card (as the list of items would count them, `listItems`), as one json expression (issue #17). */
function disclosureFiguresSql(today: string) {
  const i = disclosureItems;
  const year = today.slice(0, 4);
  return sql`select json_build_object(
      'overdue', coalesce(json_agg(json_build_object('unitId', ${i.unitId}, 'unitName', (select u.name from ${units} u where u.id = ${i.unitId}))
        order by ${i.decidedOn} desc, ${i.title}) filter (where ${i.status} = 'draft' and ${i.publishBy} < ${today}::date), '[]'::json),
      'posted', count(*) filter (where to_char(${i.postedOn}, 'YYYY') = ${year}),
      'onTime', count(*) filter (where to_char(${i.postedOn}, 'YYYY') = ${year} and ${i.postedOn} <= ${i.publishBy}),
      'drafts', count(*) filter (where ${i.status} = 'draft'),
      'nearest', min(${i.publishBy}) filter (where ${i.status} = 'draft'))
    from ${i}`;
}

export const disclosurePillars = pillarPart<{ figures: Answer; [TARGETS_ASK]: unknown }>({
  ask: ({ actor, today }) =>
    can(actor, 'disclosures.oversee') ? { figures: disclosureFiguresSql(today), [TARGETS_ASK]: targetsSql(Number(today.slice(0, 4))) } : {},
  build: (a, ctx) => {
    if (!can(ctx.actor, 'disclosures.oversee') || !a.figures) return {};
    const f = a.figures;
    const overdue = f.overdue;
    const year = ctx.today.slice(0, 4);
    const onTime = rate(f.onTime, f.posted);
    const target = targetsFromAnswer(ctx, a[TARGETS_ASK])('disclosures.on_time');
    const byUnit = new Map<string, { name: string; n: number }>();
    for (const i of overdue) {
      const k = i.unitId ?? '-';
      byUnit.set(k, { name: i.unitId ? (i.unitName ?? '') : 'Cơ quan', n: (byUnit.get(k)?.n ?? 0) + 1 });
    }
    return {
      waiting:
        can(ctx.actor, 'disclosures.manage') && f.drafts
          ? [
              {
                key: 'disclosures.to_publish',
                pillar: 'know',
                label: { vi: 'Nội dung chờ công khai', en: 'Items waiting to be published' },
                count: f.drafts,
                due: f.nearest,
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
            vi: `Quá hạn: chưa niêm yết mà đã qua ngày phải công khai; đúng hạn: nội dung niêm yết năm ${year} không muộn hơn hạn (${f.posted} nội dung); chỉ tiêu ${viNumber(target)}%.`,
            en: `Overdue: not posted past the publish-by day; on time: items posted in ${year} by their day (${f.posted} items); target ${target}%.`,
          },
          link: '/disclosures?view=overdue',
          rows: [...byUnit.values()]
            .sort((a, b) => b.n - a.n)
            .map((u) => ({ label: u.name, display: `${u.n} quá hạn`, tone: 'behind' as const, link: '/disclosures?view=overdue' })),
        },
      ],
    };
  },
});
