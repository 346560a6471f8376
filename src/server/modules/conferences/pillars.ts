/**
 * What the `conferences` module puts on the dashboard by pillar (issue #13, "dân bàn"):
 * consultations open and those closed without a published explanation, the yearly staff
 * conference and the 6-monthly review of its resolution (Law 10/2022 Art. 52(3)); and what
 * waits: drafts awaiting this person's comments.
 */
import { addDays } from '../../../domain';
import { type PillarCard, pillarPart } from '../../platform/module';
import { viNumber } from '../../platform/pillars';
import { CALENDAR_ASK, calendarFromAnswer, confirmedYearsSql } from '../calendar';
import { nextReviewOf, recentConferencesSql } from './conference-service';
import { statusOf, unexplainedConsultationsSql } from './consultation-service';
import { mayManageConferences, mayReviewResolution } from './policy';

const dmy = (d: string) => d.split('-').reverse().join('/');

type Answer = {
  consultations: {
    id: string;
    title: string;
    opensOn: string;
    closesOn: string;
    closedEarlyOn: string | null;
    explanationPublishedOn: null;
    comments: number;
    owesComment: boolean;
  }[];
  conferences: { id: string; title: string; year: number; heldOn: string | null; adoptedOn: string | null; reviews: number }[];
  [CALENDAR_ASK]: unknown;
};

export const conferencePillars = pillarPart<Answer>({
  ask: ({ actor, today }) => ({
    consultations: unexplainedConsultationsSql(actor),
    ...(mayManageConferences(actor) || mayReviewResolution(actor)
      ? { conferences: recentConferencesSql(Number(today.slice(0, 4)) - 2), [CALENDAR_ASK]: confirmedYearsSql() }
      : {}),
  }),
  build: (a, ctx) => {
    const { actor, today } = ctx;
    // As `listConsultations` presents them: awaiting me while open, consulted and not yet commented.
    const cons = (a.consultations ?? []).map((c) => {
      const status = statusOf(c, today);
      return { ...c, status, awaitingMe: status === 'open' && c.owesComment };
    });
    const mine = cons.filter((c) => c.awaitingMe);
    const waiting = mine.length
      ? [
          {
            key: 'consultations.awaiting_me',
            pillar: 'discuss' as const,
            label: { vi: 'Dự thảo đang chờ bạn góp ý', en: 'Drafts awaiting your comments' },
            count: mine.length,
            due: mine.map((c) => c.closesOn).sort()[0] ?? null,
            link: '/consultations',
          },
        ]
      : [];
    if (!mayManageConferences(actor) && !mayReviewResolution(actor)) return { waiting };
    const open = cons.filter((c) => c.status === 'open');
    const unexplained = cons.filter((c) => c.status === 'closed');
    const cards: PillarCard[] = [
      {
        key: 'consultations.open',
        pillar: 'discuss',
        title: { vi: 'Lấy ý kiến cán bộ, công chức', en: 'Staff consultations' },
        value: open.length,
        display: `${viNumber(open.length)} đang mở · ${viNumber(unexplained.length)} chưa giải trình`,
        tone: unexplained.length ? 'watch' : 'ok',
        how: {
          vi: 'Đợt đang mở; và đợt đã kết thúc mà chưa công khai việc tiếp thu, giải trình.',
          en: 'Consultations open; and closed ones whose explanation is not yet published.',
        },
        link: '/consultations',
        rows: [...open, ...unexplained].map((c) => ({
          label: c.title,
          display: c.status === 'open' ? `đến ${dmy(c.closesOn)} · ${c.comments} ý kiến` : 'chưa giải trình',
          tone: c.status === 'open' ? ('info' as const) : ('watch' as const),
          link: `/consultations/${c.id}`,
        })),
      },
    ];
    // The resolution is reviewed every 6 months (Art. 52(3)): due within 30 days, or overdue.
    const year = Number(today.slice(0, 4));
    const confs = a.conferences ?? [];
    const calendar = (years: number[]) => calendarFromAnswer(a[CALENDAR_ASK], years);
    const rows: NonNullable<PillarCard['rows']> = [];
    for (const c of confs) {
      const next = nextReviewOf(c, calendar, today);
      if (next && next.dueOn <= addDays(today, 30))
        rows.push({
          label: c.title,
          display: `kiểm tra lần ${next.occurrence} · hạn ${dmy(next.dueOn)}`,
          tone: next.overdue ? 'behind' : 'watch',
          link: `/conferences/${c.id}`,
        });
    }
    const held = confs.find((c) => c.year === year && c.heldOn);
    cards.push({
      key: 'conferences.review',
      pillar: 'discuss',
      title: { vi: 'Hội nghị cán bộ, công chức và kiểm tra nghị quyết', en: 'Staff conference and resolution review' },
      value: rows.length,
      display: `${held ? `đã họp ${dmy(held.heldOn!)}` : `chưa họp năm ${year}`} · ${rows.length} nghị quyết đến hạn kiểm tra`,
      tone: rows.some((r) => r.tone === 'behind') ? 'behind' : rows.length || !held ? 'watch' : 'ok',
      how: {
        vi: 'Hội nghị tổ chức hằng năm; nghị quyết được kiểm tra 6 tháng một lần (Luật 10/2022, Điều 52): đến hạn trong 30 ngày hoặc quá hạn.',
        en: 'The conference is held yearly; its resolution is reviewed every 6 months (Law 10/2022, Art. 52): due within 30 days or overdue.',
      },
      link: '/conferences',
      rows,
    });
    return { waiting, cards };
  },
});
