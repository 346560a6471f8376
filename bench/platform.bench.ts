/**
 * Platform benchmark: synthetic data (units, people, audit rows, search entries) for one agency,
 * then timings of the hot API paths through app.inject(), plus process memory.
 *
 *   npm run bench                      # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 *   BENCH_SCALE=5 npm run bench        # 5× the data
 *
 * Targets (one department, DESIGN.md): p95 < 100 ms for lists and search at scale 1 on PGlite.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import { openPglite, openPostgres } from '../src/server/platform/db';
import { recordAudit } from '../src/server/platform/audit';
import { indexForSearch } from '../src/server/platform/search';
import { users as usersTable } from '../src/server/platform/tables';
import { MODULES } from '../src/server/modules';
import { seedDemo } from '../src/server/seed/bootstrap';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const words = [
  'dân chủ',
  'cơ sở',
  'dân vận',
  'chính quyền',
  'khiếu nại',
  'tố cáo',
  'kiến nghị',
  'phản ánh',
  'công khai',
  'thanh tra',
  'báo cáo',
  'kế hoạch',
];
const pick = (i: number) => words[i % words.length]!;

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const db = url ? await openPostgres(url) : await openPglite({ dataDir: 'memory://' });
  await db.migrate();
  const tenantId = await seedDemo(db, MODULES, { tenantCode: `bench-${Date.now()}`, usernamePrefix: `b${Date.now()}_` });
  const who = { tenantId, userId: null, name: 'bench' };
  const t0 = performance.now();
  for (let batch = 0; batch < 20 * scale; batch++) {
    await db.withTenant({ tenantId }, async (tx) => {
      for (let i = 0; i < 250; i++) {
        const n = batch * 250 + i;
        await recordAudit(tx, who, {
          action: 'bench.write',
          entityType: 'bench',
          entityId: String(n),
          summary: `${pick(n)} ${n}`,
          after: { n },
        });
        await indexForSearch(tx, {
          tenantId,
          entityType: 'bench',
          entityId: String(n),
          title: `Hồ sơ ${pick(n)} số ${n}`,
          body: `${pick(n + 3)} ${pick(n + 7)} tại đơn vị ${n % 40}`,
        });
      }
    });
  }
  const seedMs = performance.now() - t0;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db, logger: false });
  const users = await db.withTenant({ tenantId }, (tx) => tx.select().from(usersTable));
  const office = users.find((u) => u.username.endsWith('vanphong'))!;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: office.username, password: 'danchu-demo' },
  });
  const cookie = `danchu_sid=${login.cookies.find((c) => c.name === 'danchu_sid')!.value}`;

  async function measure(name: string, url: string, n = 50) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const r = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body}`);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`${name.padEnd(28)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
  }
  console.log(
    `danchu platform bench — ${db.kind}, scale ${scale}: ${5000 * scale} audit rows + search entries written in ${(seedMs / 1000).toFixed(1)} s`,
  );
  await measure('GET /api/me', '/api/me');
  await measure('GET /api/units', '/api/units');
  await measure('GET /api/people', '/api/people');
  await measure('GET /api/audit (page 1)', '/api/audit?pageSize=50');
  await measure('GET /api/audit?q=…', `/api/audit?q=${encodeURIComponent('dan van')}`, 20);
  await measure('GET /api/search?q=…', `/api/search?q=${encodeURIComponent('khieu nai 12')}`, 20);
  await measure('GET /api/dashboard', '/api/dashboard', 20);
  console.log(`RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  await app.close();
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
