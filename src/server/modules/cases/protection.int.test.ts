/**
 * Protection of a denouncer's identity over HTTP on a real database (issue #5; Law 25/2018/QH14
 * Arts. 8(3), 47, 49(2); DOMAIN.md §2.2 and §7.4): the name, address, contact details and
 * handwriting of a denouncer and of their relatives are shown only to the assigned handler and
 * the decision-maker, on a logged reveal with a reason; masked everywhere else — lists, the case
 * page, the printed case file, oversight, statistics, search, the audit log, notifications, the
 * register book, the dashboard and the public portal — and stored only encrypted.
 *
 * Every demo account and an anonymous client call every route that could carry identity data;
 * each role × route is one named assertion. The test creates its own cases (the demo data may
 * change) and looks for distinctive strings, in NFC and diacritic-folded forms.
 */
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../../domain/text';
import { rowsOf } from '../../platform/db';
import { DEMO_TENANT } from '../../seed/demo-org';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { todayInVietnam } from '../../platform/clock';

/* ─────────────── who ─────────────── */

const USERS = ['admin', 'lanhdao', 'giamdoc', 'vanphong', 'cvvp', 'truongphong', 'canbo', 'thanhtra', 'congdoan', 'tpkhtc'] as const;
type User = (typeof USERS)[number];
type Client = User | 'anonymous';
const CLIENTS: Client[] = [...USERS, 'anonymous'];

/** The handler (head of QLKH) and the decision-maker (the head of the agency). */
const REVEALERS: readonly Client[] = ['truongphong', 'giamdoc'];
/** Who may read a denunciation assigned to QLKH with those two (policy.ts `read`). */
const CASE_READERS: readonly Client[] = ['lanhdao', 'giamdoc', 'vanphong', 'cvvp', 'truongphong', 'thanhtra'];
/** Who may read an unassigned case: the Office and the supervisors (leadership, Inspection Board). */
const UNASSIGNED_READERS: readonly Client[] = ['lanhdao', 'giamdoc', 'vanphong', 'cvvp', 'thanhtra'];
/** `audit.read`: admin, office, leader, inspection. */
const AUDIT_READERS: readonly Client[] = ['admin', 'lanhdao', 'giamdoc', 'vanphong', 'cvvp', 'thanhtra'];
/** Readers of the Inspection Board's work (issue #11): the board, the head (leadership), the union. */
const BOARD_OVERSEERS: readonly Client[] = ['lanhdao', 'giamdoc', 'thanhtra', 'congdoan'];
/** Register-book readers: the Office, leadership, the Inspection Board. */
const REGISTER_READERS: readonly Client[] = ['vanphong', 'cvvp', 'lanhdao', 'giamdoc', 'thanhtra'];

/* ─────────────── the protected people ─────────────── */

const DENOUNCER = {
  name: 'Nguyễn Văn Tốcáo Bảomật',
  address: 'Số 99 đường Bíẩn Kínđáo, xã Tịnh Khê',
  phone: '0909123456',
  email: 'tocao.baomat@example.vn',
  idNumber: '051099000123',
};
const RELATIVE = { name: 'Trần Thị Ngườithân', address: 'Tổ 7 khu phố Lặngthầm Ẩndật', phone: '0977654321', idNumber: '051188000456' };
/** A second relative, added after intake through POST /cases/:id/parties. */
const RELATIVE2 = { name: 'Nguyễn Thị Conruột Giấukín', address: 'Thôn Âmthầm Kínđáo', phone: '0912000777' };
/** The visitors of the register-book line. */
const VISITOR = {
  name: 'Phạm Văn Kháchđến Ẩnthân',
  address: 'Thôn Kínmít Ẩnhiện, xã Nghĩa Kỳ',
  phone: '0935111222',
  email: 'khachden.anthan@example.vn',
  idNumber: '051077000789',
};
const VISITOR2 = { name: 'Võ Thị Đồnghành Giấutên', phone: '0388999000', idNumber: '051066000321' };
/** The person denounced is not protected: readers of the case see this name. */
const DENOUNCED = { name: 'Lê Văn Sainhạm' };

const PROTECTED = { DENOUNCER, RELATIVE, RELATIVE2, VISITOR, VISITOR2 };

type Needle = { label: string; value: string; digits: boolean };
/** Every distinctive string: whole fields, the invented words on their own, and the digits. */
const NEEDLES: Needle[] = [
  ...Object.entries(PROTECTED).flatMap(([who, i]) =>
    Object.entries(i).map(([field, value]) => ({ label: `${who}.${field}`, value, digits: /^\d+$/.test(value) })),
  ),
  ...[
    'Tốcáo Bảomật',
    'Tốcáo',
    'Bảomật',
    'Bíẩn Kínđáo',
    'Ngườithân',
    'Lặngthầm',
    'Conruột',
    'Giấukín',
    'Âmthầm',
    'Kháchđến',
    'Ẩnthân',
    'Kínmít',
    'Đồnghành',
    'Giấutên',
  ].map((w) => ({ label: `word ${w}`, value: w, digits: false })),
  // The folded forms the brief names, written out (the check folds every needle anyway).
  ...['Nguyen Van Tocao', 'Tocao Baomat', 'Tran Thi Nguoithan', 'Pham Van Khachden'].map((w) => ({
    label: `folded ${w}`,
    value: w,
    digits: false,
  })),
];

const folded = (s: string) => foldVietnamese(s.normalize('NFC'));

/** The needles found in a text: as written (NFC), folded (no diacritics, any case), digits ignoring spaces and dots. */
function leaks(text: string): string[] {
  const nfc = text.normalize('NFC');
  const fold = folded(text);
  const digits = nfc.replace(/[\s.]/g, '');
  return NEEDLES.filter((n) =>
    n.digits ? digits.includes(n.value) : nfc.includes(n.value.normalize('NFC')) || fold.includes(folded(n.value)),
  ).map((n) => n.label);
}

/**
 * A row's text with each long base64 run (a sealed identity, a hash) read as the bytes it holds.
 * A sealed value is random bytes: its base64 holds a five-letter needle such as "tocao", folded
 * and in any case, about once in 30 million places, and a scan of the whole database once failed
 * on one. Decoded, random bytes almost never spell a word, while a base64 of the words in clear
 * still shows them.
 */
function base64Read(text: string): string {
  return text.replace(/[A-Za-z0-9+/]{40,}={0,2}/g, (run) => Buffer.from(run, 'base64').toString('utf8'));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') || e.startsWith('#X')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (XML_ENTITIES[e] ?? m),
    );
}

/** The text of a response as a reader would get it: the body, the re-serialised JSON, or every part of a .docx. */
async function bodyText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  const raw = res.rawPayload;
  const parts = [raw.toString('utf8'), raw.toString('latin1'), String(res.headers['content-disposition'] ?? '')];
  if (type.includes('json')) {
    try {
      parts.push(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    } catch {
      /* not JSON after all */
    }
  }
  if (type.includes('wordprocessingml')) {
    const zip = await JSZip.loadAsync(raw);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect(files.some((f) => f.name === 'word/document.xml')).toBe(true);
    for (const f of files) {
      const xml = await f.async('string');
      parts.push(xml, xmlText(xml));
    }
  }
  return parts.join('\n');
}

/* ─────────────── set-up ─────────────── */

let t: TestApp;
const sessions = {} as Record<User, Session>;
let unitId: Record<string, string>;
let userId: Record<string, string>;
const today = todayInVietnam();

/** Everything the set-up made. */
const ids = {
  caseId: '',
  trackingCode: '',
  attachmentId: '',
  parties: {} as Record<'denouncer' | 'relative' | 'relative2' | 'denounced', string>,
  entryId: '',
  entryDenunciationId: '',
  entryDenunciationTracking: '',
  entryFeedbackId: '',
  entryFeedbackTracking: '',
};
/** The bytes of the uploaded scan of the handwritten letter (identifying by itself). */
const SCAN = Buffer.from(
  `%PDF-1.4\n% Don to cao viet tay / handwritten denunciation\n% ${DENOUNCER.name}, ${DENOUNCER.address}, DT ${DENOUNCER.phone}, CCCD ${DENOUNCER.idNumber}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  'utf8',
);

const call = (who: Client, opts: Parameters<TestApp['call']>[1]) => t.call(who === 'anonymous' ? null : sessions[who], opts);

function multipart(filename: string, type: string, data: Buffer) {
  const boundary = `----danchu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type CaseDto = {
  id: string;
  version: number;
  status: string;
  trackingCode: string | null;
  parties: {
    id: string;
    role: string;
    masked: boolean;
    identity: Record<string, string | null> | null;
    canReveal: boolean;
    label: string;
  }[];
  events: { type: string; summary: string; note: string | null; actorName: string }[];
};

async function okJson<T = CaseDto>(res: LightMyRequestResponse): Promise<T> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

async function assign(caseId: string) {
  let c = await okJson(await call('vanphong', { method: 'GET', url: `/api/cases/${caseId}` }));
  c = await okJson(
    await call('vanphong', {
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      payload: {
        action: 'assign',
        version: c.version,
        on: today,
        unitId: unitId.QLKH,
        handlerId: userId.truongphong,
        decisionMakerId: userId.giamdoc,
      },
    }),
  );
  // The decision-maker accepts it (the case is then being resolved, with deadlines running).
  c = await okJson(
    await call('giamdoc', {
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      payload: { action: 'accept', version: c.version, on: today, decisionNo: '01/QĐ-SKHCN' },
    }),
  );
  expect(c.status).toBe('accepted');
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) sessions[u] = await t.login(u);
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
  expect(unitId.QLKH).toBeTruthy();
  expect(userId.truongphong && userId.giamdoc).toBeTruthy();

  // The scan of the handwritten letter, uploaded by the Office.
  const up = await call('vanphong', {
    method: 'POST',
    url: '/api/files',
    ...multipart('Don-to-cao-ban-chup.pdf', 'application/pdf', SCAN),
  });
  ids.attachmentId = (await okJson<{ id: string }[]>(up))[0]!.id;

  // The denunciation received by letter, with the denouncer, a relative and the person denounced.
  const c = await okJson(
    await call('vanphong', {
      method: 'POST',
      url: '/api/cases',
      payload: {
        kind: 'denunciation',
        channel: 'letter',
        receivedOn: today,
        subject: 'Tố cáo sai phạm trong nghiệm thu đề tài khoa học cấp tỉnh',
        content: 'Người tố cáo cho rằng hội đồng nghiệm thu đã bỏ qua các sai lệch số liệu của đề tài và đề nghị xác minh.',
        parties: [
          { role: 'denouncer', identity: DENOUNCER },
          { role: 'relative', identity: RELATIVE },
          { role: 'denounced', identity: DENOUNCED },
        ],
        attachmentIds: [ids.attachmentId],
      },
    }),
  );
  ids.caseId = c.id;
  ids.trackingCode = c.trackingCode!;
  expect(ids.trackingCode).toBeTruthy();
  // A second relative, added after intake.
  const withRelative = await okJson(
    await call('vanphong', {
      method: 'POST',
      url: `/api/cases/${c.id}/parties`,
      payload: { version: c.version, role: 'relative', identity: RELATIVE2 },
    }),
  );
  const byRole = (role: string) => withRelative.parties.filter((p) => p.role === role).sort((a, b) => a.label.localeCompare(b.label));
  ids.parties = {
    denouncer: byRole('denouncer')[0]!.id,
    relative: byRole('relative')[0]!.id,
    relative2: byRole('relative')[1]!.id,
    denounced: byRole('denounced')[0]!.id,
  };
  await assign(c.id);

  // A register-book line whose visit mixed a denunciation with feedback (split into two cases).
  const entry = await okJson<{ id: string; protected: boolean; cases: { id: string; kind: string }[] }>(
    await call('vanphong', {
      method: 'POST',
      url: '/api/reception/entries',
      payload: {
        receivedOn: today,
        visitors: [VISITOR, VISITOR2],
        groupSize: 2,
        content: 'Công dân đến tố cáo việc cấp giấy chứng nhận kiểm định sai quy định và phản ánh thủ tục tiếp nhận hồ sơ kéo dài.',
        request: 'Đề nghị xác minh, xử lý',
        documentsReceived: 'Đơn tố cáo viết tay (01 bản)',
        parts: [
          {
            kind: 'denunciation',
            subject: 'Tố cáo việc cấp giấy chứng nhận kiểm định sai quy định',
            content: 'Tố cáo cán bộ kiểm định cấp giấy chứng nhận không đúng quy định.',
          },
          {
            kind: 'feedback',
            subject: 'Phản ánh thủ tục tiếp nhận hồ sơ kéo dài',
            content: 'Phản ánh việc tiếp nhận hồ sơ kiểm định kéo dài.',
          },
        ],
      },
    }),
  );
  expect(entry.protected).toBe(true);
  ids.entryId = entry.id;
  ids.entryDenunciationId = entry.cases.find((x) => x.kind === 'denunciation')!.id;
  ids.entryFeedbackId = entry.cases.find((x) => x.kind === 'feedback')!.id;
  const d = await assign(ids.entryDenunciationId);
  ids.entryDenunciationTracking = d.trackingCode!;
  ids.entryFeedbackTracking = (await okJson(await call('vanphong', { method: 'GET', url: `/api/cases/${ids.entryFeedbackId}` })))
    .trackingCode!;
  expect(ids.entryDenunciationTracking && ids.entryFeedbackTracking).toBeTruthy();
});
afterAll(async () => t?.close());

/* ─────────────── the detector itself ─────────────── */

describe('the leak detector', () => {
  it('finds each identity as written, folded, in another case, and the digits with spaces', () => {
    expect(leaks(`x ${DENOUNCER.name} y`)).toContain('DENOUNCER.name');
    expect(leaks('NGUYEN VAN TOCAO BAOMAT')).toContain('DENOUNCER.name');
    expect(leaks(DENOUNCER.name.normalize('NFD'))).toContain('DENOUNCER.name');
    expect(leaks('ĐT: 0909 123 456')).toContain('DENOUNCER.phone');
    expect(leaks('tran thi nguoithan')).toContain('RELATIVE.name');
    expect(leaks('Người tố cáo 1 — Được bảo vệ theo Điều 8, Điều 47 Luật Tố cáo; Người thân của người tố cáo 2')).toEqual([]);
  });
});

/* ─────────────── masking and reveal ─────────────── */

const PROTECTED_PARTIES = [
  { key: 'denouncer', identity: DENOUNCER },
  { key: 'relative', identity: RELATIVE },
  { key: 'relative2', identity: RELATIVE2 },
] as const;

function caseStatus(readers: readonly Client[]) {
  return (who: Client) => (who === 'anonymous' ? 401 : readers.includes(who) ? 200 : 404);
}

describe('the case page masks protected parties', () => {
  it.each(CLIENTS)(
    '%s: GET /api/cases/:id gets the expected status; denouncer and relatives masked, the person denounced shown',
    async (who) => {
      const res = await call(who, { method: 'GET', url: `/api/cases/${ids.caseId}` });
      expect(res.statusCode, res.body).toBe(caseStatus(CASE_READERS)(who));
      if (res.statusCode !== 200) return;
      const c = res.json() as CaseDto;
      const byId = new Map(c.parties.map((p) => [p.id, p]));
      for (const key of ['denouncer', 'relative', 'relative2'] as const) {
        expect(byId.get(ids.parties[key]), key).toMatchObject({ masked: true, identity: null, canReveal: REVEALERS.includes(who) });
      }
      expect(byId.get(ids.parties.denounced)).toMatchObject({ masked: false, canReveal: false, identity: { name: DENOUNCED.name } });
      expect((c as unknown as { can: Record<string, boolean> }).can.reveal).toBe(REVEALERS.includes(who));
    },
  );

  it.each(CLIENTS)('%s: the denunciation split from the register line masks the visitors', async (who) => {
    const res = await call(who, { method: 'GET', url: `/api/cases/${ids.entryDenunciationId}` });
    expect(res.statusCode, res.body).toBe(caseStatus(CASE_READERS)(who));
    if (res.statusCode !== 200) return;
    const c = res.json() as CaseDto;
    expect(c.parties).toHaveLength(2);
    for (const p of c.parties)
      expect(p).toMatchObject({ role: 'denouncer', masked: true, identity: null, canReveal: REVEALERS.includes(who) });
  });

  it.each(CLIENTS)('%s: the feedback split from the same visit masks the visitors too (they are the denouncers)', async (who) => {
    const res = await call(who, { method: 'GET', url: `/api/cases/${ids.entryFeedbackId}` });
    expect(res.statusCode, res.body).toBe(caseStatus(UNASSIGNED_READERS)(who));
    if (res.statusCode !== 200) return;
    const c = res.json() as CaseDto;
    expect(c.parties).toHaveLength(2);
    // The visitors are the denouncers of the line's denunciation: its handler and decision-maker may reveal them, nobody else.
    for (const p of c.parties)
      expect(p).toMatchObject({ role: 'petitioner', masked: true, identity: null, canReveal: REVEALERS.includes(who) });
  });

  it.each(CLIENTS)('%s: the register line masks its visitors', async (who) => {
    const res = await call(who, { method: 'GET', url: `/api/reception/entries/${ids.entryId}` });
    expect(res.statusCode, res.body).toBe(who === 'anonymous' ? 401 : REGISTER_READERS.includes(who) ? 200 : 404);
    if (res.statusCode !== 200) return;
    const e = res.json() as { protected: boolean; visitors: { masked: boolean; identity: unknown }[] };
    expect(e.protected).toBe(true);
    expect(e.visitors).toHaveLength(2);
    for (const v of e.visitors) expect(v).toMatchObject({ masked: true, identity: null });
  });
});

const REASON = 'Cần liên hệ người tố cáo để xác minh bổ sung nội dung tố cáo';

describe('revealing a protected identity', () => {
  const cells = CLIENTS.flatMap((who) =>
    PROTECTED_PARTIES.map((p) => ({ who, party: p.key, identity: p.identity as Record<string, string> })),
  );
  const expected = (who: Client) => (who === 'anonymous' ? 401 : REVEALERS.includes(who) ? 200 : CASE_READERS.includes(who) ? 403 : 404);

  it.each(cells)('$who reveals the $party of the denunciation with a reason', async ({ who, party, identity }) => {
    const res = await call(who, {
      method: 'POST',
      url: `/api/cases/${ids.caseId}/parties/${ids.parties[party]}/reveal`,
      payload: { reason: REASON },
    });
    expect(res.statusCode, res.body).toBe(expected(who));
    if (res.statusCode === 200) {
      expect(res.json().identity).toMatchObject(identity);
      expect(leaks(res.body).length).toBeGreaterThan(0); // the detector sees what it must not see elsewhere
    } else {
      expect(leaks(await bodyText(res))).toEqual([]);
    }
  });

  it.each(CLIENTS)('%s reveals the visitors of the protected register line', async (who) => {
    const res = await call(who, { method: 'POST', url: `/api/reception/entries/${ids.entryId}/reveal`, payload: { reason: REASON } });
    // Register readers who do not handle the denunciation: 403; those who cannot see the line at all: 404.
    const want = who === 'anonymous' ? 401 : REVEALERS.includes(who) ? 200 : REGISTER_READERS.includes(who) ? 403 : 404;
    expect(res.statusCode, res.body).toBe(want);
    if (res.statusCode === 200) expect(res.json().visitors.map((v: { name: string }) => v.name)).toEqual([VISITOR.name, VISITOR2.name]);
    else expect(leaks(await bodyText(res))).toEqual([]);
  });

  it('logs each reveal: an identity_revealed event with the reason, and an audit row, neither holding the identity', async () => {
    const c = await okJson(await call('vanphong', { method: 'GET', url: `/api/cases/${ids.caseId}` }));
    const revealed = c.events.filter((e) => e.type === 'identity_revealed');
    // Two people × three protected parties; refused attempts leave no trace of a reveal.
    expect(revealed).toHaveLength(REVEALERS.length * PROTECTED_PARTIES.length);
    expect(new Set(revealed.map((e) => e.actorName))).toEqual(new Set(['Lê Minh Tuấn', 'Đặng Quốc Bảo']));
    for (const e of revealed) {
      expect(e.note).toBe(REASON);
      expect(e.summary).toMatch(/xem thông tin (người tố cáo|người thân của người tố cáo) \d/);
      expect(leaks(JSON.stringify(e))).toEqual([]);
    }
    const audit = await okJson<{ rows: { action: string; summary: string; actorName: string | null; before: unknown; after: unknown }[] }>(
      await call('vanphong', {
        method: 'GET',
        url: `/api/audit?entityType=case&entityId=${ids.caseId}&action=case.identity_reveal&pageSize=200`,
      }),
    );
    expect(audit.rows).toHaveLength(REVEALERS.length * PROTECTED_PARTIES.length);
    for (const r of audit.rows) {
      expect(r.action).toBe('case.identity_reveal');
      // The reason may name someone: it stays in the reveal log, not in the audit chain.
      expect(r.summary).toContain('có ghi lý do');
      expect(r.summary).not.toContain(REASON);
      expect(leaks(JSON.stringify(r))).toEqual([]);
    }
    const entryAudit = await okJson<{ rows: { summary: string }[] }>(
      await call('vanphong', {
        method: 'GET',
        url: `/api/audit?entityType=reception_entry&entityId=${ids.entryId}&action=reception_entry.identity_reveal`,
      }),
    );
    expect(entryAudit.rows).toHaveLength(REVEALERS.length);
    for (const r of entryAudit.rows) {
      expect(r.summary).not.toContain(REASON);
      expect(leaks(JSON.stringify(r))).toEqual([]);
    }
    // The reveal register itself: who, when, why — for the case and for the line.
    const reveals = rowsOf<{ user_id: string; reason: string; case_id: string | null; entry_id: string | null }>(
      await t.db.owner.execute(
        sql`select user_id, reason, case_id, entry_id from identity_reveals where case_id = ${ids.caseId} or entry_id = ${ids.entryId}`,
      ),
    );
    expect(reveals).toHaveLength(REVEALERS.length * PROTECTED_PARTIES.length + REVEALERS.length * 2);
    expect(new Set(reveals.map((r) => r.user_id))).toEqual(new Set([userId.truongphong, userId.giamdoc]));
    expect(reveals.every((r) => r.reason === REASON)).toBe(true);
  });

  it.each([
    { name: 'no reason', payload: {} },
    { name: 'an empty reason', payload: { reason: '   ' } },
    { name: 'a reason under 10 characters', payload: { reason: 'xem thử' } },
  ])(
    'refuses a reveal with $name: 400 naming `reason` in Vietnamese and English; nothing changes and the data stays',
    async ({ payload }) => {
      const before = await okJson(await call('truongphong', { method: 'GET', url: `/api/cases/${ids.caseId}` }));
      const res = await call('truongphong', {
        method: 'POST',
        url: `/api/cases/${ids.caseId}/parties/${ids.parties.denouncer}/reveal`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(400);
      const err = res.json().error as { code: string; vi: string; en: string; fields: { field: string; vi: string; en: string }[] };
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.fields[0]!.field).toBe('reason');
      expect(err.fields[0]!.vi).toMatch(/^reason: /);
      expect(err.fields[0]!.en).toMatch(/^reason: /);
      expect(err.fields[0]!.vi).not.toBe(err.fields[0]!.en);
      expect(err.vi).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồổỗộơớờởỡợưứừửữự]/i);
      if ('reason' in payload && payload.reason?.trim()) {
        expect(err.fields[0]!.vi).toMatch(/ít nhất 10 ký tự/);
        expect(err.fields[0]!.en).toMatch(/at least 10 characters/);
      }
      expect(leaks(res.body)).toEqual([]);
      // Nothing logged, nothing changed: same version, same events, same parties.
      const after = await okJson(await call('truongphong', { method: 'GET', url: `/api/cases/${ids.caseId}` }));
      expect(after.version).toBe(before.version);
      expect(after.events).toEqual(before.events);
      expect(after.parties).toEqual(before.parties);
      // The identity is still there for the handler, whole.
      const again = await call('truongphong', {
        method: 'POST',
        url: `/api/cases/${ids.caseId}/parties/${ids.parties.denouncer}/reveal`,
        payload: { reason: REASON },
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().identity).toEqual(DENOUNCER);
    },
  );
});

/* ─────────────── the matrix: every client × every route ─────────────── */

type Route = {
  name: string;
  url: () => string;
  status: (who: Client) => number;
  mayCarryIdentity?: (who: Client) => boolean;
  check?: (who: Client, res: LightMyRequestResponse) => void;
};

const signedIn =
  (ok = 200) =>
  (who: Client) =>
    who === 'anonymous' ? 401 : ok;
const inList = (list: readonly Client[], yes: number, no: number) => (who: Client) =>
  who === 'anonymous' ? 401 : list.includes(who) ? yes : no;
const ourCases = () => [ids.caseId, ids.entryDenunciationId, ids.entryFeedbackId];
/** A search by identity must not find our cases (that alone would tie a name to a case). */
const findsNoneOfOurs = (_who: Client, res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) return;
  const body = res.json() as { rows?: { id: string }[] } | { entityId: string }[];
  const found = Array.isArray(body) ? body.map((h) => h.entityId) : (body.rows ?? []).map((r) => r.id);
  for (const id of ourCases()) expect(found).not.toContain(id);
};
const q = encodeURIComponent;

const ROUTES: Route[] = [
  { name: 'GET /api/cases', url: () => '/api/cases?limit=500', status: signedIn() },
  { name: 'GET /api/cases?q=<denouncer name>', url: () => `/api/cases?q=${q(DENOUNCER.name)}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/cases?q=<folded name>', url: () => `/api/cases?q=${q('Tocao Baomat')}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/cases?q=<phone>', url: () => `/api/cases?q=${DENOUNCER.phone}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/cases?q=<visitor name>', url: () => `/api/cases?q=${q(VISITOR.name)}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/cases?kind=denunciation&mine=true', url: () => '/api/cases?kind=denunciation&mine=true', status: signedIn() },
  { name: 'GET /api/cases/:id (the denunciation)', url: () => `/api/cases/${ids.caseId}`, status: inList(CASE_READERS, 200, 404) },
  {
    name: 'GET /api/cases/:id (denunciation from the register)',
    url: () => `/api/cases/${ids.entryDenunciationId}`,
    status: inList(CASE_READERS, 200, 404),
  },
  {
    name: 'GET /api/cases/:id (feedback from the same visit)',
    url: () => `/api/cases/${ids.entryFeedbackId}`,
    status: inList(UNASSIGNED_READERS, 200, 404),
  },
  {
    name: 'GET /api/cases/:id/file.docx (the denunciation)',
    url: () => `/api/cases/${ids.caseId}/file.docx`,
    status: inList(CASE_READERS, 200, 404),
  },
  {
    name: 'GET /api/cases/:id/file.docx (denunciation from the register)',
    url: () => `/api/cases/${ids.entryDenunciationId}/file.docx`,
    status: inList(CASE_READERS, 200, 404),
  },
  {
    name: 'GET /api/cases/:id/file.docx (feedback from the same visit)',
    url: () => `/api/cases/${ids.entryFeedbackId}/file.docx`,
    status: inList(UNASSIGNED_READERS, 200, 404),
  },
  { name: 'GET /api/cases/oversight', url: () => '/api/cases/oversight', status: signedIn() },
  { name: 'GET /api/cases/stats', url: () => `/api/cases/stats?year=${today.slice(0, 4)}`, status: signedIn() },
  {
    name: 'GET /api/search?q=<denouncer name>',
    url: () => `/api/search?q=${q(DENOUNCER.name)}`,
    status: signedIn(),
    check: findsNoneOfOurs,
  },
  {
    name: 'GET /api/search?q=<folded name>',
    url: () => `/api/search?q=${q('nguyen van tocao')}`,
    status: signedIn(),
    check: findsNoneOfOurs,
  },
  { name: 'GET /api/search?q=<relative name>', url: () => `/api/search?q=${q(RELATIVE.name)}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/search?q=<visitor name>', url: () => `/api/search?q=${q(VISITOR.name)}`, status: signedIn(), check: findsNoneOfOurs },
  { name: 'GET /api/audit (latest 200)', url: () => '/api/audit?pageSize=200', status: inList(AUDIT_READERS, 200, 403) },
  {
    name: 'GET /api/audit (the case)',
    url: () => `/api/audit?entityType=case&entityId=${ids.caseId}&pageSize=200`,
    status: inList(AUDIT_READERS, 200, 403),
  },
  {
    name: 'GET /api/audit (the register line)',
    url: () => `/api/audit?entityType=reception_entry&entityId=${ids.entryId}&pageSize=200`,
    status: inList(AUDIT_READERS, 200, 403),
  },
  { name: 'GET /api/audit?q=<folded name>', url: () => `/api/audit?q=${q('Tocao')}&pageSize=200`, status: inList(AUDIT_READERS, 200, 403) },
  { name: 'GET /api/notifications', url: () => '/api/notifications', status: signedIn() },
  { name: 'GET /api/reception/entries', url: () => '/api/reception/entries', status: inList(REGISTER_READERS, 200, 403) },
  {
    name: 'GET /api/reception/entries?q=<visitor name>',
    url: () => `/api/reception/entries?q=${q(VISITOR.name)}`,
    status: inList(REGISTER_READERS, 200, 403),
  },
  {
    name: 'GET /api/reception/entries/:id',
    url: () => `/api/reception/entries/${ids.entryId}`,
    status: inList(REGISTER_READERS, 200, 404),
  },
  { name: 'GET /api/reception/sessions', url: () => `/api/reception/sessions?year=${today.slice(0, 4)}`, status: signedIn() },
  // The scan of the handwritten letter: the handler and the decision-maker only — 404 even for the Office that filed it.
  {
    name: 'GET /api/files/:attachmentId (the handwritten letter)',
    url: () => `/api/files/${ids.attachmentId}`,
    status: inList(REVEALERS, 200, 404),
    mayCarryIdentity: (who) => REVEALERS.includes(who),
    check: (who, res) => {
      if (REVEALERS.includes(who)) expect(Buffer.compare(res.rawPayload, SCAN)).toBe(0);
    },
  },
  { name: 'GET /api/dashboard', url: () => '/api/dashboard', status: signedIn() },
  {
    name: 'GET /api/public/:agency/cases/:trackingCode (the denunciation)',
    url: () => `/api/public/${DEMO_TENANT.code}/cases/${ids.trackingCode}`,
    status: () => 200,
  },
  {
    name: 'GET /api/public/:agency/cases/:trackingCode (denunciation from the register)',
    url: () => `/api/public/${DEMO_TENANT.code}/cases/${ids.entryDenunciationTracking}`,
    status: () => 200,
  },
  {
    name: 'GET /api/public/:agency/cases/:trackingCode (feedback from the same visit)',
    url: () => `/api/public/${DEMO_TENANT.code}/cases/${ids.entryFeedbackTracking}`,
    status: () => 200,
  },
  // The People's Inspection Board (issue #11): every route it reaches.
  { name: 'GET /api/inspection-board', url: () => '/api/inspection-board', status: signedIn() },
  { name: 'GET /api/inspection/board', url: () => '/api/inspection/board', status: signedIn() },
  { name: 'GET /api/inspection/programmes', url: () => '/api/inspection/programmes', status: signedIn() },
  { name: 'GET /api/front-items', url: () => '/api/front-items', status: inList([...BOARD_OVERSEERS, 'vanphong', 'cvvp'], 200, 403) },
  { name: 'GET /api/inspection/activities', url: () => '/api/inspection/activities', status: inList(BOARD_OVERSEERS, 200, 403) },
  { name: 'GET /api/inspection/recommendations', url: () => '/api/inspection/recommendations', status: inList(BOARD_OVERSEERS, 200, 403) },
  {
    name: 'GET /api/inspection/document-requests',
    url: () => '/api/inspection/document-requests',
    status: inList(BOARD_OVERSEERS, 200, 403),
  },
  { name: 'GET /api/inspection/suggestions', url: () => '/api/inspection/suggestions', status: inList(['thanhtra'], 200, 403) },
  {
    name: 'GET /api/inspection/report.docx (the year)',
    url: () => `/api/inspection/report.docx?year=${today.slice(0, 4)}&period=year`,
    status: inList(BOARD_OVERSEERS, 200, 403),
  },
  // Training of the cadres who deal with citizens (issue #11, seed plan II.9).
  { name: 'GET /api/training/courses', url: () => '/api/training/courses', status: signedIn() },
  {
    name: 'GET /api/training/gaps',
    url: () => '/api/training/gaps?months=120',
    status: inList([...BOARD_OVERSEERS, 'vanphong', 'cvvp'], 200, 403),
  },
  {
    name: 'GET /api/public/:agency/reception-schedule',
    url: () => `/api/public/${DEMO_TENANT.code}/reception-schedule`,
    status: () => 200,
  },
];

describe.each(CLIENTS)('as %s, after the reveals', (who) => {
  it.each(ROUTES)('$name: expected status, no protected identity in the response', async (r) => {
    const res = await call(who, { method: 'GET', url: r.url() });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(r.status(who));
    const text = await bodyText(res);
    if (r.mayCarryIdentity?.(who)) expect(leaks(text).length).toBeGreaterThan(0);
    else expect(leaks(text), `${who} ${r.name}`).toEqual([]);
    r.check?.(who, res);
  });
});

/* ─────────────── at rest ─────────────── */

describe('at rest', () => {
  it('stores identities only encrypted: protected_identities.cipher holds no name, address or number, even base64-decoded', async () => {
    const rows = rowsOf<{
      case_id: string | null;
      entry_id: string | null;
      role: string;
      protected: boolean;
      cipher: string;
      key_id: string;
    }>(
      await t.db.owner.execute(
        sql`select case_id, entry_id, role, protected, cipher, key_id from protected_identities where case_id in (${ids.caseId}, ${ids.entryDenunciationId}, ${ids.entryFeedbackId}) or entry_id = ${ids.entryId}`,
      ),
    );
    // The denunciation: denouncer, two relatives, the person denounced; the line: two visitors; each split case: two visitors.
    expect(rows).toHaveLength(4 + 2 + 2 + 2);
    for (const r of rows) {
      expect(r.key_id).toBeTruthy();
      expect(leaks(base64Read(r.cipher))).toEqual([]);
      expect(leaks(Buffer.from(r.cipher, 'base64').toString('latin1'))).toEqual([]);
    }
    const protectedRoles = rows
      .filter((r) => r.case_id === ids.caseId && r.protected)
      .map((r) => r.role)
      .sort();
    expect(protectedRoles).toEqual(['denouncer', 'relative', 'relative']);
    expect(rows.filter((r) => r.entry_id === ids.entryId).every((r) => r.protected)).toBe(true);
  });

  it('keeps the audit log free of identities (every row, read as the database owner)', async () => {
    const rows = rowsOf<{ seq: string; action: string; row: string }>(
      await t.db.owner.execute(sql`select a.seq::text as seq, a.action, row_to_json(a)::text as row from audit_log a`),
    );
    expect(rows.some((r) => r.action === 'case.identity_reveal')).toBe(true);
    const bad = rows.filter((r) => leaks(r.row).length > 0).map((r) => `${r.seq} ${r.action}: ${leaks(r.row).join(', ')}`);
    expect(bad).toEqual([]);
  });

  it('holds no identity in clear in any table of the database (attachments are bytes, served only through the guard)', async () => {
    const tables = rowsOf<{ schema: string; name: string }>(
      await t.db.owner.execute(
        sql`select table_schema as schema, table_name as name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
      ),
    );
    expect(tables.length).toBeGreaterThan(10);
    const bad: string[] = [];
    for (const tb of tables) {
      const ident = `"${tb.schema.replace(/"/g, '""')}"."${tb.name.replace(/"/g, '""')}"`;
      const rows = rowsOf<{ row: string }>(await t.db.owner.execute(sql.raw(`select row_to_json(x)::text as row from ${ident} x`)));
      for (const r of rows) {
        const found = leaks(base64Read(r.row));
        if (found.length) bad.push(`${tb.schema}.${tb.name}: ${found.join(', ')} in ${r.row.slice(0, 200)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
