/**
 * What the `inspection` module puts on the dashboard by pillar (issue #13, "dân kiểm tra"): the
 * board's recommendations awaiting the head's answer, those past the 15 days (Law 10/2022
 * Art. 63(1)), and for the head, the recommendations waiting for their answer; for the Office, the
 * Front's recommendations awaiting the agency's response.
 */
import { sql } from 'drizzle-orm';
import { type ActorContext, pillarPart, type WaitingItem } from '../../platform/module';
import { toneOfLate, viNumber } from '../../platform/pillars';
import { can } from '../../platform/roles';
import { isHeadSide, oversees } from './policy';
import { frontItems, inspectionRecommendations } from './tables';

/** How many of the open recommendations the card lists, nearest due first (the figure counts them all). */
const LISTED = 10;

type Answer = {
  front: { open: number; overdue: number; nearest: string | null };
  recs: { open: number; overdue: number; nearest: string | null; first: { title: string; dueOn: string }[] };
};

/**
 * The Office's answers owed to the Fatherland Front and mass organisations (seed plan II.8,
 * II.12): comments and recommendations with a response day set and no response yet, overdue
 * (past the day, `frontState`) counted apart.
 */
function frontSql(today: string) {
  const f = frontItems;
  return sql`select json_build_object('open', count(*), 'overdue', count(*) filter (where ${f.responseDueOn} < ${today}::date),
      'nearest', min(${f.responseDueOn}))
    from ${f} where ${f.responseDueOn} is not null and ${f.respondedOn} is null`;
}

/** The recommendations the head has not answered; overdue past their day (`recommendationStatus`, Art. 63(1)). */
function recommendationsSql(today: string) {
  const r = inspectionRecommendations;
  return sql`select json_build_object('open', count(*), 'overdue', count(*) filter (where ${r.dueOn} < ${today}::date),
      'nearest', min(${r.dueOn}),
      'first', (select coalesce(json_agg(json_build_object('title', x.title, 'dueOn', x.due_on) order by x.due_on, x.id), '[]'::json)
        from (select ${r.title} as title, ${r.dueOn} as due_on, ${r.id} as id from ${r} where ${r.answeredOn} is null
          order by ${r.dueOn}, ${r.id} limit ${LISTED}) x))
    from ${r} where ${r.answeredOn} is null`;
}

function frontWaiting(ctx: ActorContext, f: Answer['front'] | undefined): WaitingItem[] {
  if (!can(ctx.actor, 'front.manage') || !f?.open) return [];
  const { overdue } = f;
  return [
    {
      key: 'front.to_respond',
      pillar: 'supervise',
      label: overdue
        ? {
            vi: `Kiến nghị của Mặt trận, đoàn thể chờ cơ quan trả lời (${overdue} quá hạn)`,
            en: `Front and mass organisations' recommendations awaiting the agency's response (${overdue} overdue)`,
          }
        : {
            vi: 'Kiến nghị của Mặt trận, đoàn thể chờ cơ quan trả lời',
            en: "Front and mass organisations' recommendations awaiting the agency's response",
          },
      count: f.open,
      due: f.nearest,
      link: '/inspection?tab=front',
    },
  ];
}

export const inspectionPillars = pillarPart<Answer>({
  ask: ({ actor, today }) => ({
    ...(can(actor, 'front.manage') ? { front: frontSql(today) } : {}),
    ...(oversees(actor) ? { recs: recommendationsSql(today) } : {}),
  }),
  build: (a, ctx) => {
    const { actor, today } = ctx;
    const front = frontWaiting(ctx, a.front);
    if (!oversees(actor) || !a.recs) return front.length ? { waiting: front } : {};
    const { open, overdue, nearest } = a.recs;
    return {
      // The head answers within 15 days (Art. 63(1)): the recommendations wait for them.
      waiting: [
        ...front,
        ...(isHeadSide(actor) && open
          ? [
              {
                key: 'inspection.to_answer',
                pillar: 'inspect',
                label: { vi: 'Kiến nghị của Ban Thanh tra nhân dân chờ bạn trả lời', en: 'Board recommendations awaiting your answer' },
                count: open,
                due: nearest,
                link: '/inspection?tab=recommendations',
              } satisfies WaitingItem,
            ]
          : []),
      ],
      cards: [
        {
          key: 'inspection.recommendations',
          pillar: 'inspect',
          title: { vi: 'Kiến nghị của Ban Thanh tra nhân dân chờ trả lời', en: "Board recommendations awaiting the head's answer" },
          value: open,
          display: `${viNumber(open)} · ${viNumber(overdue)} quá hạn`,
          tone: overdue ? toneOfLate(overdue) : open ? 'watch' : 'ok',
          how: {
            vi: 'Kiến nghị chưa được người đứng đầu trả lời; quá hạn: quá 15 ngày kể từ ngày nhận (Luật 10/2022, Điều 63).',
            en: 'Recommendations the head has not answered; overdue: past 15 days from receipt (Law 10/2022, Art. 63).',
          },
          link: '/inspection?tab=recommendations',
          rows: a.recs.first.map((r) => ({
            label: r.title,
            display: `hạn ${r.dueOn.split('-').reverse().join('/')}`,
            tone: r.dueOn < today ? ('behind' as const) : ('watch' as const),
            link: '/inspection?tab=recommendations',
          })),
        },
      ],
    };
  },
});
