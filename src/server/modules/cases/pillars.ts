/**
 * What the `cases` module puts on the dashboard by pillar (issue #13, "dân giám sát"): open cases
 * overdue by unit (each a drill-down to that unit's overdue cases), prolonged and repeated cases,
 * and, for a handler, the cases whose statutory deadline waits for them. Counts only: no case,
 * and no protected identity, leaves the module through these cards.
 */
import { pillarPart } from '../../platform/module';
import { toneOfLate, viNumber } from '../../platform/pillars';
import { oversightPillarSql } from './queries/oversight';

type Load = { open: number; overdue: number; dueSoon: number; prolonged: number };
type Answer = {
  units: (Load & { id: string | null; name: string | null })[];
  mine: { overdue: number; dueSoon: number };
  repeated: number;
};

/** The oversight's counts (as `oversight`, without its lists), asked in the board's one statement (issue #17). */
export const casePillars = pillarPart<{ oversight: Answer }>({
  ask: ({ actor, today }) => ({ oversight: oversightPillarSql(actor, today) }),
  build: (a, { actor }) => {
    const oversees = actor.roles.some(
      (r) => r.role === 'office' || r.role === 'leader' || r.role === 'inspection' || r.role === 'unit_head',
    );
    const groups = a.oversight?.units ?? [];
    const sum = (k: keyof Load) => groups.reduce((s, g) => s + g[k], 0);
    const o = {
      totals: { open: sum('open'), overdue: sum('overdue'), prolonged: sum('prolonged'), repeated: a.oversight?.repeated ?? 0 },
      byUnit: [...groups]
        .sort((x, y) => y.overdue - x.overdue || y.open - x.open)
        .map((g) => ({
          unit: { id: g.id ?? '-', name: g.id ? (g.name ?? '') : 'Chưa giao' },
          open: g.open,
          overdue: g.overdue,
          dueSoon: g.dueSoon,
        })),
    };
    const mine = a.oversight?.mine;
    const waiting =
      mine && mine.overdue + mine.dueSoon > 0
        ? [
            {
              key: 'cases.mine_due',
              pillar: 'supervise' as const,
              label: { vi: 'Đơn thư bạn xử lý đã hoặc sắp đến hạn', en: 'Cases you handle that are due or overdue' },
              count: mine.overdue + mine.dueSoon,
              link: '/cases?mine=true',
            },
          ]
        : [];
    // Only those who oversee cases get the picture of their scope (the head answers for settling
    // complaints and denunciations, Law 02/2011 and Law 25/2018; a unit head for the unit's); staff their own.
    if (!oversees || o.totals.open === 0) return { waiting };
    return {
      waiting,
      cards: [
        {
          key: 'cases.overdue_by_unit',
          pillar: 'supervise',
          title: { vi: 'Đơn thư quá hạn theo đơn vị', en: 'Overdue cases by unit' },
          value: o.totals.overdue,
          display: `${viNumber(o.totals.overdue)}/${viNumber(o.totals.open)}`,
          tone: toneOfLate(o.totals.overdue),
          how: {
            vi: 'Đơn đang giải quyết có thời hạn luật định đã qua mà chưa thực hiện, trên tổng số đơn đang giải quyết.',
            en: 'Open cases with a statutory deadline missed, out of all open cases.',
          },
          link: '/cases/oversight',
          rows: o.byUnit.map((u) => ({
            label: u.unit.name,
            display: `${viNumber(u.overdue)} quá hạn · ${viNumber(u.open)} đang mở`,
            tone: u.overdue > 0 ? 'behind' : u.dueSoon > 0 ? 'watch' : 'ok',
            link: u.unit.id === '-' ? '/cases/oversight' : `/cases?unitId=${u.unit.id}&due=overdue`,
          })),
        },
        {
          key: 'cases.prolonged',
          pillar: 'supervise',
          title: { vi: 'Vụ việc kéo dài, đơn lặp lại', en: 'Prolonged and repeated cases' },
          value: o.totals.prolonged,
          display: `${viNumber(o.totals.prolonged)} · ${viNumber(o.totals.repeated)}`,
          tone: o.totals.prolonged > 0 ? 'watch' : 'ok',
          how: {
            vi: 'Kéo dài: đang giải quyết quá 90 ngày hoặc đã gia hạn; lặp lại: đơn được gắn là đơn lặp lại của đơn trước.',
            en: 'Prolonged: open over 90 days or extended; repeated: cases linked as a repeat of an earlier one.',
          },
          link: '/cases/oversight',
        },
      ],
    };
  },
});
