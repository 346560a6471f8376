/**
 * What the `inspection` module puts on the dashboard by pillar (issue #13, "dân kiểm tra"): the
 * board's recommendations awaiting the head's answer, those past the 15 days (Law 10/2022
 * Art. 63(1)), and for the head, the recommendations waiting for their answer; for the Office, the
 * Front's recommendations awaiting the agency's response.
 */
import { and, isNotNull, isNull } from 'drizzle-orm';
import type { ActorContext, PillarContribution, WaitingItem } from '../../platform/module';
import { toneOfLate, viNumber } from '../../platform/pillars';
import { isHeadSide, oversees } from './policy';
import { recommendationStatus } from './rules';
import { can } from '../../platform/roles';
import { frontState } from './front';
import { frontItems, inspectionRecommendations } from './tables';

/**
 * The Office's answers owed to the Fatherland Front and mass organisations (seed plan II.8,
 * II.12): comments and recommendations with a response day set and no response yet, overdue first.
 */
async function frontWaiting(ctx: ActorContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, 'front.manage')) return [];
  const open = (
    await ctx.tx
      .select()
      .from(frontItems)
      .where(and(isNotNull(frontItems.responseDueOn), isNull(frontItems.respondedOn)))
  ).filter((r) => r.responseDueOn);
  if (!open.length) return [];
  const overdue = open.filter((r) => frontState(r, ctx.today) === 'overdue').length;
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
      count: open.length,
      due: open.map((r) => r.responseDueOn!).sort()[0] ?? null,
      link: '/inspection?tab=front',
    },
  ];
}

export async function inspectionPillars(ctx: ActorContext): Promise<PillarContribution> {
  const { tx, actor, today } = ctx;
  const front = await frontWaiting(ctx);
  if (!oversees(actor)) return front.length ? { waiting: front } : {};
  const open = await tx.select().from(inspectionRecommendations).where(isNull(inspectionRecommendations.answeredOn));
  const overdue = open.filter((r) => recommendationStatus(r.dueOn, null, today) === 'overdue');
  const nearest = open.map((r) => r.dueOn).sort()[0] ?? null;
  return {
    // The head answers within 15 days (Art. 63(1)): the recommendations wait for them.
    waiting: [
      ...front,
      ...(isHeadSide(actor) && open.length
        ? [
            {
              key: 'inspection.to_answer',
              pillar: 'inspect',
              label: { vi: 'Kiến nghị của Ban Thanh tra nhân dân chờ bạn trả lời', en: 'Board recommendations awaiting your answer' },
              count: open.length,
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
        value: open.length,
        display: `${viNumber(open.length)} · ${viNumber(overdue.length)} quá hạn`,
        tone: overdue.length ? toneOfLate(overdue.length) : open.length ? 'watch' : 'ok',
        how: {
          vi: 'Kiến nghị chưa được người đứng đầu trả lời; quá hạn: quá 15 ngày kể từ ngày nhận (Luật 10/2022, Điều 63).',
          en: 'Recommendations the head has not answered; overdue: past 15 days from receipt (Law 10/2022, Art. 63).',
        },
        link: '/inspection?tab=recommendations',
        rows: open
          .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
          .slice(0, 10)
          .map((r) => ({
            label: r.title,
            display: `hạn ${r.dueOn.split('-').reverse().join('/')}`,
            tone: recommendationStatus(r.dueOn, null, today) === 'overdue' ? ('behind' as const) : ('watch' as const),
            link: '/inspection?tab=recommendations',
          })),
      },
    ],
  };
}
