import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain';
import { todayInVietnam } from '../../platform/clock';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { DEMO_TENANT } from '../../seed/demo-org';
import { DISCLOSURE_INDICATORS } from './indicators';
import { backfillSearchAllAgencies, sweepDisclosures } from './sweep';
import { backfillSearch } from './service';
import { disclosureCommand } from '../../commands/disclosure';
import { loadActor } from '../../platform/http';
import { auditLog, users } from '../../platform/tables';
import { and, eq, sql } from 'drizzle-orm';
import { publishDisclosure } from '.';

type Item = {
  id: string;
  title: string;
  category: number;
  audience: string;
  decidedOn: string;
  publishBy: string;
  postedOn: string | null;
  postedUntil: string | null;
  status: string;
  overdue: boolean;
  late: boolean;
  pastValidity: boolean;
  acknowledged: boolean | null;
};

let t: TestApp;
let office: Session;
let staff: Session; // canbo, Phòng Quản lý khoa học
let union: Session;
let ttud: Session; // head of Trung tâm Ứng dụng
const today = todayInVietnam();
const agency = DEMO_TENANT.code;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  staff = await t.login('canbo');
  union = await t.login('congdoan');
  ttud = await t.login('gdttud');
});
afterAll(async () => t?.close());

const list = async (s: Session) => {
  const r = await t.call(s, { method: 'GET', url: '/api/disclosures' });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: Item[] }).items;
};

const upload = async (s: Session, name: string, text: string) => {
  const r = await t.call(s, {
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'multipart/form-data; boundary=XbX' },
    payload: `--XbX\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--XbX--\r\n`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json()[0].id as string;
};

const create = (s: Session, body: Record<string, unknown>) =>
  t.call(s, {
    method: 'POST',
    url: '/api/disclosures',
    payload: { sourceRef: '300/QĐ-SKHCN', decidedOn: today, channels: ['board', 'portal'], ...body },
  });

describe('the register (contract: GET /api/disclosures)', () => {
  it('holds two years of the demo with the contract fields, late, withdrawn and overdue items', async () => {
    const items = await list(office);
    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const i of items) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(['id', 'title', 'category', 'audience', 'decidedOn', 'publishBy', 'postedOn', 'postedUntil', 'status']),
      );
      expect(i.category).toBeGreaterThanOrEqual(1);
      expect(i.category).toBeLessThanOrEqual(12);
    }
    expect(items.some((i) => i.late)).toBe(true);
    expect(items.filter((i) => i.status === 'withdrawn').length).toBeGreaterThanOrEqual(10);
    expect(items.some((i) => i.overdue)).toBe(true);
    expect(items.some((i) => i.pastValidity)).toBe(true);
  });

  it('shows staff only what was published to them: no drafts, no other unit’s items', async () => {
    const mine = await list(staff);
    expect(mine.every((i) => i.status !== 'draft')).toBe(true);
    expect(mine.some((i) => i.audience === 'unit')).toBe(false);
    const unitItem = (await list(office)).find((i) => i.audience === 'unit')!;
    expect((await t.call(staff, { method: 'GET', url: `/api/disclosures/${unitItem.id}` })).statusCode).toBe(404);
    expect((await list(ttud)).some((i) => i.id === unitItem.id)).toBe(true);
    // The union monitors everything (Art. 56 supervision).
    expect((await list(union)).length).toBe((await list(office)).length);
  });
});

describe('the global search finds an item only for those it is addressed to', () => {
  const find = async (s: Session, q: string) => {
    const r = await t.call(s, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&type=disclosure` });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { entityId: string; link: string }[]).map((h) => h.entityId);
  };
  it('keeps a unit-only item from another unit’s people, and a draft from everyone but the Office and overseers', async () => {
    const ttudId = (await t.call(office, { method: 'GET', url: '/api/units?all=true' }))
      .json()
      .find((u: { code: string }) => u.code === 'TTUD').id;
    const created = await create(office, {
      title: 'Phân công trực phòng thí nghiệm quý I năm 2027',
      category: 12,
      audience: 'unit',
      unitId: ttudId,
    });
    expect(created.statusCode, created.body).toBe(200);
    const item = created.json();
    const q = 'phan cong truc phong thi nghiem';
    // A draft: the Office and the overseers (the union) find it; the unit does not yet.
    expect(await find(office, q)).toContain(item.id);
    expect(await find(union, q)).toContain(item.id);
    expect(await find(ttud, q)).not.toContain(item.id);
    const posted = await t.call(office, { method: 'POST', url: `/api/disclosures/${item.id}/post`, payload: { version: item.version } });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await find(ttud, q)).toContain(item.id);
    // canbo works in Phòng Quản lý khoa học: the item is not addressed to them, so search does not find it.
    expect(await find(staff, q)).toEqual([]);
    // A staff-wide item is found by that same person once posted.
    const all = (await create(office, { title: 'Lịch trực cơ quan dịp Tết Đinh Mùi 2027', category: 12 })).json();
    expect(await find(staff, 'lich truc co quan tet dinh mui')).toEqual([]);
    await t.call(office, { method: 'POST', url: `/api/disclosures/${all.id}/post`, payload: { version: all.version } });
    expect(await find(staff, 'lich truc co quan tet dinh mui')).toEqual([all.id]);
  });
  it('backfills items indexed before entries carried an audience, or never indexed, without a migration', async () => {
    const draft = (await create(office, { title: 'Dự kiến điều chỉnh định mức văn phòng phẩm 2027', category: 4 })).json();
    const posted = (await create(office, { title: 'Thông báo lịch kiểm kê tài sản cuối năm 2026', category: 4 })).json();
    await t.call(office, { method: 'POST', url: `/api/disclosures/${posted.id}/post`, payload: { version: posted.version } });
    // As the data stood before the audience change: the posted item has no entry, the draft's is open to all staff.
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      await tx.execute(sql`delete from search_entries where entity_type = 'disclosure' and entity_id = ${posted.id}`);
      await tx.execute(
        sql`update search_entries set audience = array['staff']::text[] where entity_type = 'disclosure' and entity_id = ${draft.id}`,
      );
    });
    expect(await find(staff, 'dinh muc van phong pham 2027')).toEqual([draft.id]);
    expect(await find(staff, 'lich kiem ke tai san')).toEqual([]);
    expect(await t.system(todayInVietnam(), (ctx) => backfillSearch(ctx.tx))).toBe(2);
    expect(await find(staff, 'dinh muc van phong pham 2027')).toEqual([]);
    expect(await find(office, 'dinh muc van phong pham 2027')).toEqual([draft.id]);
    expect(await find(staff, 'lich kiem ke tai san')).toEqual([posted.id]);
    // Idempotent: the start-up job over every agency finds nothing left to write.
    expect(await backfillSearchAllAgencies(t.db)).toBe(0);
  });
});

describe('registering and posting', () => {
  it('refuses state and work secrets with the reason, and personnel items on the public portal', async () => {
    const secret = await create(office, { title: 'Phương án bảo vệ', category: 12, confidentiality: 'state_secret' });
    expect(secret.statusCode).toBe(400);
    expect(secret.json().error.fields[0].field).toBe('confidentiality');
    expect(secret.json().error.fields[0].vi).toMatch(/bí mật nhà nước/);
    const work = await create(office, { title: 'Hồ sơ', category: 12, confidentiality: 'work_secret' });
    expect(work.json().error.fields[0].vi).toMatch(/bí mật công tác.*Điều 46/);
    const personnel = await create(office, { title: 'Quyết định kỷ luật', category: 6, audience: 'public' });
    expect(personnel.statusCode).toBe(400);
    expect(personnel.json().error.fields[0].field).toBe('audience');
    expect((await create(staff, { title: 'X', category: 2 })).statusCode).toBe(403);
  });

  it('takes the category’s default audience and computes publish-by on the agency calendar with the explanation', async () => {
    const r = await create(office, {
      title: 'Dự toán bổ sung năm 2026',
      category: 3,
      decidedOn: '2027-02-04' > today ? today : '2027-02-04',
    });
    expect(r.statusCode, r.body).toBe(200);
    const item = r.json();
    expect(item.audience).toBe('public');
    expect(item.status).toBe('draft');
    expect(item.publishByExplanation.join(' ')).toMatch(/DC-PUBLISH/);
    expect(item.publishBy > item.decidedOn).toBe(true);
  });

  it('posts for at least 20 consecutive days, 30 once the agency is set to commune level', async () => {
    const a = (await create(office, { title: 'Kế hoạch công tác năm 2027 của Sở', category: 2 })).json();
    const short = await t.call(office, {
      method: 'POST',
      url: `/api/disclosures/${a.id}/post`,
      payload: { version: a.version, postedUntil: addDays(today, 5) },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].field).toBe('postedUntil');
    const ok = await t.call(office, { method: 'POST', url: `/api/disclosures/${a.id}/post`, payload: { version: a.version } });
    expect(ok.statusCode, ok.body).toBe(200);
    const posted = ok.json();
    expect(posted.status).toBe('posted');
    expect(posted.postedOn).toBe(today);
    expect(posted.postedUntil >= addDays(today, 20)).toBe(true);
    expect(posted.postedUntil <= addDays(today, 26)).toBe(true);

    const s = (await t.call(office, { method: 'GET', url: '/api/disclosures/settings' })).json();
    expect(s.postingDays).toBe(20);
    const set = await t.call(office, {
      method: 'PUT',
      url: '/api/disclosures/settings',
      payload: { communeLevel: true, version: s.version },
    });
    expect(set.json().postingDays).toBe(30);
    const b = (await create(office, { title: 'Kế hoạch thu chi quỹ phường', category: 3 })).json();
    const pb = (await t.call(office, { method: 'POST', url: `/api/disclosures/${b.id}/post`, payload: { version: b.version } })).json();
    expect(pb.postedUntil >= addDays(today, 30)).toBe(true);
    expect(pb.postedUntilExplanation.join(' ')).toMatch(/Điều 13/);
    await t.call(office, {
      method: 'PUT',
      url: '/api/disclosures/settings',
      payload: { communeLevel: false, version: set.json().version },
    });
  });
});

describe('from other modules', () => {
  it('discloses a consultation’s explanation to staff when the consultation module publishes it (Art. 46(10))', async () => {
    const title = 'Giải trình tiếp thu ý kiến: Dự thảo quy chế thử nghiệm';
    const { loadActor } = await import('../../platform/http');
    const me = (await t.call(office, { method: 'GET', url: '/api/me' })).json();
    const actor = (await t.db.withTenant({ tenantId: t.demoTenantId }, (tx) =>
      loadActor(tx, t.demoTenantId, me.user?.id ?? me.id, t.app.modules),
    ))!;
    await t.system(today, (ctx) =>
      ctx.modules.emit({ ...ctx, actor } as typeof ctx, 'consultation.explanation_published', {
        tenantId: t.demoTenantId,
        consultationId: '00000000-0000-4000-8000-000000000010',
        title,
        decidedOn: today,
      }),
    );
    const item = (await list(office)).find((i) => i.title === title);
    expect(item).toMatchObject({ category: 10, audience: 'staff', status: 'posted' });
  });
});

describe('read receipts', () => {
  it('staff acknowledge an item; the Office sees who has not read it', async () => {
    const a = (await create(office, { title: 'Thông báo lịch trực Tết Nguyên đán 2027', category: 12, audience: 'staff' })).json();
    await t.call(office, { method: 'POST', url: `/api/disclosures/${a.id}/post`, payload: { version: a.version } });
    const before = (await t.call(office, { method: 'GET', url: `/api/disclosures/${a.id}` })).json();
    const names = before.receipts.notRead.map((p: { name: string }) => p.name);
    expect(names).toContain('Phạm Thị Mai');
    const mine = (await list(staff)).find((i) => i.id === a.id)!;
    expect(mine.acknowledged).toBe(false);
    const ack = await t.call(staff, { method: 'POST', url: `/api/disclosures/${a.id}/acknowledge` });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().abilities.acknowledge).toBe(false);
    const after = (await t.call(office, { method: 'GET', url: `/api/disclosures/${a.id}` })).json();
    expect(after.receipts.read.map((p: { name: string }) => p.name)).toContain('Phạm Thị Mai');
    expect(after.receipts.notRead.length).toBe(before.receipts.notRead.length - 1);
    const dash = (await t.call(staff, { method: 'GET', url: '/api/dashboard' })).json();
    expect(dash.stats.find((s: { key: string }) => s.key === 'disclosures.to_acknowledge')).toBeTruthy();
  });
});

describe('the public portal', () => {
  it('lists only public items that are posted, with their document; internal ones stay out', async () => {
    const file = await upload(office, 'du-toan-bo-sung.txt', 'Dự toán bổ sung');
    const pub = (
      await create(office, { title: 'Dự toán chi bổ sung cho nhiệm vụ khoa học', category: 3, audience: 'public', sourceFileId: file })
    ).json();
    const internal = (await create(office, { title: 'Danh sách nâng lương quý IV', category: 6 })).json();
    for (const x of [pub, internal])
      await t.call(office, { method: 'POST', url: `/api/disclosures/${x.id}/post`, payload: { version: x.version } });
    const r = await t.call(null, { method: 'GET', url: `/api/public/${agency}/disclosures` });
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { id: string; title: string; file: { url: string } | null }[];
    expect(items.some((i) => i.id === pub.id)).toBe(true);
    expect(items.some((i) => i.id === internal.id)).toBe(false);
    const all = await list(office);
    const nonPublic = all.filter((i) => i.audience !== 'public' || i.status !== 'posted').map((i) => i.id);
    expect(items.some((i) => nonPublic.includes(i.id))).toBe(false);
    const dl = await t.call(null, { method: 'GET', url: items.find((i) => i.id === pub.id)!.file!.url });
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toContain('Dự toán bổ sung');
    expect((await t.call(null, { method: 'GET', url: `/api/public/${agency}/disclosures/${internal.id}/file` })).statusCode).toBe(404);
    expect((await t.call(null, { method: 'GET', url: `/api/public/khong-co/disclosures` })).statusCode).toBe(404);
  });
});

describe('the sweep', () => {
  it('on the demo today lists at least one withdrawal and one item overdue to publish, and applies once', async () => {
    const preview = await t.system(today, (ctx) => sweepDisclosures(ctx, today, { apply: false }));
    expect(preview.some((a) => a.action === 'withdraw')).toBe(true);
    expect(preview.some((a) => a.action === 'publish-overdue')).toBe(true);
    expect(preview.some((a) => /04\/2015\/NĐ-CP/.test(a.reason))).toBe(true);
    expect((await t.call(office, { method: 'GET', url: '/api/disclosures/sweep' })).json()).toEqual(preview);
    // "Rà soát ngay": the Office runs the daily job's function for today; overseers and staff may not.
    expect((await t.call(staff, { method: 'POST', url: '/api/disclosures/sweep' })).statusCode).toBe(403);
    expect((await t.call(union, { method: 'POST', url: '/api/disclosures/sweep' })).statusCode).toBe(403);
    const run = await t.call(office, { method: 'POST', url: '/api/disclosures/sweep' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual(preview);
    const audit = (await t.call(office, { method: 'GET', url: '/api/audit?entityType=disclosure' })).json();
    expect(JSON.stringify(audit)).toMatch(/disclosure\.sweep_run/);
    const applied = await t.system(today, (ctx) => sweepDisclosures(ctx, today, { apply: true }));
    expect(applied).toEqual(preview);
    // The same day again reports the same actions (the job, then an operator).
    expect(await t.system(today, (ctx) => sweepDisclosures(ctx, today, { apply: true }))).toEqual(preview);
    const items = await list(office);
    for (const a of preview.filter((x) => x.action === 'withdraw')) expect(items.find((i) => i.id === a.id)!.status).toBe('withdrawn');
    expect(items.some((i) => i.pastValidity)).toBe(false);
  });

  it('withdraws an item at once when its source document is replaced in the registry', async () => {
    const docs = (await t.call(office, { method: 'GET', url: '/api/legal-documents' })).json() as {
      id: string;
      symbol: string;
      version: number;
      status: string;
    }[];
    const doc = docs.find((d) => d.symbol === '10/2022/QH15')!;
    const succ = docs.find((d) => d.symbol === '59/2023/NĐ-CP')!;
    const a = (
      await create(office, { title: 'Hướng dẫn thực hiện dân chủ ở cơ sở', category: 1, sourceDocumentId: doc.id, keepPosted: true })
    ).json();
    await t.call(office, { method: 'POST', url: `/api/disclosures/${a.id}/post`, payload: { version: a.version } });
    expect((await t.system(today, (ctx) => sweepDisclosures(ctx, today, { apply: false }))).some((x) => x.id === a.id)).toBe(false);
    const r = await t.call(office, {
      method: 'PATCH',
      url: `/api/legal-documents/${doc.id}`,
      payload: { status: 'replaced', replacedById: succ.id, version: doc.version },
    });
    expect(r.statusCode, r.body).toBe(200);
    // At once, in the registry's transaction, not at the next night's sweep.
    const now = (await t.call(office, { method: 'GET', url: `/api/disclosures/${a.id}` })).json();
    expect(now.status).toBe('withdrawn');
    expect(now.withdrawnOn).toBe(today);
    // The day's sweep reports it with the reason.
    const sweep = await t.system(today, (ctx) => sweepDisclosures(ctx, today, { apply: true }));
    const hit = sweep.find((x) => x.id === a.id)!;
    expect(hit.action).toBe('withdraw');
    expect(hit.reason).toMatch(/10\/2022\/QH15 đã được thay thế bởi 59\/2023\/NĐ-CP/);
    expect((await t.call(office, { method: 'GET', url: `/api/disclosures/${a.id}` })).json().status).toBe('withdrawn');
  });

  it('answers `danchu disclosure sweep --at … --json` with the contract', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) };
    const code = await t.system(today, (ctx) => disclosureCommand(ctx, ['sweep', '--at', today, '--json', '--dry-run'], io));
    expect(code).toBe(0);
    const actions = JSON.parse(out.join('\n')) as { id: string; title: string; action: string; reason: string }[];
    // The contract on the demo: at least one withdrawal and one item overdue to publish.
    expect(actions.some((a) => a.action === 'withdraw')).toBe(true);
    expect(actions.some((a) => a.action === 'publish-overdue')).toBe(true);
    for (const a of actions) {
      expect(Object.keys(a).sort()).toEqual(['action', 'id', 'reason', 'title']);
      expect(['withdraw', 'publish-overdue']).toContain(a.action);
    }
    expect(await t.system(today, (ctx) => disclosureCommand(ctx, ['sweep', '--at', '2026-02-30'], io))).toBe(2);
    expect(await t.system(today, (ctx) => disclosureCommand(ctx, ['purge'], io))).toBe(2);
  });

  it('never withdraws in advance: a later day is only previewed', async () => {
    const later = addDays(today, 400);
    const preview = await t.system(today, (ctx) => sweepDisclosures(ctx, later, { apply: true }));
    expect(preview.some((a) => a.action === 'withdraw')).toBe(true);
    const still = (await list(office)).filter((i) => i.status === 'posted');
    expect(still.length).toBeGreaterThan(0);
  });
});

describe('withdrawn items on request (Art. 48(4))', () => {
  it('a staff member asks, the Office answers, then the document is served to them', async () => {
    const file = await upload(office, 'ke-hoach-tap-huan.txt', 'Kế hoạch tập huấn');
    const a = (await create(office, { title: 'Kế hoạch tập huấn nghiệp vụ quý IV', category: 2, sourceFileId: file })).json();
    const p = (await t.call(office, { method: 'POST', url: `/api/disclosures/${a.id}/post`, payload: { version: a.version } })).json();
    expect((await t.call(staff, { method: 'GET', url: `/api/files/${file}` })).statusCode).toBe(200);
    const w = await t.call(office, {
      method: 'POST',
      url: `/api/disclosures/${a.id}/withdraw`,
      payload: { version: p.version, reason: 'Đã hết thời gian cần niêm yết' },
    });
    expect(w.statusCode, w.body).toBe(200);
    expect((await t.call(staff, { method: 'GET', url: `/api/files/${file}` })).statusCode).toBe(404);
    const req = await t.call(staff, {
      method: 'POST',
      url: `/api/disclosures/${a.id}/requests`,
      payload: { reason: 'Cần để lập kế hoạch phòng' },
    });
    expect(req.statusCode, req.body).toBe(200);
    const seen = (await t.call(office, { method: 'GET', url: `/api/disclosures/${a.id}` })).json();
    expect(seen.requests[0].requestedBy).toBe('Phạm Thị Mai');
    const ans = await t.call(office, {
      method: 'POST',
      url: `/api/disclosure-requests/${seen.requests[0].id}/answer`,
      payload: { answer: 'Gửi kèm kế hoạch' },
    });
    expect(ans.statusCode, ans.body).toBe(200);
    expect((await t.call(staff, { method: 'GET', url: `/api/files/${file}` })).statusCode).toBe(200);
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=disclosure&entityId=${a.id}` })).json();
    expect(JSON.stringify(audit)).toMatch(/disclosure\.(request|answer)/);
  });
});

describe('indicators and the board sheet', () => {
  it('counts items published and withdrawn on time, saying how', async () => {
    const unitId = (await t.call(office, { method: 'GET', url: '/api/units?all=true' }))
      .json()
      .find((u: { code: string }) => u.code === 'VP').id;
    const scope = { unitId, from: '2025-01-01', to: '2025-12-31' };
    for (const ind of DISCLOSURE_INDICATORS) {
      const r = await t.system(today, (ctx) => ind.compute(ctx, scope));
      expect(r.value).toBeGreaterThan(0);
      expect(r.how).toMatch(/01\/01\/2025/);
    }
  });

  it('prints the notice-board sheet (.docx)', async () => {
    const r = await t.call(office, { method: 'GET', url: '/api/disclosures/board.docx' });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.call(staff, { method: 'GET', url: '/api/disclosures/board.docx' })).statusCode).toBe(403);
  });
});

describe('publishDisclosure (for other modules: a consultation’s explanation, Art. 46(10))', () => {
  it('registers and posts an item with its origin, returning its id', async () => {
    const id = await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      const [u] = await tx.select().from(users).where(eq(users.username, 'vanphong'));
      const actor = (await loadActor(tx, t.demoTenantId, u!.id, t.app.modules))!;
      return publishDisclosure(
        { tx, actor, today, modules: t.app.modules, who: { tenantId: t.demoTenantId, userId: u!.id, name: u!.fullName } },
        {
          title: 'Giải trình tiếp thu ý kiến dự thảo Kế hoạch năm 2027',
          category: 10,
          decidedOn: today,
          audience: 'staff',
          origin: { module: 'consultations', id: 'c-2027' },
        },
      );
    });
    const item = (await t.call(staff, { method: 'GET', url: `/api/disclosures/${id}` })).json();
    expect(item.status).toBe('posted');
    expect(item.category).toBe(10);
    expect(item.origin).toEqual({ module: 'consultations', id: 'c-2027' });
    expect(item.abilities.acknowledge).toBe(true);
  });
});

describe('the holiday calendar moves posting ends (DC-POST-MIN), as it moves case deadlines', () => {
  it('moves the minimum end of a posted item onto the next day that is not off, audited; a longer chosen end stays', async () => {
    const post = async (title: string, postedUntil?: string) => {
      const c = (await create(office, { title, category: 12, decidedOn: '2026-11-02' })).json();
      const r = await t.call(office, {
        method: 'POST',
        url: `/api/disclosures/${c.id}/post`,
        payload: { version: c.version, postedOn: '2026-11-02', ...(postedUntil ? { postedUntil } : {}) },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { id: string; postedUntil: string };
    };
    // Mon 02/11/2026 + 20 days = Sun 22/11 → Mon 23/11 (Civil Code Art. 148(5)).
    const min = await post('Thông báo lịch tiếp công dân tháng 11/2026');
    expect(min.postedUntil).toBe('2026-11-23');
    const longer = await post('Quy định giờ làm việc mùa đông 2026', '2026-12-31');
    const add = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2026/entries',
      payload: { date: '2026-11-23', kind: 'holiday', name: 'Nghỉ bù thử nghiệm' },
    });
    expect(add.statusCode, add.body).toBe(200);
    const conf = await t.call(office, {
      method: 'POST',
      url: '/api/calendar/2026/confirm',
      payload: { basis: 'Thông báo 1234/TB-BNV (mẫu)' },
    });
    expect(conf.statusCode, conf.body).toBe(200);
    const get = async (id: string) => (await t.call(office, { method: 'GET', url: `/api/disclosures/${id}` })).json();
    const moved = await get(min.id);
    expect(moved.postedUntil).toBe('2026-11-24');
    expect(moved.postedUntilExplanation.join(' ')).toMatch(/DC-POST-MIN/);
    expect((await get(longer.id)).postedUntil).toBe('2026-12-31');
    const audit = await t.db.owner
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disclosure.recompute'), eq(auditLog.entityId, min.id)));
    expect(audit.map((a) => a.summary)).toEqual([expect.stringMatching(/23\/11\/2026 → 24\/11\/2026/)]);
  });
});

describe('the print page of the notice board and the commune’s quarterly list (Art. 13)', () => {
  it('gives overseers the board as data for the print page, the same items as the sheet; not staff', async () => {
    expect((await t.call(staff, { method: 'GET', url: '/api/disclosures/board' })).statusCode).toBe(403);
    const r = await t.call(union, { method: 'GET', url: '/api/disclosures/board' });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json() as { postingDays: number; items: { title: string; postedOn: string }[]; agency: { name: string } };
    expect(b.postingDays).toBe(20);
    expect(b.agency.name).toBeTruthy();
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((i) => i.postedOn <= today)).toBe(true);
    const posted = (await list(office)).filter((i) => i.status === 'posted').map((i) => i.title);
    for (const i of b.items) expect(posted).toContain(i.title);
  });

  it('generates the quarterly list only at commune level, with what was published in the quarter', async () => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const url = `/api/disclosures/quarterly.docx?year=${y}&quarter=${Math.floor((m - 1) / 3) + 1}`;
    const agencyLevel = await t.call(office, { method: 'GET', url });
    expect(agencyLevel.statusCode).toBe(409);
    expect(agencyLevel.json().error.code).toBe('DISCLOSURE_NOT_COMMUNE');
    const s = (await t.call(office, { method: 'GET', url: '/api/disclosures/settings' })).json();
    const set = await t.call(office, {
      method: 'PUT',
      url: '/api/disclosures/settings',
      payload: { communeLevel: true, version: s.version },
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      expect((await t.call(staff, { method: 'GET', url })).statusCode).toBe(403);
      const bad = await t.call(office, { method: 'GET', url: `/api/disclosures/quarterly.docx?year=${y}&quarter=5` });
      expect(bad.statusCode).toBe(400);
      const docx = await t.call(office, { method: 'GET', url });
      expect(docx.statusCode).toBe(200);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('Điều 13');
      // Posted today by the search test above, with its form (Art. 13: form and time of publication).
      expect(xml).toContain('Phân công trực phòng thí nghiệm quý I năm 2027');
      expect(xml).toContain('Niêm yết tại trụ sở');
    } finally {
      const now = (await t.call(office, { method: 'GET', url: '/api/disclosures/settings' })).json();
      await t.call(office, { method: 'PUT', url: '/api/disclosures/settings', payload: { communeLevel: false, version: now.version } });
    }
  });
});
