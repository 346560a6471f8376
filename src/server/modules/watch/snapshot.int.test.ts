/**
 * The dashboard's watch card reads the stored watch (issue #13): one statement whatever the number
 * of grievances, with the time it was computed; the picture is computed again by the daily job,
 * by opening the watch page, or by the refresh route — and the stored copy holds no identity.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPillarBoard } from '../../../contracts/platform';
import { foldVietnamese } from '../../../domain';
import { todayInVietnam } from '../../platform/clock';
import { loadActor } from '../../platform/http';
import type { PillarCard } from '../../platform/module';
import { askTogether } from '../../platform/registry';
import type { Actor } from '../../platform/roles';
import { users } from '../../platform/tables';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { watchPillars } from './pillars';
import { refreshAllWatches } from './service';
import { watchSnapshots } from './tables';

let t: TestApp;
let office: Session;
let leader: Session;
let actor: Actor;
const today = todayInVietnam();
const lastMonth = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

/** The watch card as the dashboard builds it, and the SQL statements it took. */
async function measure(): Promise<{ n: number; card: PillarCard }> {
  let card: PillarCard | undefined;
  const log = await t.statements(() =>
    t.db.withTenant({ tenantId: t.demoTenantId, userId: actor.userId }, async (tx) => {
      const ctx = { tx, actor, today, modules: t.app.modules, who: { tenantId: t.demoTenantId, userId: null, name: 'test' } };
      // As the registry runs a pillar part: its expressions asked together, the cold path only if the snapshot is missing.
      const [answers] = await askTogether(tx, [{ name: 'watch', asked: watchPillars.ask(ctx) }]);
      const filled = watchPillars.fill?.(answers!, ctx);
      const c = watchPillars.build(filled ? { ...answers, ...(await filled) } : answers!, ctx);
      card = c.cards![0];
    }),
  );
  return { n: log.length, card: card! };
}

const snapshot = () => t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => (await tx.select().from(watchSnapshots))[0]);

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  leader = await t.login('lanhdao');
  actor = await t.db.withTenant({ tenantId: t.demoTenantId }, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.username, 'lanhdao'));
    return (await loadActor(tx, t.demoTenantId, u!.id, t.app.modules))!;
  });
});
afterAll(async () => t?.close());

describe('the stored watch on the dashboard', () => {
  it('is computed on the first dashboard load, then read in one statement, with its time shown', async () => {
    expect(await snapshot()).toBeUndefined();
    const board = (await t.call(leader, { method: 'GET', url: '/api/dashboard/pillars' })).json() as TPillarBoard;
    const card = board.cards.find((c) => c.key === 'watch.forecast')!;
    expect(card.how.vi).toMatch(/Số liệu tính lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    const stored = await snapshot();
    expect(stored).toBeDefined();
    const first = await measure();
    expect(first.n).toBe(1);
    expect(first.card.trend).toEqual(card.trend);
  });

  it('does not grow with the grievances, shows the stored picture until it is computed again', async () => {
    const before = await measure();
    const beforeAt = (await snapshot())!.computedAt;
    for (let i = 0; i < 6; i++) {
      const r = await t.call(office, {
        method: 'POST',
        url: '/api/cases',
        payload: {
          kind: 'complaint',
          channel: 'letter',
          receivedOn: `${lastMonth}-1${i}`,
          subject: `Khiếu nại về tiền bồi thường khi thu hồi đất (${i + 1})`,
          content: 'Đề nghị xem xét lại mức bồi thường, hỗ trợ khi thu hồi đất.',
          parties: [{ role: 'complainant', identity: { name: 'Trần Thị Bímật Riêngtư', address: 'Thôn Kínđáo', phone: '0911222333' } }],
        },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const stale = await measure();
    expect(stale.n).toBe(before.n);
    expect(stale.card.trend).toEqual(before.card.trend);

    // On demand: the refresh route (the watch page's GET does the same).
    const refreshed = await t.call(leader, { method: 'POST', url: '/api/watch/refresh' });
    expect(refreshed.statusCode).toBe(200);
    const after = await measure();
    expect(after.n).toBe(before.n);
    const count = (c: PillarCard) => c.trend!.find((p) => p.label === lastMonth)!.value!;
    expect(count(after.card)).toBe(count(before.card) + 6);
    expect((await snapshot())!.computedAt.getTime()).toBeGreaterThanOrEqual(beforeAt.getTime());
    // The stored copy names nobody.
    const folded = foldVietnamese(JSON.stringify((await snapshot())!.data));
    for (const secret of ['bimat', 'riengtu', 'kindao', '0911222333']) expect(folded).not.toContain(secret);
    expect((await t.call(await t.login('canbo'), { method: 'POST', url: '/api/watch/refresh' })).statusCode).toBe(403);
  });

  it('is computed again by the daily job for every agency', async () => {
    const before = (await snapshot())!.computedAt;
    expect(await refreshAllWatches(t.db, t.app.modules, today)).toBeGreaterThanOrEqual(1);
    expect((await snapshot())!.computedAt.getTime()).toBeGreaterThan(before.getTime());
  });
});
