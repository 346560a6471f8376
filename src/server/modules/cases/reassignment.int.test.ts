/**
 * Issue #16 point 1 (Law 25/2018/QH14 Arts. 8(3), 47): the Office could reveal any denouncer on
 * its own by reassigning a denunciation to itself as handler. Whoever assigns may not make
 * themselves the handler; a reassignment that gives someone the right to reveal needs the
 * decision-maker's or the head's approval, is a case event and tells the previous handler; a
 * reveal after a reassignment is flagged in oversight. Also point 5 (names of step documents) and
 * point 8 (`Cache-Control: no-store` on case JSON).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

const USERS = ['vanphong', 'cvvp', 'lanhdao', 'giamdoc', 'truongphong', 'canbo', 'thanhtra'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
const s = {} as Record<User, Session>;
let unitId: Record<string, string>;
let userId: Record<string, string>;
const today = todayInVietnam();

type CaseDto = {
  id: string;
  version: number;
  code: string;
  handler: { id: string } | null;
  decisionMaker: { id: string } | null;
  pendingAssignment: { handler: { id: string }; requestedBy: string } | null;
  parties: { id: string; role: string; canReveal: boolean }[];
  events: { type: string; attachment: { id: string; filename: string } | null }[];
  attachmentsHidden: number;
  can: Record<string, boolean>;
};

const call = (who: User, opts: Parameters<TestApp['call']>[1]) => t.call(s[who], opts);
const ok = <T = CaseDto>(res: LightMyRequestResponse): T => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const get = async (who: User, id: string) => ok(await call(who, { method: 'GET', url: `/api/cases/${id}` }));
const act = (who: User, c: CaseDto, body: Record<string, unknown>) =>
  call(who, { method: 'POST', url: `/api/cases/${c.id}/actions`, payload: { version: c.version, on: today, ...body } });
const reveal = (who: User, c: CaseDto) =>
  call(who, {
    method: 'POST',
    url: `/api/cases/${c.id}/parties/${c.parties.find((p) => p.role === 'denouncer')!.id}/reveal`,
    payload: { reason: 'Cần liên hệ người tố cáo để bổ sung tài liệu' },
  });

async function newDenunciation(): Promise<CaseDto> {
  return ok(
    await call('vanphong', {
      method: 'POST',
      url: '/api/cases',
      payload: {
        kind: 'denunciation',
        channel: 'letter',
        receivedOn: today,
        subject: 'Tố cáo sai phạm trong thẩm định hồ sơ',
        content: 'Nội dung tố cáo việc thẩm định hồ sơ không đúng quy định.',
        parties: [{ role: 'denouncer', identity: { name: 'Người Tố Cáo Thử', phone: '0900000001' } }],
      },
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) s[u] = await t.login(u);
  unitId = Object.fromEntries(
    ((await call('vanphong', { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[]).map((u) => [
      u.code,
      u.id,
    ]),
  );
  userId = Object.fromEntries(
    ((await call('vanphong', { method: 'GET', url: '/api/people' })).json() as { id: string; username: string }[]).map((p) => [
      p.username,
      p.id,
    ]),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('reassigning a denunciation (Law 25/2018 Arts. 8(3), 47)', () => {
  it('refuses the Office making itself the handler, first or later', async () => {
    const c = await newDenunciation();
    const self = await act('vanphong', c, { action: 'assign', unitId: unitId.VP, handlerId: userId.vanphong });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0].field).toBe('handlerId');
    const assigned = ok(
      await act('vanphong', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.truongphong, decisionMakerId: userId.giamdoc }),
    );
    const later = await act('vanphong', assigned, { action: 'assign', unitId: unitId.VP, handlerId: userId.vanphong });
    expect(later.statusCode).toBe(400);
    expect(later.json().error.fields[0].field).toBe('handlerId');
    // The unit head may not take the case over from the handler either.
    const head = await act('truongphong', assigned, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.truongphong });
    expect(head.statusCode).toBe(400);
    expect((await reveal('vanphong', assigned)).statusCode).toBe(403);
  });

  it('holds a reassignment until the decision-maker approves it, tells the previous handler and flags later reveals', async () => {
    let c = await newDenunciation();
    c = ok(
      await act('vanphong', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.truongphong, decisionMakerId: userId.giamdoc }),
    );
    expect(c.handler?.id).toBe(userId.truongphong);

    // The Office asks to give it to its own officer: nothing changes yet, the request is an event.
    c = ok(await act('vanphong', c, { action: 'assign', unitId: unitId.VP, handlerId: userId.cvvp }));
    expect(c.handler?.id).toBe(userId.truongphong);
    expect(c.pendingAssignment?.handler.id).toBe(userId.cvvp);
    expect(c.events.map((e) => e.type)).toContain('reassignment_requested');
    expect((await reveal('cvvp', c)).statusCode).toBe(403);

    // Neither the requester nor a deputy leader approves it; the decision-maker does.
    expect((await act('vanphong', c, { action: 'approve_assignment', approved: true })).statusCode).toBe(403);
    expect((await act('lanhdao', c, { action: 'approve_assignment', approved: true })).statusCode).toBe(403);
    const dm = await get('giamdoc', c.id);
    expect(dm.can.approve_assignment).toBe(true);
    c = ok(await act('giamdoc', dm, { action: 'approve_assignment', approved: true }));
    expect(c.handler?.id).toBe(userId.cvvp);
    expect(c.pendingAssignment).toBeNull();
    expect(c.events.filter((e) => e.type === 'assigned')).toHaveLength(2);

    // The previous handler is told, and loses the reveal.
    const inbox = ok<{ items: { kind: string; link: string }[] }>(await call('truongphong', { method: 'GET', url: '/api/notifications' }));
    expect(inbox.items.some((n) => n.kind === 'case.reassigned' && n.link === `/cases/${c.id}`)).toBe(true);
    expect([403, 404]).toContain((await reveal('truongphong', c)).statusCode);

    // The new handler reveals: oversight flags it for supervision.
    const before = ok<{ revealsAfterReassignment: { code: string }[] }>(
      await call('lanhdao', { method: 'GET', url: '/api/cases/oversight' }),
    );
    expect(before.revealsAfterReassignment.some((r) => r.code === c.code)).toBe(false);
    expect((await reveal('cvvp', await get('cvvp', c.id))).statusCode).toBe(200);
    const after = ok<{ revealsAfterReassignment: { code: string; revealedBy: string }[] }>(
      await call('lanhdao', { method: 'GET', url: '/api/cases/oversight' }),
    );
    expect(after.revealsAfterReassignment.find((r) => r.code === c.code)?.revealedBy).toBeTruthy();
  });

  it('lets the decision-maker refuse, and reassign directly within their own right', async () => {
    let c = await newDenunciation();
    c = ok(
      await act('vanphong', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.truongphong, decisionMakerId: userId.giamdoc }),
    );
    c = ok(await act('truongphong', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.canbo }));
    expect(c.pendingAssignment).not.toBeNull();
    c = ok(await act('giamdoc', await get('giamdoc', c.id), { action: 'approve_assignment', approved: false }));
    expect(c.pendingAssignment).toBeNull();
    expect(c.handler?.id).toBe(userId.truongphong);
    expect(c.events.map((e) => e.type)).toContain('reassignment_refused');
    c = ok(await act('giamdoc', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.canbo }));
    expect(c.handler?.id).toBe(userId.canbo);
    expect(c.pendingAssignment).toBeNull();
  });
});

describe('what a denunciation shows to those who may not open its documents (point 5, point 8)', () => {
  it('hides the names of step documents from the Office, leadership and the board, and is never cached', async () => {
    const boundary = '----danchutest';
    const up = await call('vanphong', {
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Bien-ban-lam-viec-voi-Nguoi-To-Cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      ),
    });
    const fileId = ok<{ id: string }[]>(up)[0]!.id;
    let c = await newDenunciation();
    c = ok(
      await act('vanphong', c, { action: 'assign', unitId: unitId.QLKH, handlerId: userId.truongphong, decisionMakerId: userId.giamdoc }),
    );
    c = ok(await act('vanphong', c, { action: 'extend_initial', note: 'Biên bản kèm theo', attachmentId: fileId }));
    for (const who of ['vanphong', 'lanhdao', 'thanhtra'] as const) {
      const res = await call(who, { method: 'GET', url: `/api/cases/${c.id}` });
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.body).not.toContain('Nguoi-To-Cao');
      expect(res.json().attachmentsHidden, who).toBeGreaterThan(0);
      const docx = await call(who, { method: 'GET', url: `/api/cases/${c.id}/file.docx` });
      expect(docx.statusCode).toBe(200);
      const JSZip = (await import('jszip')).default;
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).not.toContain('Nguoi-To-Cao');
    }
    const handler = await get('truongphong', c.id);
    expect(handler.events.some((e) => e.attachment?.filename.includes('Nguoi-To-Cao'))).toBe(true);
  });

  it('keeps the words of a register line holding a denunciation from the leadership and the board', async () => {
    const entry = ok<{ id: string; cases: { id: string; kind: string }[] }>(
      await call('vanphong', {
        method: 'POST',
        url: '/api/reception/entries',
        payload: {
          receivedOn: today,
          visitors: [{ name: 'Khách Đến Thử', phone: '0900000002' }],
          groupSize: 1,
          content: 'Tôi là người làm cùng phòng, tố cáo việc nhận tiền khi thẩm định',
          request: 'Đề nghị giữ bí mật cho tôi',
          parts: [{ kind: 'denunciation', subject: 'Tố cáo nhận tiền khi thẩm định', content: 'Tố cáo việc nhận tiền khi thẩm định.' }],
        },
      }),
    );
    for (const who of ['lanhdao', 'thanhtra'] as const) {
      const one = await call(who, { method: 'GET', url: `/api/reception/entries/${entry.id}` });
      expect(one.statusCode, who).toBe(200);
      expect(one.body).not.toContain('làm cùng phòng');
      expect(one.body).not.toContain('giữ bí mật');
      expect(one.json().substanceHidden).toBe(true);
      const list = await call(who, { method: 'GET', url: `/api/reception/entries?q=${encodeURIComponent('lam cung phong')}` });
      expect(list.body).not.toContain(entry.id);
    }
    const office = await call('vanphong', { method: 'GET', url: `/api/reception/entries/${entry.id}` });
    expect(office.json().content).toContain('làm cùng phòng');
  });

  it('takes as task evidence only the reporter’s own unattached uploads', async () => {
    const upload = async (who: User, purpose: string) => {
      const boundary = '----danchuevidence';
      const res = await call(who, {
        method: 'POST',
        url: `/api/files${purpose}`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Don-to-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
        ),
      });
      return ok<{ id: string }[]>(res)[0]!.id;
    };
    const caseUpload = await upload('vanphong', '?purpose=case');
    const tasks = ok<{ id: string; status: string; abilities: { report: boolean } }[]>(
      await call('truongphong', { method: 'GET', url: `/api/tasks?unitId=${unitId.QLKH}` }),
    );
    const task = tasks.find((x) => x.abilities.report && x.status !== 'cancelled' && x.status !== 'done')!;
    expect(task).toBeTruthy();
    const stolen = await call('truongphong', {
      method: 'POST',
      url: `/api/tasks/${task.id}/progress`,
      payload: { progress: 10, status: 'in_progress', note: 'Báo cáo', attachmentIds: [caseUpload] },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.fields[0].field).toBe('attachmentIds');
    const own = await upload('truongphong', '');
    ok(
      await call('truongphong', {
        method: 'POST',
        url: `/api/tasks/${task.id}/progress`,
        payload: { progress: 10, status: 'in_progress', note: 'Báo cáo', attachmentIds: [own] },
      }),
    );
  });
});
