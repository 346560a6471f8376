import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { todayInVietnam } from '../../platform/clock';
import { addDays } from '../../../domain';

let t: TestApp;
let office: Session;
let leader: Session;
let staff: Session;
let union: Session;
let head: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  leader = await t.login('lanhdao');
  staff = await t.login('canbo');
  union = await t.login('congdoan');
  head = await t.login('truongphong');
});
afterAll(async () => t?.close());

type Conf = {
  id: string;
  version: number;
  convened: number;
  present: number | null;
  quorumMet: boolean;
  quorum: number;
  failedConvocations: number;
  writtenBallotAllowed: boolean;
  resolutions: { id: string; title: string; yes: number | null; passed: boolean | null }[];
  [k: string]: unknown;
};

describe('the staff conference (Law 10/2022 Arts. 50–52)', () => {
  it('lists the demo 2026 conference with quorum, votes computed, its review; the 2025 board still serves', async () => {
    const res = await t.call(staff, { method: 'GET', url: '/api/conferences' });
    expect(res.statusCode).toBe(200);
    const c = res.json().items.find((x: { year: number }) => x.year === 2026);
    expect(c.quorumMet).toBe(true);
    expect(c.present * 3).toBeGreaterThanOrEqual(c.convened * 2);
    expect(c.resolutions.map((r: { passed: boolean }) => r.passed)).toEqual([true, true, false]);
    expect(c.dueOn).toBe('2026-03-31');
    const full = (await t.call(staff, { method: 'GET', url: `/api/conferences/${c.id}` })).json();
    expect(full.reviews).toHaveLength(1);
    expect(full.reviews[0].dueOn).toBe('2026-08-06');
    expect(full.nextReview).toMatchObject({ occurrence: 2 });
    // The board elected in 2025 serves until 2027 (BTTND-TERM): the 2026 conference elects none.
    expect(full.boardElection).toBeNull();
    expect(full.abilities).toEqual({ manage: false, review: false });
    const docx = await t.call(staff, { method: 'GET', url: `/api/conferences/${c.id}/resolution.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a second annual conference in a year; an extraordinary one needs one third of staff', async () => {
    const dup = await t.call(office, {
      method: 'POST',
      url: '/api/conferences',
      payload: { year: 2026, kind: 'annual', scheduledOn: '2026-03-01' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFERENCE_ANNUAL_EXISTS');
    const few = await t.call(office, {
      method: 'POST',
      url: '/api/conferences',
      payload: { year: 2026, kind: 'extraordinary', scheduledOn: '2026-11-01', proposedBy: 'staff', proposers: 33, staffTotal: 100 },
    });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.fields[0].field).toBe('proposers');
    const staffTry = await t.call(staff, {
      method: 'POST',
      url: '/api/conferences',
      payload: { year: 2026, kind: 'extraordinary', scheduledOn: '2026-11-01', proposedBy: 'union' },
    });
    expect(staffTry.statusCode).toBe(403);
  });

  it('counts quorum at 2/3 exactly, fails twice into a written ballot, and passes items on > 50% only', async () => {
    const today = todayInVietnam();
    let c: Conf = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: today, proposedBy: 'staff', proposers: 34, staffTotal: 100 },
      })
    ).json();
    expect(c.convened).toBe(100);
    expect(c.quorum).toBe(67);
    c = (await t.call(office, { method: 'POST', url: `/api/conferences/${c.id}/items`, payload: { title: 'Mức đóng góp quỹ' } })).json();
    const attend = async (present: number) =>
      (
        await t.call(office, {
          method: 'POST',
          url: `/api/conferences/${c.id}/attendance`,
          payload: { heldOn: today, present, version: c.version },
        })
      ).json();
    c = await attend(66);
    expect(c.quorumMet).toBe(false);
    const noVote = await t.call(office, {
      method: 'PUT',
      url: `/api/conferences/${c.id}/items/${c.resolutions[0]!.id}/vote`,
      payload: { yes: 60, no: 0, abstain: 6 },
    });
    expect(noVote.json().error.code).toBe('CONFERENCE_NO_QUORUM');
    const early = await t.call(office, {
      method: 'POST',
      url: `/api/conferences/${c.id}/written-ballot`,
      payload: { heldOn: today, returned: 90, version: c.version },
    });
    expect(early.statusCode).toBe(400);
    c = await attend(67);
    expect(c.quorumMet).toBe(true);
    expect(c.failedConvocations).toBe(1);
    const vote = async (yes: number, no: number, abstain: number) =>
      (
        await t.call(office, {
          method: 'PUT',
          url: `/api/conferences/${c.id}/items/${c.resolutions[0]!.id}/vote`,
          payload: { yes, no, abstain },
        })
      ).json() as Conf;
    expect((await vote(33, 0, 34)).resolutions[0]!.passed).toBe(false);
    expect((await vote(34, 0, 33)).resolutions[0]!.passed).toBe(true);
    const over = await t.call(office, {
      method: 'PUT',
      url: `/api/conferences/${c.id}/items/${c.resolutions[0]!.id}/vote`,
      payload: { yes: 60, no: 5, abstain: 5 },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0].field).toBe('yes');

    // A second session that fails twice goes to the written ballot of all staff (Art. 50(2)).
    let w: Conf = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: today, proposedBy: 'union', staffTotal: 9 },
      })
    ).json();
    for (const present of [5, 5]) {
      w = (
        await t.call(office, {
          method: 'POST',
          url: `/api/conferences/${w.id}/attendance`,
          payload: { heldOn: today, present, version: w.version },
        })
      ).json();
    }
    expect(w.failedConvocations).toBe(2);
    expect(w.writtenBallotAllowed).toBe(true);
    w = (
      await t.call(office, {
        method: 'POST',
        url: `/api/conferences/${w.id}/written-ballot`,
        payload: { heldOn: today, returned: 8, version: w.version },
      })
    ).json();
    expect(w.quorumMet).toBe(true);
    w = (await t.call(office, { method: 'POST', url: `/api/conferences/${w.id}/items`, payload: { title: 'Bầu bổ sung' } })).json();
    // 5 of 9 staff asked is more than half; 4 is not, even though 4 of 8 ballots returned say yes.
    const ballot = async (yes: number) =>
      (
        await t.call(office, {
          method: 'PUT',
          url: `/api/conferences/${w.id}/items/${w.resolutions[0]!.id}/vote`,
          payload: { yes, no: 8 - yes, abstain: 0 },
        })
      ).json() as Conf;
    expect((await ballot(4)).resolutions[0]!.passed).toBe(false);
    expect((await ballot(5)).resolutions[0]!.passed).toBe(true);
  });

  it('lets the head and the union record the 6-monthly review, not staff', async () => {
    const list = (await t.call(staff, { method: 'GET', url: '/api/conferences' })).json().items;
    const c = list.find((x: { year: number; kind: string }) => x.year === 2026 && x.kind === 'annual');
    const body = { reviewedOn: todayInVietnam(), summary: 'Kiểm tra kỳ 2', staffInformedOn: null };
    expect((await t.call(staff, { method: 'POST', url: `/api/conferences/${c.id}/reviews`, payload: body })).statusCode).toBe(403);
    const r = await t.call(leader, { method: 'POST', url: `/api/conferences/${c.id}/reviews`, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json().reviews).toHaveLength(2);
    // 06/02/2027 + roll past the Tết 2027 days off (the engine on the agency calendar).
    expect(r.json().reviews[1].dueOn >= '2027-02-06').toBe(true);
    const locked = await t.call(office, { method: 'POST', url: `/api/conferences/${c.id}/items`, payload: { title: 'x' } });
    expect(locked.json().error.code).toBe('CONFERENCE_ADOPTED');
  });
});

type Cons = {
  id: string;
  version: number;
  status: string;
  commentList: { id: string; author: string | null; anonymous: boolean; mine: boolean; outcome: string | null; body: string }[];
  abilities: Record<string, boolean>;
  [k: string]: unknown;
};

describe('before the conference: documents circulated and who is convened (Law 10/2022 Art. 51)', () => {
  const upload = async (s: Session, name: string): Promise<string> => {
    const b = 'confboundary';
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/files',
      payload: Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
        Buffer.from('%PDF-1.4\nbao cao\n%%EOF'),
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json()[0].id;
  };

  it('shows the demo conference documents, circulated 10 days before; staff open them; all staff are convened', async () => {
    const c = (await t.call(staff, { method: 'GET', url: '/api/conferences' }))
      .json()
      .items.find((x: { year: number; kind: string }) => x.year === 2026 && x.kind === 'annual');
    const full = (await t.call(staff, { method: 'GET', url: `/api/conferences/${c.id}` })).json();
    expect(full.documents.map((d: { daysBefore: number; circulatedOn: string }) => [d.circulatedOn, d.daysBefore])).toEqual([
      ['2026-01-27', 10],
      ['2026-01-27', 10],
    ]);
    const file = await t.call(staff, { method: 'GET', url: `/api/files/${full.documents[0].fileId}` });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Báo cáo kết quả thực hiện nhiệm vụ năm 2025');
    expect(full.convenedList.mode).toBe('all');
    expect(full.convenedList.named).toBe(full.convened);
    expect(full.convenedList.people.length).toBeGreaterThan(3);
  });

  it('the Office circulates a document before the date; staff open it; only the Office adds or removes', async () => {
    const today = todayInVietnam();
    const created = await t.call(office, {
      method: 'POST',
      url: '/api/conferences',
      payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 14), proposedBy: 'union', staffTotal: 40 },
    });
    const conf = created.json();
    const fileId = await upload(office, 'Tờ trình.pdf');
    expect(
      (await t.call(staff, { method: 'POST', url: `/api/conferences/${conf.id}/documents`, payload: { title: 'Tờ trình', fileId } }))
        .statusCode,
    ).toBe(403);
    const future = await t.call(office, {
      method: 'POST',
      url: `/api/conferences/${conf.id}/documents`,
      payload: { title: 'Tờ trình', fileId, circulatedOn: addDays(today, 1) },
    });
    expect(future.json().error.fields[0].field).toBe('circulatedOn');
    const added = await t.call(office, {
      method: 'POST',
      url: `/api/conferences/${conf.id}/documents`,
      payload: { title: 'Tờ trình', fileId },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().documents).toEqual([
      expect.objectContaining({ title: 'Tờ trình', filename: 'Tờ trình.pdf', circulatedOn: today, daysBefore: 14 }),
    ]);
    // Before the conference meets, every staff member may open it.
    expect((await t.call(staff, { method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(200);
    // A file already attached to this conference cannot be attached to another record's document.
    const other = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 20), proposedBy: 'head', staffTotal: 40 },
      })
    ).json();
    const reused = await t.call(office, { method: 'POST', url: `/api/conferences/${other.id}/documents`, payload: { title: 'x', fileId } });
    expect(reused.json().error.fields[0].field).toBe('fileId');
    const docId = added.json().documents[0].id;
    expect((await t.call(staff, { method: 'DELETE', url: `/api/conferences/${conf.id}/documents/${docId}` })).statusCode).toBe(403);
    const removed = await t.call(office, { method: 'DELETE', url: `/api/conferences/${conf.id}/documents/${docId}` });
    expect(removed.json().documents).toEqual([]);
  });

  it('tells those convened, in the app, of each document circulated: the delegates named, or all staff', async () => {
    const today = todayInVietnam();
    const idOf = async (s: Session) => {
      const me = (await t.call(s, { method: 'GET', url: '/api/me' })).json();
      return (me.user?.id ?? me.id) as string;
    };
    const notes = async (s: Session, link: string) =>
      (
        (await t.call(s, { method: 'GET', url: '/api/notifications' })).json().items as { kind: string; title: string; link: string }[]
      ).filter((n) => n.kind === 'conference.document' && n.link === link);
    const admin = await t.login('admin');
    // From 100 staff, delegates are convened by name (Art. 51(2)): only they are told.
    const big = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 12), proposedBy: 'union', staffTotal: 120, delegates: 2 },
      })
    ).json();
    await t.call(office, {
      method: 'PUT',
      url: `/api/conferences/${big.id}/delegates`,
      payload: { delegateIds: [await idOf(staff), await idOf(head)], version: big.version },
    });
    const f1 = await upload(office, 'Báo cáo.pdf');
    const r1 = await t.call(office, {
      method: 'POST',
      url: `/api/conferences/${big.id}/documents`,
      payload: { title: 'Báo cáo tổng kết', fileId: f1 },
    });
    expect(r1.statusCode).toBe(200);
    const bigLink = `/conferences/${big.id}`;
    const [mine] = await notes(staff, bigLink);
    expect(mine).toMatchObject({ title: 'Tài liệu hội nghị: Báo cáo tổng kết', link: bigLink });
    expect(await notes(head, bigLink)).toHaveLength(1);
    expect(await notes(union, bigLink)).toHaveLength(0);
    expect(await notes(leader, bigLink)).toHaveLength(0);
    expect(await notes(office, bigLink)).toHaveLength(0);
    // Below 100 all are convened: every person of the agency is told, not the Office that circulates it nor the administrator.
    const small = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 12), proposedBy: 'head', staffTotal: 40 },
      })
    ).json();
    const f2 = await upload(office, 'Tờ trình.pdf');
    await t.call(office, { method: 'POST', url: `/api/conferences/${small.id}/documents`, payload: { title: 'Tờ trình', fileId: f2 } });
    const smallLink = `/conferences/${small.id}`;
    for (const s of [staff, head, union, leader]) expect(await notes(s, smallLink)).toHaveLength(1);
    expect(await notes(office, smallLink)).toHaveLength(0);
    expect(await notes(admin, smallLink)).toHaveLength(0);
  });

  it('names the delegates convened from 100 staff, exactly as many as agreed; below 100 all are convened', async () => {
    const today = todayInVietnam();
    const big = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 30), proposedBy: 'union', staffTotal: 150, delegates: 3 },
      })
    ).json();
    expect(big.convenedList).toEqual({ mode: 'delegates', people: [], named: 0 });
    const people = (await t.call(office, { method: 'GET', url: '/api/people' })).json() as { id: string }[];
    const ids = people.slice(0, 3).map((p) => p.id);
    const url = `/api/conferences/${big.id}/delegates`;
    expect((await t.call(staff, { method: 'PUT', url, payload: { delegateIds: ids, version: big.version } })).statusCode).toBe(403);
    const two = await t.call(office, { method: 'PUT', url, payload: { delegateIds: ids.slice(0, 2), version: big.version } });
    expect(two.json().error.fields[0].field).toBe('delegateIds');
    const named = await t.call(office, { method: 'PUT', url, payload: { delegateIds: ids, version: big.version } });
    expect(named.statusCode).toBe(200);
    expect(named.json().convenedList.named).toBe(3);
    expect(
      named
        .json()
        .convenedList.people.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([...ids].sort());
    const small = (
      await t.call(office, {
        method: 'POST',
        url: '/api/conferences',
        payload: { year: 2026, kind: 'extraordinary', scheduledOn: addDays(today, 30), proposedBy: 'union', staffTotal: 6 },
      })
    ).json();
    expect(small).toMatchObject({ optional: true, conveningMode: 'all' });
    const all = await t.call(office, {
      method: 'PUT',
      url: `/api/conferences/${small.id}/delegates`,
      payload: { delegateIds: ids, version: small.version },
    });
    expect(all.json().error.fields[0].field).toBe('delegateIds');
  });
});

describe('consultations (Law 10/2022 Arts. 53–55)', () => {
  const find = async (s: Session, match: RegExp) =>
    (await t.call(s, { method: 'GET', url: '/api/consultations' })).json().items.find((x: { title: string }) => match.test(x.title));

  it('lists both demo consultations; the regulation is explained, the 2027 plan open', async () => {
    const items = (await t.call(staff, { method: 'GET', url: '/api/consultations' })).json().items;
    const reg = items.find((x: { matter: number }) => x.matter === 8);
    expect(reg).toMatchObject({ status: 'explained', comments: 4, accepted: 2, rejected: 1 });
    expect(reg.explanationPublishedOn).toBeTruthy();
    const plan = items.find((x: { matter: number }) => x.matter === 2);
    expect(plan).toMatchObject({ status: 'open', comments: 2, awaitingMe: true });
  });

  it('staff comment on a passage; the author of an anonymous comment is hidden from leadership', async () => {
    const plan = await find(staff, /Kế hoạch/);
    const bad = await t.call(staff, {
      method: 'POST',
      url: `/api/consultations/${plan.id}/comments`,
      payload: { paragraph: 99, body: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('paragraph');
    const mine: Cons = (
      await t.call(staff, {
        method: 'POST',
        url: `/api/consultations/${plan.id}/comments`,
        payload: { paragraph: 5, body: 'Đề nghị họp trong tháng 2/2027.', anonymous: true },
      })
    ).json();
    expect(mine.commentList).toHaveLength(1); // staff see only their own
    expect(mine.commentList[0]).toMatchObject({ mine: true, author: 'Phạm Thị Mai', anonymous: true });
    const asLeader = await t.call(leader, { method: 'GET', url: `/api/consultations/${plan.id}` });
    const seen: Cons = asLeader.json();
    expect(seen.commentList).toHaveLength(3);
    expect(seen.commentList.find((x) => x.body.includes('tháng 2/2027'))!.author).toBeNull();
    expect(asLeader.body).not.toContain('Phạm Thị Mai');
    expect(asLeader.body).not.toContain('Võ Văn Sơn'); // the inspection member's anonymous demo comment
    const log = await t.call(leader, { method: 'GET', url: '/api/audit?entityType=consultation&pageSize=100' });
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('ẩn danh');
    expect(log.body).not.toContain('Phạm Thị Mai');
    // Leadership does not see who took part; the union does (participation, never authorship).
    expect((await t.call(leader, { method: 'GET', url: `/api/consultations/${plan.id}/participation` })).statusCode).toBe(403);
    expect((await t.call(office, { method: 'GET', url: `/api/consultations/${plan.id}/participation` })).statusCode).toBe(403);
    const part = (await t.call(union, { method: 'GET', url: `/api/consultations/${plan.id}/participation` })).json();
    expect(part.responded).toBe(3);
    expect(part.anonymousComments).toBe(2);
    expect(part.people.find((p: { name: string }) => p.name === 'Phạm Thị Mai').responded).toBe(true);
    // …and no author under any comment, or the one responder not named would be the anonymous one.
    const asUnion: Cons = (await t.call(union, { method: 'GET', url: `/api/consultations/${plan.id}` })).json();
    expect(asUnion.commentList.map((c) => c.author)).toEqual([null, null, null]);
  });

  it('only the Office classifies, with a reason when not accepted; reminders reach non-responders', async () => {
    const plan = await find(office, /Kế hoạch/);
    const full: Cons = (await t.call(office, { method: 'GET', url: `/api/consultations/${plan.id}` })).json();
    const x = full.commentList[0]!;
    const url = `/api/consultations/${plan.id}/comments/${x.id}/outcome`;
    expect((await t.call(staff, { method: 'PUT', url, payload: { outcome: 'accepted' } })).statusCode).toBe(403);
    expect((await t.call(union, { method: 'PUT', url, payload: { outcome: 'accepted' } })).statusCode).toBe(403);
    expect((await t.call(leader, { method: 'PUT', url, payload: { outcome: 'accepted' } })).statusCode).toBe(403);
    const noReason = await t.call(office, { method: 'PUT', url, payload: { outcome: 'rejected' } });
    expect(noReason.json().error.fields[0].field).toBe('reason');
    const ok: Cons = (
      await t.call(office, { method: 'PUT', url, payload: { outcome: 'partly', reason: 'Giữ thời hạn của Luật.' } })
    ).json();
    expect(ok.commentList.find((c) => c.id === x.id)!.outcome).toBe('partly');
    const early = await t.call(office, {
      method: 'POST',
      url: `/api/consultations/${plan.id}/explanation`,
      payload: { explanation: 'x', version: ok.version },
    });
    expect(early.statusCode).toBe(400);
    expect((await t.call(staff, { method: 'POST', url: `/api/consultations/${plan.id}/remind` })).statusCode).toBe(403);
    const r = await t.call(office, { method: 'POST', url: `/api/consultations/${plan.id}/remind` });
    expect(r.json().reminded).toBeGreaterThan(3);
    const notes = (await t.call(head, { method: 'GET', url: '/api/notifications' })).json();
    expect(JSON.stringify(notes)).toContain('Đề nghị góp ý');
  });

  it('reminds non-responders by the daily job two days before closing, once', async () => {
    const plan = await find(office, /Kế hoạch/);
    const { remindClosingSoon } = await import('./consultation-service');
    expect(await t.system(addDays(plan.closesOn, -3), (ctx) => remindClosingSoon(ctx))).toBe(0);
    const n = await t.system(addDays(plan.closesOn, -2), (ctx) => remindClosingSoon(ctx));
    expect(n).toBeGreaterThan(3);
    expect(await t.system(addDays(plan.closesOn, -1), (ctx) => remindClosingSoon(ctx))).toBe(0);
  });

  it('shows the dân bàn cards on the dashboard', async () => {
    const stats = (await t.call(head, { method: 'GET', url: '/api/dashboard' })).json().stats as { key: string; value: number }[];
    expect(stats.find((s) => s.key === 'consultations.awaiting')?.value).toBe(1);
    const office_ = (await t.call(office, { method: 'GET', url: '/api/dashboard' })).json().stats as { key: string; value: number }[];
    expect(office_.map((s) => s.key)).toEqual(expect.arrayContaining(['consultations.open', 'conferences.reviews_due']));
  });

  it('ends early once everyone consulted has answered; the explanation follows the same day and is disclosed', async () => {
    const today = todayInVietnam();
    const idOf = async (s: Session) => {
      const me = (await t.call(s, { method: 'GET', url: '/api/me' })).json();
      return (me.user?.id ?? me.id) as string;
    };
    let c: Cons = (
      await t.call(office, {
        method: 'POST',
        url: '/api/consultations',
        payload: {
          title: 'Dự thảo Kế hoạch tập huấn năm 2027',
          matter: 3,
          draft: 'Mục 1. Đối tượng.\nMục 2. Thời gian.',
          forms: ['written'],
          audience: 'delegates',
          delegateIds: [await idOf(staff), await idOf(head)],
          opensOn: today,
          closesOn: addDays(today, 7),
        },
      })
    ).json();
    const close = (s: Session, version: number) =>
      t.call(s, { method: 'POST', url: `/api/consultations/${c.id}/close`, payload: { version } });
    const none = await close(office, c.version);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('CONSULTATION_AWAITING');
    await t.call(staff, {
      method: 'POST',
      url: `/api/consultations/${c.id}/comments`,
      payload: { paragraph: 1, body: 'Thêm người lao động hợp đồng.' },
    });
    c = (await t.call(office, { method: 'GET', url: `/api/consultations/${c.id}` })).json();
    expect(c.abilities.closeEarly).toBe(false);
    expect((await close(office, c.version)).json().error.code).toBe('CONSULTATION_AWAITING');
    await t.call(head, {
      method: 'POST',
      url: `/api/consultations/${c.id}/comments`,
      payload: { paragraph: 2, body: 'Tổ chức vào quý I.', anonymous: true },
    });
    c = (await t.call(office, { method: 'GET', url: `/api/consultations/${c.id}` })).json();
    expect(c.abilities.closeEarly).toBe(true);
    expect((await close(staff, c.version)).statusCode).toBe(403);
    const closed = await close(office, c.version);
    expect(closed.statusCode, closed.body).toBe(200);
    c = closed.json();
    expect(c).toMatchObject({ status: 'closed', closedEarlyOn: today, closesOn: addDays(today, 7) });
    expect(c.abilities.closeEarly).toBe(false);
    // Nobody comments once it is closed; the explanation waits for every comment to be classified.
    const late = await t.call(staff, { method: 'POST', url: `/api/consultations/${c.id}/comments`, payload: { body: 'Một ý nữa.' } });
    expect(late.json().error.code).toBe('CONSULTATION_NOT_OPEN');
    const explain = (version: number) =>
      t.call(office, {
        method: 'POST',
        url: `/api/consultations/${c.id}/explanation`,
        payload: { explanation: 'Tiếp thu 01 ý kiến, không tiếp thu 01 ý kiến (nêu lý do).', version },
      });
    expect((await explain(c.version)).json().error.code).toBe('CONSULTATION_UNCLASSIFIED');
    const [first, second] = c.commentList;
    await t.call(office, {
      method: 'PUT',
      url: `/api/consultations/${c.id}/comments/${first!.id}/outcome`,
      payload: { outcome: 'accepted' },
    });
    c = (
      await t.call(office, {
        method: 'PUT',
        url: `/api/consultations/${c.id}/comments/${second!.id}/outcome`,
        payload: { outcome: 'rejected', reason: 'Kế hoạch năm đã bố trí quý II.' },
      })
    ).json();
    const done = await explain(c.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'explained', explanationPublishedOn: today, accepted: 1, rejected: 1 });
    // Art. 46(10): staff find the explanation among the disclosures addressed to them.
    const items = (await t.call(staff, { method: 'GET', url: '/api/disclosures' })).json().items as {
      title: string;
      category: number;
      status: string;
    }[];
    expect(items.find((i) => i.title === 'Giải trình tiếp thu ý kiến: Dự thảo Kế hoạch tập huấn năm 2027')).toMatchObject({
      category: 10,
      status: 'posted',
    });
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=consultation&entityId=${c.id}` })).json();
    expect(JSON.stringify(audit)).toMatch(/consultation\.close_early/);
  });

  it('publishes the explanation after the period, every comment classified, and emits the event', async () => {
    const today = todayInVietnam();
    const created: Cons = (
      await t.call(office, {
        method: 'POST',
        url: '/api/consultations',
        payload: {
          title: 'Dự thảo quy chế chi tiêu nội bộ 2027',
          matter: 9,
          draft: 'Điều 1. Phạm vi.\nĐiều 2. Mức chi.',
          forms: ['written'],
          audience: 'unit',
          unitId: null,
          opensOn: addDays(today, -3),
          closesOn: addDays(today, 3),
        },
      })
    ).json();
    expect((created as unknown as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('unitId');
    const units = (await t.call(office, { method: 'GET', url: '/api/units' })).json() as { id: string; code: string }[];
    const qlkh = units.find((u) => u.code === 'QLKH')!.id;
    const c: Cons = (
      await t.call(office, {
        method: 'POST',
        url: '/api/consultations',
        payload: {
          title: 'Dự thảo quy chế chi tiêu nội bộ 2027',
          matter: 9,
          draft: 'Điều 1. Phạm vi.\nĐiều 2. Mức chi.',
          forms: ['written'],
          audience: 'unit',
          unitId: qlkh,
          opensOn: addDays(today, -3),
          closesOn: addDays(today, 3),
        },
      })
    ).json();
    // Only the unit is consulted: the union's member in the Office is not.
    const out = await t.call(union, { method: 'POST', url: `/api/consultations/${c.id}/comments`, payload: { body: 'Góp ý' } });
    expect(out.json().error.code).toBe('CONSULTATION_NOT_CONSULTED');
    const s: Cons = (
      await t.call(staff, { method: 'POST', url: `/api/consultations/${c.id}/comments`, payload: { paragraph: 2, body: 'Tăng mức chi.' } })
    ).json();
    // Run the rest as the system after the period: the Office publishes once every comment is classified.
    const { classifyComment, publishExplanation } = await import('./consultation-service');
    const events: unknown[] = [];
    const later = addDays(today, 5);
    const actor = await officeActor();
    await expect(
      t.system(later, async (ctx) => {
        return publishExplanation({ ...ctx, actor }, c.id, { explanation: 'Giải trình', version: s.version });
      }),
    ).rejects.toThrow(/CONSULTATION_UNCLASSIFIED/);
    const published = await t.system(later, async (ctx) => {
      const modules = {
        ...ctx.modules,
        emit: async (_c: unknown, e: string, p: unknown) => void events.push([e, p]),
      } as typeof ctx.modules;
      const x = await classifyComment({ ...ctx, actor, modules }, c.id, s.commentList[0]!.id, { outcome: 'accepted' });
      return publishExplanation({ ...ctx, actor, modules }, c.id, { explanation: 'Giải trình', version: x.version });
    });
    expect(published.status).toBe('explained');
    expect(published.explanationPublishedOn).toBe(later);
    expect(events).toEqual([
      [
        'consultation.explanation_published',
        {
          tenantId: t.demoTenantId,
          consultationId: c.id,
          title: 'Giải trình tiếp thu ý kiến: Dự thảo quy chế chi tiêu nội bộ 2027',
          decidedOn: later,
        },
      ],
    ]);
  });
});

describe('regulations issued from a consultation (Law 10/2022 Arts. 53(8), 53(9), 55, 59)', () => {
  type Version = { id: string; regulation: string; number: number; consultationId: string; disclosureId: string; superseded: boolean };
  const versions = async (s: Session): Promise<Version[]> => (await t.call(s, { method: 'GET', url: '/api/regulations' })).json().items;
  const consultation = (over: Record<string, unknown>) => ({
    draft: 'Điều 1. Phạm vi.\nĐiều 2. Trách nhiệm.',
    forms: ['written'],
    audience: 'all',
    ...over,
  });

  it('shows the demo democracy regulation as version 1, disclosed to staff and kept posted (Art. 46(9))', async () => {
    const [v1, ...rest] = await versions(staff);
    expect(rest).toHaveLength(0);
    expect(v1).toMatchObject({ regulation: 'democracy', number: 1, decisionRef: '125/QĐ-SKHCN', superseded: false });
    const d = (await t.call(staff, { method: 'GET', url: `/api/disclosures/${v1!.disclosureId}` })).json();
    expect(d).toMatchObject({ category: 9, status: 'posted', keepPosted: true, audience: 'staff' });
    expect(d.origin).toEqual({ module: 'conferences', id: v1!.id });
    const c = (await t.call(office, { method: 'GET', url: `/api/consultations/${v1!.consultationId}` })).json();
    expect(c.regulation).toBe('democracy');
    expect(c.issued).toMatchObject({ number: 1, id: v1!.id });
    expect(c.abilities.issue).toBe(false);
  });

  it('issues version 2 from a new explained consultation; version 1 comes off the board, the rest is refused', async () => {
    const today = todayInVietnam();
    const plan = (await t.call(staff, { method: 'GET', url: '/api/consultations' }))
      .json()
      .items.find((x: { matter: number }) => x.matter === 2);
    const notRegulation = await t.call(office, {
      method: 'POST',
      url: `/api/consultations/${plan.id}/issue`,
      payload: { issuedOn: today, decisionRef: '1/QĐ', version: 1 },
    });
    expect(notRegulation.statusCode).toBe(400);
    expect(notRegulation.json().error.fields[0].field).toBe('matter');

    const created = await t.call(office, {
      method: 'POST',
      url: '/api/consultations',
      payload: consultation({
        title: 'Dự thảo Quy chế thực hiện dân chủ (sửa đổi lần 2)',
        matter: 8,
        opensOn: addDays(today, -20),
        closesOn: addDays(today, -2),
      }),
    });
    expect(created.statusCode).toBe(200);
    let c = created.json();
    expect(c.abilities.issue).toBe(false);
    const early = await t.call(office, {
      method: 'POST',
      url: `/api/consultations/${c.id}/issue`,
      payload: { issuedOn: today, decisionRef: '2/QĐ', version: c.version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSULTATION_NOT_EXPLAINED');
    c = (
      await t.call(office, {
        method: 'POST',
        url: `/api/consultations/${c.id}/explanation`,
        payload: { explanation: 'Không có ý kiến khác.', version: c.version },
      })
    ).json();
    expect(c.abilities.issue).toBe(true);
    const body = { issuedOn: today, decisionRef: '210/QĐ-SKHCN', version: c.version };
    expect((await t.call(staff, { method: 'POST', url: `/api/consultations/${c.id}/issue`, payload: body })).statusCode).toBe(403);
    const future = await t.call(office, {
      method: 'POST',
      url: `/api/consultations/${c.id}/issue`,
      payload: { ...body, issuedOn: addDays(today, 1) },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('issuedOn');
    const issued = await t.call(office, { method: 'POST', url: `/api/consultations/${c.id}/issue`, payload: body });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().issued).toMatchObject({ number: 2, issuedOn: today, title: 'Quy chế thực hiện dân chủ (sửa đổi lần 2)' });
    const again = await t.call(office, {
      method: 'POST',
      url: `/api/consultations/${c.id}/issue`,
      payload: { ...body, version: issued.json().version },
    });
    expect(again.json().error.code).toBe('REGULATION_ISSUED');

    const [v2, v1] = await versions(staff);
    expect([v2!.number, v2!.superseded, v1!.number, v1!.superseded]).toEqual([2, false, 1, true]);
    const old = (await t.call(office, { method: 'GET', url: `/api/disclosures/${v1!.disclosureId}` })).json();
    expect(old.status).toBe('withdrawn');
    expect(old.withdrawReason).toMatch(/phiên bản 2/);
    const fresh = (await t.call(staff, { method: 'GET', url: `/api/disclosures/${v2!.disclosureId}` })).json();
    expect(fresh).toMatchObject({ status: 'posted', category: 9, postedOn: today });
    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=consultation&entityId=${c.id}` })).json();
    expect(JSON.stringify(audit)).toMatch(/regulation\.issue/);
  });

  it('finds an issued version by title or decision number without diacritics, only for those who read consultations', async () => {
    type Hit = { entityType: string; entityId: string; title: string; link: string; snippet: string };
    const find = async (s: Session, q: string): Promise<Hit[]> => {
      const res = await t.call(s, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&type=regulation_version` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const [v2, v1] = await versions(staff);
    const byTitle = await find(staff, 'quy che thuc hien dan chu phien ban 1');
    expect(byTitle.map((h) => h.entityId)).toContain(v1!.id);
    const hit = byTitle.find((h) => h.entityId === v1!.id)!;
    expect(hit.link).toBe(`/consultations/${v1!.consultationId}`);
    expect(hit.title).toBe('Quy chế thực hiện dân chủ trong hoạt động của Sở (sửa đổi, bổ sung) (phiên bản 1)');
    // The version replaced says so; the decision number is found folded ("QĐ" as "qd").
    expect((await find(staff, '125/qd-skhcn')).map((h) => h.entityId)).toEqual([v1!.id]);
    expect((await find(union, '210/QĐ-SKHCN')).map((h) => h.entityId)).toEqual([v2!.id]);
    expect((await find(staff, 'da duoc thay the boi phien ban 2')).map((h) => h.entityId)).toEqual([v1!.id]);
    // A member of the inspection board holding no other role does not read consultations: found nothing, listed nothing.
    const { factories } = await import('../../test/factories');
    const member = await factories(t).user({ roles: [{ role: 'board_member', unitId: null }] });
    const m = await member.login();
    expect(await find(m, '125/qd-skhcn')).toEqual([]);
    expect((await t.call(m, { method: 'GET', url: '/api/regulations' })).statusCode).toBe(403);
    // Nor the consultations, their comments or the conference's papers (every reading route checks its capability).
    for (const url of ['/api/consultations', `/api/consultations/${v1!.consultationId}`, '/api/conferences'])
      expect((await t.call(m, { method: 'GET', url })).statusCode, url).toBe(403);
    expect((await t.call(staff, { method: 'GET', url: `/api/consultations/${v1!.consultationId}` })).statusCode).toBe(200);
    // An installation whose versions were issued before they were indexed: the start-up backfill indexes them.
    const { sql } = await import('drizzle-orm');
    await t.db.owner.execute(sql`delete from search_entries where entity_type = 'regulation_version'`);
    expect(await find(staff, '125/qd-skhcn')).toEqual([]);
    const { backfillRegulationSearchAllAgencies } = await import('./regulation-service');
    expect(await backfillRegulationSearchAllAgencies(t.db)).toBeGreaterThanOrEqual(2);
    expect((await find(staff, '125/qd-skhcn')).map((h) => h.entityId)).toEqual([v1!.id]);
  });
});

/** The Office's actor, as the HTTP layer loads it (for calls made on another day through `t.system`). */
async function officeActor() {
  const { loadActor } = await import('../../platform/http');
  const me = (await t.call(office, { method: 'GET', url: '/api/me' })).json();
  return t.db.withTenant(
    { tenantId: t.demoTenantId },
    async (tx) => (await loadActor(tx, t.demoTenantId, me.user?.id ?? me.id, t.app.modules))!,
  );
}

describe('report indicators', () => {
  it('contributes consultation and conference figures with how they were counted', async () => {
    const codes = t.app.modules.indicators().map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['consultations_held', 'consultation_comments', 'conference_on_time', 'resolution_reviews_done']),
    );
    const units = (await t.call(office, { method: 'GET', url: '/api/units' })).json() as { id: string; code: string }[];
    const qlkh = units.find((u) => u.code === 'QLKH')!.id;
    const scope = { unitId: qlkh, from: '2026-01-01', to: '2026-12-31' };
    const byCode = Object.fromEntries(t.app.modules.indicators().map((i) => [i.code, i]));
    const onTime = await t.system('2026-12-31', (ctx) => byCode.conference_on_time!.compute(ctx, scope));
    expect(onTime.value).toBe(1);
    expect(onTime.how).toMatch(/hạn 31\/03\/2026/);
    const reviews = await t.system('2026-12-31', (ctx) => byCode.resolution_reviews_done!.compute(ctx, scope));
    expect(reviews.value).toBeGreaterThanOrEqual(1);
  });
});
