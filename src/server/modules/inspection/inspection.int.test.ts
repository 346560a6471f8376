/**
 * The People's Inspection Board over HTTP on a real database (issue #11): the contract of
 * GET /api/inspection-board, and who may do what — the board plans and finds, the head answers,
 * the union records and recognises, staff write to the suggestion box anonymously.
 */
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarForYears } from '../../../domain';
import { auditLog, notifications } from '../../platform/tables';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { boardDeadline, earliestStart } from './deadlines';
import { remindFrontResponses } from './front';

let t: TestApp;
const WHO = ['thanhtra', 'lanhdao', 'giamdoc', 'congdoan', 'canbo', 'vanphong', 'admin'] as const;
const s = {} as Record<(typeof WHO)[number], Session>;
let userId: Record<string, string>;
const today = todayInVietnam();
// The demo agency has not confirmed future years: the generated statutory calendar is the agency's.
const cal = (years: number[]) => calendarForYears(years);

type Activity = {
  id: string;
  title: string;
  status: string;
  version: number;
  startsOn: string;
  notice: { due: string };
  can: Record<string, boolean>;
};
type Rec = { id: string; title: string; status: string; dueOn: string; receivedOn: string; version: number; can: Record<string, boolean> };
type ErrorBody = { error: { code: string; fields: { field: string; vi: string; en: string }[] } };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of WHO) s[u] = await t.login(u);
  const people = await t.call(s.vanphong, { method: 'GET', url: '/api/people' });
  expect(people.statusCode, people.body.slice(0, 300)).toBe(200);
  userId = Object.fromEntries((people.json() as { id: string; username: string }[]).map((p) => [p.username, p.id]));
});
afterAll(async () => t?.close());

describe('GET /api/inspection-board (the contract)', () => {
  it('gives the current term with its members and every recommendation with its BTTND-REPLY due day', async () => {
    for (const who of [s.thanhtra, s.canbo, s.lanhdao]) {
      const res = await t.call(who, { method: 'GET', url: '/api/inspection-board' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        term: { startsOn: string; endsOn: string; members: { name: string; role: string }[] };
        recommendations: Rec[];
      };
      expect(Object.keys(body).sort()).toEqual(['recommendations', 'term']);
      expect(body.term).toEqual({
        startsOn: '2025-03-14',
        endsOn: '2027-03-15', // 14/3/2027 is a Sunday: the term's last day rolls to Monday (Civil Code Art. 148(5)).
        members: [{ name: 'Võ Văn Sơn', role: 'chair' }, { name: 'Hồ Thị Yến', role: 'deputy' }, ...body.term.members.slice(2)],
      });
      expect(body.term.members).toHaveLength(5);
      expect(body.term.members.slice(2).every((m) => m.role === 'member')).toBe(true);
      expect(body.recommendations).toHaveLength(4);
      for (const r of body.recommendations) {
        expect(Object.keys(r).sort()).toEqual(['answeredOn', 'dueOn', 'id', 'receivedOn', 'status', 'title']);
        expect(r.dueOn).toBe(boardDeadline('BTTND-REPLY', r.receivedOn, cal).due);
      }
      expect(body.recommendations.map((r) => r.status).sort()).toEqual(['answered', 'answered', 'answered_late', 'open']);
    }
    expect((await t.call(null, { method: 'GET', url: '/api/inspection-board' })).statusCode).toBe(401);
  });
});

describe('the board plans, notifies and finds', () => {
  it('refuses a start whose notice day has passed, naming the latest notice day and the earliest start', async () => {
    const startsOn = addDays(today, 2);
    const res = await t.call(s.thanhtra, {
      method: 'POST',
      url: '/api/inspection/activities',
      payload: {
        kind: 'supervision',
        title: 'Giám sát tiếp công dân',
        subject: 'Văn phòng Sở',
        content: 'Lịch và sổ tiếp công dân',
        startsOn,
      },
    });
    expect(res.statusCode).toBe(400);
    const f = (res.json() as ErrorBody).error.fields[0]!;
    expect(f.field).toBe('startsOn');
    const latest = boardDeadline('BTTND-NOTICE', startsOn, cal).due;
    const dmy = (d: string) => d.split('-').reverse().join('/');
    expect(f.vi).toContain(dmy(latest));
    expect(f.vi).toContain(dmy(earliestStart(today, cal)));
    expect(f.vi).toContain('Nghị định 59/2023/NĐ-CP, Điều 22');
  });

  it('plans at the earliest lawful start, refuses findings before the notice, then notifies', async () => {
    const check = (await t.call(s.thanhtra, { method: 'GET', url: `/api/inspection/notice-check?startsOn=${addDays(today, 1)}` })).json();
    expect(check.lawful).toBe(false);
    const startsOn = check.earliestStart as string;
    const res = await t.call(s.thanhtra, {
      method: 'POST',
      url: '/api/inspection/activities',
      payload: {
        kind: 'supervision',
        title: 'Giám sát việc tiếp công dân quý IV',
        subject: 'Văn phòng Sở',
        content: 'Lịch và sổ tiếp công dân',
        startsOn,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Activity;
    expect(a.status).toBe('planned');
    expect(a.notice.due >= today).toBe(true);
    // Findings before the subject was notified.
    const early = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/activities/${a.id}/conclude`,
      payload: { version: a.version, concludedOn: today, minutes: 'x', findings: 'y', votesFor: 5, votesAgainst: 0 },
    });
    expect(early.statusCode).toBe(409);
    expect((early.json() as ErrorBody).error.code).toBe('INSPECTION_NOT_NOTIFIED');
    // Staff, the head and the union do not plan or notify.
    for (const who of [s.canbo, s.lanhdao, s.congdoan]) {
      const r = await t.call(who, {
        method: 'POST',
        url: `/api/inspection/activities/${a.id}/notify`,
        payload: { version: a.version, notifiedOn: today },
      });
      expect(r.statusCode, who.username).toBe(who === s.canbo ? 404 : 403);
    }
    const ok = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/activities/${a.id}/notify`,
      payload: { version: a.version, notifiedOn: today },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Activity).status).toBe('notified');
    const [row] = await t.db.owner
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'inspection_activity.notified')));
    expect(row?.actorId).toBe(userId.thanhtra);
  });

  it('a finding needs a majority of the sitting members, then becomes a recommendation the head answers', async () => {
    const list = (await t.call(s.thanhtra, { method: 'GET', url: '/api/inspection/activities' })).json() as Activity[];
    const underway = list.find((x) => x.status === 'notified' && x.startsOn <= today)!;
    expect(underway).toBeTruthy();
    const minority = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/activities/${underway.id}/conclude`,
      payload: { version: underway.version, concludedOn: today, minutes: 'Biên bản', findings: 'Kết luận', votesFor: 2, votesAgainst: 3 },
    });
    expect(minority.statusCode).toBe(400);
    expect((minority.json() as ErrorBody).error.fields[0]!.field).toBe('votesFor');
    const done = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/activities/${underway.id}/conclude`,
      payload: {
        version: underway.version,
        concludedOn: today,
        minutes: 'Biên bản kiểm tra',
        findings: 'Chi thu nhập tăng thêm đúng nghị quyết',
        votesFor: 3,
        votesAgainst: 2,
      },
    });
    expect(done.statusCode, done.body).toBe(200);
    const rec = await t.call(s.thanhtra, {
      method: 'POST',
      url: '/api/inspection/recommendations',
      payload: { activityId: underway.id, title: 'Công khai bảng chi thu nhập tăng thêm', content: 'Đề nghị công khai', receivedOn: today },
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const r = rec.json() as Rec;
    expect(r.dueOn).toBe(boardDeadline('BTTND-REPLY', today, cal).due);
    expect(r.status).toBe('open');
    // The board does not answer its own recommendation; staff do not see it in full.
    const self = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/recommendations/${r.id}/answer`,
      payload: { version: 1, answeredOn: today, answer: 'x' },
    });
    expect(self.statusCode).toBe(403);
    expect((await t.call(s.canbo, { method: 'GET', url: '/api/inspection/recommendations' })).statusCode).toBe(403);
    const ans = await t.call(s.lanhdao, {
      method: 'POST',
      url: `/api/inspection/recommendations/${r.id}/answer`,
      payload: { version: 1, answeredOn: today, answer: 'Đã công khai tại cuộc họp giao ban' },
    });
    expect(ans.statusCode, ans.body).toBe(200);
    expect((ans.json() as Rec).status).toBe('answered');
  });

  it('an overdue recommendation goes to the union, who is told', async () => {
    const rec = await t.call(s.thanhtra, {
      method: 'POST',
      url: '/api/inspection/recommendations',
      payload: { title: 'Bổ sung quy chế chi tiêu nội bộ', content: 'Đề nghị bổ sung', receivedOn: '2026-01-05' },
    });
    const r = rec.json() as Rec;
    expect(r.dueOn).toBe('2026-01-20');
    expect(r.status).toBe('overdue');
    expect(r.can.escalate).toBe(true);
    const esc = await t.call(s.thanhtra, {
      method: 'POST',
      url: `/api/inspection/recommendations/${r.id}/escalate`,
      payload: { version: 1, escalatedOn: today },
    });
    expect(esc.statusCode, esc.body).toBe(200);
    const notes = (await t.call(s.congdoan, { method: 'GET', url: '/api/notifications' })).json() as
      | { items?: { title: string }[] }
      | { title: string }[];
    const items = Array.isArray(notes) ? notes : (notes.items ?? []);
    expect(items.some((n) => n.title.includes('Bổ sung quy chế chi tiêu nội bộ'))).toBe(true);
  });
});

describe('the union records and recognises the election', () => {
  const member = (u: string, role = 'member') => ({ userId: userId[u]!, role });
  it.each([
    ['a deputy head (Phó Giám đốc)', ['lanhdao', 'canbo', 'cvvp'], 'members.0.userId', 'cấp phó'],
    ['the head (Giám đốc)', ['canbo', 'giamdoc', 'cvvp'], 'members.1.userId', 'người đứng đầu'],
    ['the system account, who works in no unit', ['canbo', 'cvvp', 'admin'], 'members.2.userId', 'không đang làm việc'],
  ])('refuses %s, naming the field', async (_, who, field, words) => {
    const res = await t.call(s.congdoan, {
      method: 'POST',
      url: '/api/inspection/terms',
      payload: { electedOn: today, members: who.map((u) => member(u)) },
    });
    expect(res.statusCode).toBe(400);
    const f = (res.json() as ErrorBody).error.fields[0]!;
    expect(f.field).toBe(field);
    expect(f.vi).toContain(words);
    expect(f.vi).toContain('Điều 60 khoản 2');
  });
  it('refuses two members, and two deputies on a board of five', async () => {
    const two = await t.call(s.congdoan, {
      method: 'POST',
      url: '/api/inspection/terms',
      payload: { electedOn: today, members: [member('canbo'), member('cvvp')] },
    });
    expect((two.json() as ErrorBody).error.fields[0]!.field).toBe('members');
    const deputies = await t.call(s.congdoan, {
      method: 'POST',
      url: '/api/inspection/terms',
      payload: {
        electedOn: today,
        members: [member('thanhtra', 'chair'), member('cvvp', 'deputy'), member('canbo', 'deputy'), member('tpqlcn'), member('gdttud')],
      },
    });
    expect(deputies.statusCode).toBe(400);
    expect((deputies.json() as ErrorBody).error.fields[0]!.vi).toContain('Điều 21 khoản 3');
  });
  it('only the union records; the term runs two years and the union recognises it', async () => {
    const payload = {
      electedOn: today,
      conferenceRef: 'Hội nghị bất thường',
      members: [member('thanhtra', 'chair'), member('canbo'), member('tpkhtc')],
    };
    expect((await t.call(s.thanhtra, { method: 'POST', url: '/api/inspection/terms', payload })).statusCode).toBe(403);
    const res = await t.call(s.congdoan, { method: 'POST', url: '/api/inspection/terms', payload });
    expect(res.statusCode, res.body).toBe(200);
    const state = (await t.call(s.congdoan, { method: 'GET', url: '/api/inspection/board' })).json();
    expect(state.current.id).toBe(res.json().termId);
    expect(state.current.endsOn).toBe(boardDeadline('BTTND-TERM', today, cal).due);
    expect(state.current.recognitionDue.due).toBe(boardDeadline('BTTND-RECOG', today, cal).due);
    expect(state.current.can.recognise).toBe(true);
    const thanhtraView = (await t.call(s.thanhtra, { method: 'GET', url: '/api/inspection/board' })).json();
    expect(thanhtraView.current.can.recognise).toBe(false);
    const rec = await t.call(s.congdoan, {
      method: 'POST',
      url: `/api/inspection/terms/${state.current.id}/recognise`,
      payload: { version: state.current.version, recognisedOn: today, decision: '09/QĐ-CĐCS' },
    });
    expect(rec.statusCode, rec.body).toBe(200);
  });
});

describe('the suggestion box', () => {
  it('takes an anonymous note from staff and keeps no trace of the writer', async () => {
    const text = 'Góp ý ẩn danh: đề nghị Ban kiểm tra việc chấm công làm thêm giờ';
    const res = await t.call(s.canbo, { method: 'POST', url: '/api/inspection/suggestions', payload: { content: text, anonymous: true } });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t.call(s.thanhtra, { method: 'GET', url: '/api/inspection/suggestions' })).json() as {
      id: string;
      content: string;
      anonymous: boolean;
      author: string | null;
    }[];
    const mine = list.find((x) => x.content === text)!;
    expect(mine).toMatchObject({ anonymous: true, author: null });
    const rows = await t.db.owner.select().from(auditLog).where(eq(auditLog.entityId, mine.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, ip: null, userAgent: null, requestId: null });
    expect(JSON.stringify(rows[0])).not.toContain(userId.canbo!);
    for (const who of [s.lanhdao, s.congdoan, s.canbo])
      expect((await t.call(who, { method: 'GET', url: '/api/inspection/suggestions' })).statusCode).toBe(403);
  });
});

describe("the board's reports to the union", () => {
  it('the quarterly report downloads as .docx for the board; staff may not', async () => {
    const res = await t.call(s.thanhtra, { method: 'GET', url: '/api/inspection/report.docx?year=2026&period=q2' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('quý II năm 2026');
    expect(text).toContain('Công khai kết quả thi đua, khen thưởng 6 tháng đầu năm');
    expect(text).toContain('Trả lời trễ hạn');
    expect((await t.call(s.canbo, { method: 'GET', url: '/api/inspection/report.docx?year=2026&period=q2' })).statusCode).toBe(403);
  });
  it("the year's report to the staff conference downloads in the Decree 30 layout, addressed to the conference", async () => {
    const res = await t.call(s.thanhtra, { method: 'GET', url: '/api/inspection/report.docx?year=2026&period=conference' });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('tại hội nghị cán bộ, công chức, viên chức');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('báo cáo Hội nghị cán bộ, công chức, viên chức kết quả hoạt động năm 2026');
    expect(text).toContain('PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027');
    expect(text).toContain('Trả lời trễ hạn');
    expect(text).toContain('Hội nghị cán bộ, công chức, viên chức');
    expect((await t.call(s.canbo, { method: 'GET', url: '/api/inspection/report.docx?year=2026&period=conference' })).statusCode).toBe(403);
  });
});

describe('the Fatherland Front and mass organisations', () => {
  type Item = { id: string; title: string; state: string; version: number; can: { respond: boolean } };
  it('holds the demo supervision of citizen reception with the agency response, and the 1856-QĐ/TU regulation', async () => {
    const list = (await t.call(s.thanhtra, { method: 'GET', url: '/api/front-items' })).json() as (Item & {
      documentRef: string;
      reviewOn: string;
    })[];
    expect(list.find((x) => x.title.includes('giám sát việc tiếp công dân'))?.state).toBe('responded');
    expect(list.find((x) => x.documentRef === '1856-QĐ/TU')?.reviewOn).toBe('2027-01-15');
    for (const who of [s.canbo, s.admin]) expect((await t.call(who, { method: 'GET', url: '/api/front-items' })).statusCode).toBe(403);
  });
  it('the Office registers a critique and responds; others may not', async () => {
    const payload = {
      kind: 'critique',
      organisation: 'youth',
      title: 'Đoàn Thanh niên phản biện dự thảo quy chế dân chủ',
      heldOn: today,
      content: 'Đề nghị bổ sung kênh góp ý trực tuyến.',
      responseDueOn: addDays(today, 10),
    };
    expect((await t.call(s.thanhtra, { method: 'POST', url: '/api/front-items', payload })).statusCode).toBe(403);
    const res = await t.call(s.vanphong, { method: 'POST', url: '/api/front-items', payload });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json() as Item;
    expect(item).toMatchObject({ state: 'awaiting', can: { respond: true } });
    const bad = await t.call(s.vanphong, { method: 'POST', url: '/api/front-items', payload: { ...payload, kind: 'information' } });
    expect((bad.json() as ErrorBody).error.fields[0]!.field).toBe('direction');
    expect(
      (
        await t.call(s.lanhdao, {
          method: 'POST',
          url: `/api/front-items/${item.id}/respond`,
          payload: { version: 1, respondedOn: today, response: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.call(s.vanphong, {
      method: 'POST',
      url: `/api/front-items/${item.id}/respond`,
      payload: { version: 1, respondedOn: today, response: 'Đã bổ sung kênh góp ý trên cổng thông tin nội bộ.' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Item).state).toBe('responded');
  });
});

describe("follow-up of the Front's recommendations", () => {
  it("shows the Office what waits for the agency's response and reminds it each morning, overdue included", async () => {
    const payload = {
      kind: 'supervision',
      organisation: 'women',
      title: 'Hội Phụ nữ giám sát việc tiếp nhận phản ánh của người dân',
      heldOn: addDays(today, -20),
      content: 'Đề nghị trả lời bằng văn bản các phản ánh quá hạn.',
      responseDueOn: addDays(today, -2),
    };
    const res = await t.call(s.vanphong, { method: 'POST', url: '/api/front-items', payload });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { state: string }).state).toBe('overdue');
    type Pillars = { waiting: { key: string; count: number; due: string | null; label: { vi: string } }[] };
    const office = (await t.call(s.vanphong, { method: 'GET', url: '/api/dashboard/pillars' })).json() as Pillars;
    const w = office.waiting.find((x) => x.key === 'front.to_respond')!;
    expect(w.count).toBeGreaterThanOrEqual(1);
    expect(w.due! <= addDays(today, -2)).toBe(true);
    expect(w.label.vi).toContain('quá hạn');
    // Not the board's to answer: it reads the register but nothing waits for it there.
    const board = (await t.call(s.thanhtra, { method: 'GET', url: '/api/dashboard/pillars' })).json() as Pillars;
    expect(board.waiting.find((x) => x.key === 'front.to_respond')).toBeUndefined();

    const sent = await t.system(today, (ctx) => remindFrontResponses(ctx));
    expect(sent).toBeGreaterThanOrEqual(2); // vanphong and cvvp keep the register
    const mine = await t.db.owner
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, userId.vanphong!), eq(notifications.kind, 'front.response_due')));
    expect(mine.map((n) => n.title)).toContain(`Quá hạn trả lời: ${payload.title}`);
  });
});

describe('training of the cadres who deal with citizens (seed plan II.9)', () => {
  type Course = {
    id: string;
    title: string;
    heldOn: string;
    skills: string[];
    materials: { id: string; filename: string }[];
    attendees: { id: string; name: string }[];
    version: number;
    can: { edit: boolean };
  };
  type Gaps = {
    months: number;
    since: string;
    counted: number;
    how: { vi: string; en: string };
    untrained: { id: string; lastTrainedOn: string | null }[];
  };

  it('holds the two demo courses with their skills, attendance and a downloadable material; every staff member sees them', async () => {
    const res = await t.call(s.canbo, { method: 'GET', url: '/api/training/courses' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const list = res.json() as Course[];
    const reception = list.find((c) => c.title.includes('tiếp công dân'))!;
    const briefing = list.find((c) => c.title.includes('quán triệt'))!;
    expect(reception.skills).toEqual(['reception', 'dialogue']);
    expect(briefing.skills).toEqual(['persuasion', 'mediation']);
    expect(reception.attendees.map((a) => a.id)).toContain(userId.lanhdao);
    expect(reception.can.edit).toBe(false);
    expect(reception.materials).toHaveLength(1);
    const file = await t.call(s.canbo, { method: 'GET', url: `/api/files/${reception.materials[0]!.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('kỹ năng tiếp công dân');
  });

  it('lists who among the staff dealing with citizens has not been trained in the last N months', async () => {
    const long = (await t.call(s.lanhdao, { method: 'GET', url: '/api/training/gaps?months=120' })).json() as Gaps;
    const ids = long.untrained.map((u) => u.id);
    // The head attended nothing; the deputy attended the 2025 course; a staff member is not counted.
    expect(ids).toContain(userId.giamdoc);
    expect(ids).not.toContain(userId.lanhdao);
    expect(ids).not.toContain(userId.canbo);
    expect(long.counted).toBeGreaterThan(long.untrained.length);
    expect(long.how.vi).toContain('120 tháng');
    // Within one month nobody of the demo was trained: the deputy shows, with the day of their last course.
    const short = (await t.call(s.thanhtra, { method: 'GET', url: '/api/training/gaps?months=1' })).json() as Gaps;
    expect(short.untrained.find((u) => u.id === userId.lanhdao)?.lastTrainedOn).toBe('2025-11-18');
    // The default is 24 months.
    const def = (await t.call(s.congdoan, { method: 'GET', url: '/api/training/gaps' })).json() as Gaps;
    expect(def.months).toBe(24);
    expect((await t.call(s.canbo, { method: 'GET', url: '/api/training/gaps' })).statusCode).toBe(403);
    const bad = await t.call(s.lanhdao, { method: 'GET', url: '/api/training/gaps?months=0' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorBody).error.fields[0]!.field).toBe('months');
  });

  it('the Office records a course and corrects attendance, audited; the board may not; the head leaves the gaps', async () => {
    const payload = {
      kind: 'course',
      title: 'Bồi dưỡng kỹ năng hòa giải cho lãnh đạo Sở',
      content: 'Kỹ năng hòa giải, đối thoại khi giải quyết khiếu nại.',
      heldOn: today,
      trainers: 'Sở Tư pháp',
      skills: ['mediation', 'dialogue'],
      attendeeIds: [userId.giamdoc],
    };
    expect((await t.call(s.thanhtra, { method: 'POST', url: '/api/training/courses', payload })).statusCode).toBe(403);
    const future = await t.call(s.vanphong, {
      method: 'POST',
      url: '/api/training/courses',
      payload: { ...payload, heldOn: addDays(today, 3) },
    });
    expect(future.statusCode).toBe(400);
    expect((future.json() as ErrorBody).error.fields[0]!.field).toBe('heldOn');
    const noSkill = await t.call(s.vanphong, { method: 'POST', url: '/api/training/courses', payload: { ...payload, skills: [] } });
    expect((noSkill.json() as ErrorBody).error.fields[0]!.field).toBe('skills');
    const res = await t.call(s.vanphong, { method: 'POST', url: '/api/training/courses', payload });
    expect(res.statusCode, res.body).toBe(200);
    const course = res.json() as Course;
    expect(course.can.edit).toBe(true);
    let gaps = (await t.call(s.lanhdao, { method: 'GET', url: '/api/training/gaps' })).json() as Gaps;
    expect(gaps.untrained.map((u) => u.id)).not.toContain(userId.giamdoc);

    const stale = await t.call(s.vanphong, {
      method: 'PUT',
      url: `/api/training/courses/${course.id}/attendance`,
      payload: { version: 0, attendeeIds: [] },
    });
    expect(stale.statusCode).toBe(409);
    const fixed = await t.call(s.vanphong, {
      method: 'PUT',
      url: `/api/training/courses/${course.id}/attendance`,
      payload: { version: 1, attendeeIds: [userId.lanhdao] },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((fixed.json() as Course).attendees.map((a) => a.id)).toEqual([userId.lanhdao]);
    gaps = (await t.call(s.lanhdao, { method: 'GET', url: '/api/training/gaps' })).json() as Gaps;
    expect(gaps.untrained.map((u) => u.id)).toContain(userId.giamdoc);

    const audit = await t.db.owner
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_course'), eq(auditLog.entityId, course.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['training_course.attendees', 'training_course.created']);
  });

  it('contributes "staff trained" with how it was counted, by unit', async () => {
    const units = (await t.call(s.vanphong, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[];
    const vp = units.find((u) => u.code === 'VP')!.id;
    const r = await t.system('2026-12-06', async (ctx) => {
      const ind = ctx.modules.indicators().find((i) => i.code === 'staff_trained')!;
      return ind.compute(ctx, { unitId: vp, from: '2026-01-01', to: '2026-12-06' });
    });
    // In 2026 the Office's cvvp attended the briefing of 20/8/2026 (vanphong's course was in 2025).
    expect(r.value).toBe(1);
    expect(r.how).toContain('01/01/2026');
  });
});
