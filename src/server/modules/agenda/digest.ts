/**
 * The daily e-mail digest (issue #13, "deadlines where people already look"): when SMTP is
 * configured, each person with an e-mail address and upcoming deadlines gets ONE message a day
 * listing them (the same deadlines as their calendar feed, from every module's `deadlines` hook),
 * not one message per item. Mail goes after the reading transaction (STYLE.md 17).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { addDays } from '../../../domain';
import type { Database } from '../../platform/db';
import { loadActor } from '../../platform/http';
import type { Mail, Mailer } from '../../platform/mail';
import type { ModuleHooks } from '../../platform/module';
import { tenants, users } from '../../platform/tables';

/** How far ahead the digest looks, in days. */
export const DIGEST_DAYS = 7;

const dmy = (d: string) => d.split('-').reverse().join('/');

/**
 * Sends today's digests of every agency.
 * @param baseUrl the app's address, for the links in the message (none when unknown).
 * @returns how many people had deadlines and how many messages were sent.
 */
export async function sendDailyDigests(
  db: Database,
  modules: ModuleHooks,
  mailer: Mailer,
  today: string,
  baseUrl = '',
): Promise<{ people: number; mailed: number }> {
  const agencies = await db.owner.select({ id: tenants.tenantId }).from(tenants);
  const outbox: Mail[] = [];
  for (const a of agencies) {
    await db.withTenant({ tenantId: a.id }, async (tx) => {
      const people = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.isActive, true), isNotNull(users.email)));
      for (const p of people) {
        const actor = await loadActor(tx, a.id, p.id, modules);
        if (!actor || !p.email) continue;
        const items = await modules.deadlines(
          { tx, actor, today, modules, who: { tenantId: a.id, userId: actor.userId, name: actor.fullName } },
          { from: today, to: addDays(today, DIGEST_DAYS) },
        );
        if (!items.length) continue;
        const lines = items.map((d) => `- ${dmy(d.date)}: ${d.title}${d.link && baseUrl ? `\n  ${baseUrl}${d.link}` : ''}`);
        outbox.push({
          to: p.email,
          subject: `[danchu] ${items.length} việc đến hạn trong ${DIGEST_DAYS} ngày tới (${dmy(today)})`,
          text: [
            `Kính gửi ${actor.fullName},`,
            '',
            `Các việc của ông/bà đến hạn từ ${dmy(today)} đến ${dmy(addDays(today, DIGEST_DAYS))}:`,
            ...lines,
            '',
            'Thư tự động gửi mỗi ngày một lần từ danchu; lịch cá nhân (iCal) trong phần Cài đặt cho thấy cùng các hạn này.',
          ].join('\n'),
        });
      }
    });
  }
  let mailed = 0;
  for (const m of outbox) if (await mailer.send(m)) mailed++;
  return { people: outbox.length, mailed };
}
