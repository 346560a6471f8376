/**
 * First-start data. Development and demo: the demo agency with one account per role.
 * Production (NODE_ENV=production): never the demo; one agency and one `admin` whose password
 * comes from DANCHU_ADMIN_PASSWORD, or the start is refused with a clear message (issue #2).
 */
import { count, eq } from 'drizzle-orm';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db';
import { recordAudit, type AuditActor } from '../platform/audit';
import { hashPassword } from '../platform/passwords';
import { tenants, users, roleAssignments } from '../platform/tables';
import { loadActor } from '../platform/http';
import { createPerson, createUnit } from '../modules/org';
import type { Actor } from '../platform/roles';
import { todayInVietnam } from '../platform/clock';
import type { ModuleManifest, SeedContext } from '../platform/module';
import { ModuleRegistry } from '../platform/registry';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TENANT, DEMO_UNITS } from './demo-org';

export class BootstrapError extends Error {}

const SYSTEM = 'Hệ thống (khởi tạo)';

/**
 * Create what a first start needs; does nothing when an agency exists. On PostgreSQL several app
 * processes may start together on an empty database (two replicas behind a load balancer): each
 * saw no agency and seeded, and the second died on the agency's unique code (issue #17,
 * multiproc.postgres.int.test.ts). An advisory lock, held on a connection of its own for the
 * whole check-and-create, makes the others wait and then find the agency.
 */
export async function ensureInitialData(
  config: Config,
  db: Database,
  modules: readonly ModuleManifest[],
): Promise<'existing' | 'production-admin' | 'demo' | 'empty'> {
  // Through a PGlite server (one connection, one process) there is nobody to race.
  if (!db.pool || db.viaServer) return createInitialData(config, db, modules);
  const lock = await db.pool.connect();
  try {
    await lock.query('select pg_advisory_lock(774412)');
    return await createInitialData(config, db, modules);
  } finally {
    await lock.query('select pg_advisory_unlock(774412)').catch(() => {});
    lock.release();
  }
}

async function createInitialData(
  config: Config,
  db: Database,
  modules: readonly ModuleManifest[],
): Promise<'existing' | 'production-admin' | 'demo' | 'empty'> {
  const [n] = await db.owner.select({ n: count() }).from(tenants);
  if (Number(n?.n ?? 0) > 0) return 'existing';
  if (config.env === 'production') {
    if (!config.adminPassword) {
      throw new BootstrapError(
        'Lần khởi động đầu tiên ở chế độ production cần đặt DANCHU_ADMIN_PASSWORD (ít nhất 10 ký tự) để tạo tài khoản admin.\n' +
          'The first production start needs DANCHU_ADMIN_PASSWORD (at least 10 characters) to create the admin account.',
      );
    }
    await createTenantWithAdmin(
      db,
      { code: 'agency', name: config.agency.name, parentName: config.agency.parentName, place: config.agency.place },
      config.adminPassword,
    );
    return 'production-admin';
  }
  if (!config.demo) return 'empty';
  await seedDemo(db, modules);
  return 'demo';
}

/** A new agency with one administrator. Returns the tenant id. */
export async function createTenantWithAdmin(
  db: Database,
  t: { code: string; name: string; parentName: string | null; place: string },
  adminPassword: string,
  adminUsername = 'admin',
): Promise<string> {
  const [tenant] = await db.owner.insert(tenants).values(t).returning();
  const tenantId = tenant!.tenantId;
  await db.withTenant({ tenantId }, async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        tenantId,
        username: adminUsername,
        fullName: 'Quản trị hệ thống',
        position: 'Quản trị viên',
        passwordHash: await hashPassword(adminPassword),
      })
      .returning();
    await tx.insert(roleAssignments).values({ tenantId, userId: admin!.id, role: 'admin' });
    const who: AuditActor = { tenantId, userId: null, name: SYSTEM };
    await recordAudit(tx, who, { action: 'tenant.create', entityType: 'tenant', entityId: tenantId, summary: t.name, after: t });
    await recordAudit(tx, who, {
      action: 'person.create',
      entityType: 'person',
      entityId: admin!.id,
      summary: adminUsername,
      after: { username: adminUsername, roles: ['admin'] },
    });
  });
  return tenantId;
}

/** The demo agency, its units and people, then every module's demo data. */
export async function seedDemo(
  db: Database,
  manifests: readonly ModuleManifest[],
  opts: { tenantCode?: string; usernamePrefix?: string } = {},
): Promise<string> {
  const modules = new ModuleRegistry(manifests);
  const today = todayInVietnam();
  const prefix = opts.usernamePrefix ?? '';
  const tenantId = await createTenantWithAdmin(
    db,
    { ...DEMO_TENANT, code: opts.tenantCode ?? DEMO_TENANT.code },
    DEMO_PASSWORD,
    `${prefix}admin`,
  );
  const unitIdByCode: Record<string, string> = {};
  const adminActor = await db.withTenant({ tenantId }, async (tx) => {
    const [admin] = await tx
      .select()
      .from(users)
      .where(eq(users.username, `${prefix}admin`));
    return (await loadActor(tx, tenantId, admin!.id, modules))!;
  });
  const who: AuditActor = { tenantId, userId: adminActor.userId, name: 'Dữ liệu mẫu (demo)' };
  await db.withTenant({ tenantId }, async (tx) => {
    const ctx = { tx, actor: adminActor, who, today, modules };
    for (const [i, u] of DEMO_UNITS.entries()) {
      const unit = await createUnit(ctx, {
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        kind: u.kind,
        parentId: u.parent ? unitIdByCode[u.parent] : null,
        validFrom: u.validFrom,
        validTo: u.validTo ?? null,
        staffCount: u.staffCount,
        sortOrder: (i + 1) * 10,
        predecessors: (u.predecessors ?? []).map((p) => ({ unitId: unitIdByCode[p.code]!, kind: p.kind })),
      });
      unitIdByCode[u.code] = unit.id;
    }
    for (const p of DEMO_PEOPLE) {
      if (p.username === 'admin') continue;
      await createPerson(
        ctx,
        {
          username: `${prefix}${p.username}`,
          fullName: p.fullName,
          position: p.position,
          email: p.email ?? null,
          password: DEMO_PASSWORD,
          roles: p.roles.map((r) => ({ role: r.role, unitId: r.unit ? unitIdByCode[r.unit]! : null })),
        },
        // The first-start seed grants the demo roles at once (no leadership exists yet to approve).
        { trusted: true },
      );
    }
    // Demo accounts are ready to use: no forced password change on first log-in.
    await tx.update(users).set({ mustChangePassword: false });
  });
  const ctx: SeedContext = {
    db,
    tenantId,
    unitIdByCode,
    today,
    modules,
    as: async (username, fn) =>
      db.withTenant({ tenantId }, async (tx) => {
        const [u] = await tx
          .select()
          .from(users)
          .where(eq(users.username, `${prefix}${username}`));
        if (!u) throw new Error(`demo user ${username} missing`);
        const actor = (await loadActor(tx, tenantId, u.id, modules)) as Actor;
        return fn({ tx, actor, who: { tenantId, userId: u.id, name: u.fullName }, today, modules });
      }),
  };
  for (const m of manifests) if (m.seedDemo) await m.seedDemo(ctx);
  return tenantId;
}
