/**
 * The daily e-mail digest (issue #13): one message per person per day listing their deadlines of
 * the next 7 days, through nodemailer with a fake transport that captures what would go out.
 */
import nodemailer from 'nodemailer';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain';
import { todayInVietnam } from '../../platform/clock';
import { loadActor } from '../../platform/http';
import { createMailer } from '../../platform/mail';
import type { PersonalDeadline } from '../../platform/module';
import { units, users } from '../../platform/tables';
import { tasks } from '../plans/tables';
import { createTestApp, type TestApp } from '../../test/harness';
import { DIGEST_DAYS, sendDailyDigests } from './digest';

let t: TestApp;
type Sent = { from: string; to: string; subject: string; text: string };
/** A nodemailer transport that keeps each composed message instead of sending it. */
function capturing(sent: Sent[]) {
  return nodemailer.createTransport({
    name: 'capture',
    version: '1',
    send: (mail: { data: Sent }, done: (err: Error | null, info: object) => void) => {
      sent.push(mail.data);
      done(null, { envelope: { from: mail.data.from, to: [mail.data.to] }, messageId: `<${sent.length}@test>` });
    },
  } as never);
}

beforeAll(async () => {
  t = await createTestApp();
  // Demo people get addresses; `canbo` has none.
  await t.db.owner.update(users).set({ email: sql`${users.username} || '@example.vn'` });
  await t.db.owner.update(users).set({ email: null }).where(eq(users.username, 'canbo'));
});
afterAll(async () => t?.close());

async function deadlinesOf(username: string, from: string, to: string): Promise<PersonalDeadline[]> {
  return t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.username, username));
    const actor = (await loadActor(tx, t.demoTenantId, u!.id, t.app.modules))!;
    const who = { tenantId: t.demoTenantId, userId: actor.userId, name: actor.fullName };
    return t.app.modules.deadlines({ tx, actor, who, today: from, modules: t.app.modules }, { from, to });
  });
}

describe('daily e-mail digest', () => {
  it('sends each person with deadlines one message listing them all, and nobody else', async () => {
    const day = todayInVietnam();
    // A task of truongphong's unit due in 3 days, put straight in (as the feed's test does).
    await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
      const [task] = await tx.select().from(tasks).limit(1);
      const [unit] = await tx.select().from(units).where(eq(units.code, 'QLKH'));
      await tx.insert(tasks).values({
        tenantId: t.demoTenantId,
        planId: task!.planId,
        itemId: task!.itemId,
        title: 'Nhiệm vụ nhắc qua thư hằng ngày',
        leadUnitId: unit!.id,
        dueOn: addDays(day, 3),
      });
    });
    const ahead = await deadlinesOf('truongphong', day, addDays(day, DIGEST_DAYS));
    expect(ahead.some((d) => d.title.includes('Nhiệm vụ nhắc qua thư hằng ngày'))).toBe(true);
    const sent: Sent[] = [];
    const mailer = createMailer({ smtp: { url: 'smtp://mail.example.vn:587', from: 'danchu@example.vn' } }, undefined, capturing(sent));
    const r = await sendDailyDigests(t.db, t.app.modules, mailer, day, 'https://danchu.example.vn');
    expect(r.mailed).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    // One message per person.
    const to = sent.map((m) => m.to);
    expect(new Set(to).size).toBe(to.length);
    expect(to).not.toContain('canbo@example.vn');
    const mine = sent.find((m) => m.to === 'truongphong@example.vn')!;
    const expected = await deadlinesOf('truongphong', day, addDays(day, DIGEST_DAYS));
    expect(mine.subject).toContain(`${expected.length} việc đến hạn`);
    for (const d of expected) expect(mine.text).toContain(`${d.date.split('-').reverse().join('/')}: ${d.title}`);
    expect(mine.text.match(/^- /gm)).toHaveLength(expected.length);
    expect(mine.from).toBe('danchu@example.vn');
    if (expected.some((d) => d.link)) expect(mine.text).toContain('https://danchu.example.vn/');
    // Every message lists at least one deadline of its addressee.
    for (const m of sent) expect(m.text).toMatch(/^- \d\d\/\d\d\/\d{4}: /m);
  });

  it('sends nothing without SMTP', async () => {
    const sent: Sent[] = [];
    const r = await sendDailyDigests(t.db, t.app.modules, createMailer({ smtp: null }, undefined, capturing(sent)), todayInVietnam());
    expect(r.mailed).toBe(0);
    expect(sent).toEqual([]);
  });
});
