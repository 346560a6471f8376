/**
 * The People's Inspection Board over HTTP on a real database (issue #11): the contract of
 * GET /api/inspection-board, and who may do what — the board plans and finds, the head answers,
 * the union records and recognises, staff write to the suggestion box anonymously.
 */
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarForYears } from '../../../domain';
import { auditLog } from '../../platform/tables';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { boardDeadline, earliestStart } from './deadlines';

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
