/**
 * Commands and queries of the `org` module. Every write takes the request's transaction and
 * records an audit row in it; a stale `version` is refused with 409 (DESIGN.md, Data).
 */
import { foldVietnamese as fold } from '../../../domain/text';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { ROLE_LABELS } from '../../../contracts/roles';
import type {
  TCreatePersonRequest,
  TCreateUnitRequest,
  TPerson,
  TRoleRequest,
  TUnit,
  TUpdatePersonRequest,
  TUpdateUnitRequest,
  UnitKind,
} from '../../../contracts/org';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { abilities } from '../../platform/policy';
import type { ActorContext } from '../../platform/module';
import { notify } from '../../platform/notify';
import { hasRole, type Actor, type Role } from '../../platform/roles';
import { indexForSearch } from '../../platform/search';
import { loginNamePrefix } from '../../platform/rate-limits';
import { rateLimits, sessions, users, roleAssignments, unitSuccessions, units } from '../../platform/tables';
import { unitPolicy } from './policy';
import { roleRequests } from './tables';

type UnitRow = typeof units.$inferSelect;

function isActiveOn(u: Pick<UnitRow, 'validFrom' | 'validTo'>, day: string): boolean {
  return u.validFrom <= day && (u.validTo === null || u.validTo >= day);
}

async function presentUnits(tx: Tx, actor: Actor, rows: UnitRow[], today: string): Promise<TUnit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const all = await tx.select({ id: units.id, name: units.name }).from(units);
  const nameOf = new Map(all.map((u) => [u.id, u.name]));
  const links = await tx
    .select()
    .from(unitSuccessions)
    .where(or(inArray(unitSuccessions.predecessorId, ids), inArray(unitSuccessions.successorId, ids)));
  const counts = await tx
    .select({ unitId: roleAssignments.unitId, n: sql<number>`count(distinct ${roleAssignments.userId})::int` })
    .from(roleAssignments)
    .where(inArray(roleAssignments.unitId, ids))
    .groupBy(roleAssignments.unitId);
  const countOf = new Map(counts.map((c) => [c.unitId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    kind: r.kind as UnitKind,
    parentId: r.parentId,
    parentName: r.parentId ? (nameOf.get(r.parentId) ?? null) : null,
    validFrom: r.validFrom,
    validTo: r.validTo,
    active: isActiveOn(r, today),
    staffCount: r.staffCount,
    sortOrder: r.sortOrder,
    version: r.version,
    predecessors: links
      .filter((l) => l.successorId === r.id)
      .map((l) => ({ id: l.predecessorId, name: nameOf.get(l.predecessorId) ?? '', kind: l.kind, effectiveOn: l.effectiveOn })),
    successors: links
      .filter((l) => l.predecessorId === r.id)
      .map((l) => ({ id: l.successorId, name: nameOf.get(l.successorId) ?? '', kind: l.kind, effectiveOn: l.effectiveOn })),
    peopleCount: countOf.get(r.id) ?? 0,
    abilities: abilities(unitPolicy, actor, r) as TUnit['abilities'],
  }));
}

/** Units in force on `at` (default today), or all of them. */
export async function findUnits({ tx, actor, today }: ActorContext, opts: { at?: string; all?: boolean; q?: string }): Promise<TUnit[]> {
  const day = opts.at ?? today;
  let rows = await tx.select().from(units).orderBy(asc(units.sortOrder), asc(units.code));
  // Without a day: every unit not yet closed (units created ahead of their start date stay visible).
  if (!opts.all) rows = rows.filter((r) => (opts.at ? isActiveOn(r, day) : r.validTo === null || r.validTo >= today));
  if (opts.q) {
    const f = fold(opts.q);
    rows = rows.filter((r) => fold(`${r.code} ${r.name} ${r.nameEn ?? ''}`).includes(f));
  }
  return presentUnits(tx, actor, rows, today);
}

export async function getUnit({ tx, actor, today }: ActorContext, id: string): Promise<TUnit> {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentUnits(tx, actor, [row], today))[0]!;
}

async function checkParent(tx: Tx, unitId: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const [p] = await tx.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.id, parentId));
  if (!p) throw invalid('parentId', 'đơn vị cấp trên không tồn tại', 'the parent unit does not exist');
  // Walk up: a unit may not become its own ancestor.
  let cursor: string | null = parentId;
  for (let i = 0; cursor && i < 100; i++) {
    if (cursor === unitId)
      throw invalid('parentId', 'không thể chọn đơn vị cấp dưới làm cấp trên', 'a unit cannot be placed under its own sub-unit');
    const [next] = await tx.select({ parentId: units.parentId }).from(units).where(eq(units.id, cursor));
    cursor = next?.parentId ?? null;
  }
}

async function checkCodeFree(tx: Tx, code: string, validFrom: string, validTo: string | null, exceptId?: string): Promise<void> {
  const same = await tx.select().from(units).where(eq(units.code, code));
  // The same code may be reused only by a unit whose period does not overlap (e.g. after a merger).
  const clash = same.find((u) => u.id !== exceptId && u.validFrom <= (validTo ?? '9999-12-31') && (u.validTo ?? '9999-12-31') >= validFrom);
  if (clash) throw invalid('code', `mã "${code}" đang được dùng cho "${clash.name}"`, `code "${code}" is already used by "${clash.name}"`);
}

async function setPredecessors(
  tx: Tx,
  tenantId: string,
  unitId: string,
  validFrom: string,
  preds: { unitId: string; kind: string }[],
): Promise<void> {
  await tx.delete(unitSuccessions).where(eq(unitSuccessions.successorId, unitId));
  for (const [i, p] of preds.entries()) {
    if (p.unitId === unitId)
      throw invalid(`predecessors.${i}.unitId`, 'một đơn vị không thể kế thừa chính nó', 'a unit cannot succeed itself');
    const [exists] = await tx.select({ id: units.id }).from(units).where(eq(units.id, p.unitId));
    if (!exists) throw invalid(`predecessors.${i}.unitId`, 'đơn vị tiền thân không tồn tại', 'the predecessor unit does not exist');
    await tx
      .insert(unitSuccessions)
      .values({ tenantId, predecessorId: p.unitId, successorId: unitId, kind: p.kind, effectiveOn: validFrom });
  }
}

function searchUnit(tx: Tx, tenantId: string, u: { id: string; code: string; name: string; nameEn?: string | null }) {
  return indexForSearch(tx, {
    tenantId,
    entityType: 'unit',
    entityId: u.id,
    title: u.name,
    body: `${u.code} ${u.nameEn ?? ''}`,
    link: `/org/units/${u.id}`,
  });
}

export async function createUnit(ctx: ActorContext, input: TCreateUnitRequest): Promise<TUnit> {
  const { tx, actor, who } = ctx;
  await checkParent(tx, null, input.parentId);
  await checkCodeFree(tx, input.code, input.validFrom, input.validTo ?? null);
  const [row] = await tx
    .insert(units)
    .values({
      tenantId: actor.tenantId,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      kind: input.kind,
      parentId: input.parentId ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      staffCount: input.staffCount,
      sortOrder: input.sortOrder ?? 100,
    })
    .returning();
  await setPredecessors(tx, actor.tenantId, row!.id, row!.validFrom, input.predecessors ?? []);
  await searchUnit(tx, actor.tenantId, row!);
  await recordAudit(tx, who, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: row!.id,
    summary: row!.name,
    after: { ...row, predecessors: input.predecessors ?? [] },
  });
  return getUnit(ctx, row!.id);
}

export async function updateUnit(ctx: ActorContext, id: string, input: TUpdateUnitRequest): Promise<TUnit> {
  const { tx, actor, who } = ctx;
  const [before] = await tx.select().from(units).where(eq(units.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const next = {
    code: input.code ?? before.code,
    name: input.name ?? before.name,
    nameEn: input.nameEn === undefined ? before.nameEn : input.nameEn,
    kind: input.kind ?? before.kind,
    parentId: input.parentId === undefined ? before.parentId : input.parentId,
    validFrom: input.validFrom ?? before.validFrom,
    validTo: input.validTo === undefined ? before.validTo : input.validTo,
    staffCount: input.staffCount ?? before.staffCount,
    sortOrder: input.sortOrder ?? before.sortOrder,
  };
  if (next.validTo && next.validTo < next.validFrom)
    throw invalid('validTo', 'ngày kết thúc phải sau ngày bắt đầu', 'must not be before validFrom');
  if (next.parentId === id) throw invalid('parentId', 'không thể chọn chính đơn vị này làm cấp trên', 'a unit cannot be its own parent');
  await checkParent(tx, id, next.parentId);
  await checkCodeFree(tx, next.code, next.validFrom, next.validTo, id);
  const [after] = await tx
    .update(units)
    .set({ ...next, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, input.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  const predecessorsBefore = (await tx.select().from(unitSuccessions).where(eq(unitSuccessions.successorId, id))).map((l) => ({
    unitId: l.predecessorId,
    kind: l.kind,
  }));
  if (input.predecessors) await setPredecessors(tx, actor.tenantId, id, after.validFrom, input.predecessors);
  await searchUnit(tx, actor.tenantId, after);
  await recordAudit(tx, who, {
    action: 'unit.update',
    entityType: 'unit',
    entityId: id,
    summary: after.name,
    before: { ...before, ...(input.predecessors ? { predecessors: predecessorsBefore } : {}) },
    after: { ...after, ...(input.predecessors ? { predecessors: input.predecessors } : {}) },
  });
  return getUnit(ctx, id);
}

// ---- people ----

async function presentPeople(tx: Tx, rows: (typeof users.$inferSelect)[], actor?: Actor): Promise<TPerson[]> {
  if (rows.length === 0) return [];
  const pending = await pendingRequests(
    tx,
    actor,
    rows.map((r) => r.id),
  );
  const roles = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, unitId: roleAssignments.unitId, unitName: units.name })
    .from(roleAssignments)
    .leftJoin(units, and(eq(units.tenantId, roleAssignments.tenantId), eq(units.id, roleAssignments.unitId)))
    .where(
      inArray(
        roleAssignments.userId,
        rows.map((r) => r.id),
      ),
    );
  const collator = new Intl.Collator('vi');
  return rows
    .map((u) => ({
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      position: u.position,
      email: u.email,
      isActive: u.isActive,
      locked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now(),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
      roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role as Role, unitId: r.unitId, unitName: r.unitName ?? null })),
      pendingRoles: pending.filter((p) => p.userId === u.id),
    }))
    .sort((a, b) => collator.compare(lastWord(a.fullName), lastWord(b.fullName)) || collator.compare(a.fullName, b.fullName));
}

/** Vietnamese names sort by the given name (the last word), then the whole name. */
function lastWord(name: string): string {
  return name.trim().split(/\s+/).pop() ?? name;
}

export async function findPeople({ tx, actor }: ActorContext, opts: { q?: string; unitId?: string }): Promise<TPerson[]> {
  let rows = await tx.select().from(users);
  if (opts.q) {
    const f = fold(opts.q);
    rows = rows.filter((u) => fold(`${u.fullName} ${u.username} ${u.position ?? ''}`).includes(f));
  }
  let people = await presentPeople(tx, rows, actor);
  if (opts.unitId) people = people.filter((p) => p.roles.some((r) => r.unitId === opts.unitId));
  return people;
}

export async function getPerson({ tx, actor }: Pick<ActorContext, 'tx'> & { actor?: Actor }, id: string): Promise<TPerson> {
  const rows = await tx.select().from(users).where(eq(users.id, id));
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  return (await presentPeople(tx, rows, actor))[0]!;
}

async function checkRoles(tx: Tx, roles: { role: Role; unitId?: string | null }[]): Promise<void> {
  for (const [i, r] of roles.entries()) {
    if (r.role === 'unit_head' && !r.unitId)
      throw invalid(`roles.${i}.unitId`, 'trưởng đơn vị phải gắn với một đơn vị', 'a unit head must name the unit');
    if (r.unitId) {
      const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, r.unitId));
      if (!u) throw invalid(`roles.${i}.unitId`, 'đơn vị không tồn tại', 'the unit does not exist');
    }
  }
}

async function replaceRoles(tx: Tx, tenantId: string, userId: string, roles: { role: Role; unitId?: string | null }[]): Promise<void> {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  const unique = new Map(roles.map((r) => [`${r.role}:${r.unitId ?? ''}`, r]));
  if (unique.size)
    await tx
      .insert(roleAssignments)
      .values([...unique.values()].map((r) => ({ tenantId, userId, role: r.role, unitId: r.unitId ?? null })));
}

/**
 * Create an account. `trusted` is the first-start seed only: its roles are granted at once; from
 * the app, a role carrying case powers waits for a second person of the leadership.
 */
export async function createPerson(ctx: ActorContext, input: TCreatePersonRequest, opts: { trusted?: boolean } = {}): Promise<TPerson> {
  const { tx, actor, who } = ctx;
  const [taken] = await tx
    .execute(sql`select 1 from auth_find_login(${input.username})`)
    .then((r) => (r as { rows?: unknown[] }).rows ?? (r as unknown[]));
  if (taken) throw invalid('username', `tên đăng nhập "${input.username}" đã được dùng`, `username "${input.username}" is taken`);
  await checkRoles(tx, input.roles);
  const [row] = await tx
    .insert(users)
    .values({
      tenantId: actor.tenantId,
      username: input.username,
      fullName: input.fullName,
      position: input.position ?? null,
      email: input.email ?? null,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
    })
    .returning();
  await changeRoles(ctx, { id: row!.id, fullName: row!.fullName }, [], input.roles, opts.trusted ?? false);
  await indexForSearch(tx, {
    tenantId: actor.tenantId,
    entityType: 'person',
    entityId: row!.id,
    title: row!.fullName,
    body: `${row!.username} ${row!.position ?? ''}`,
    link: `/org/people`,
  });
  const person = await getPerson(ctx, row!.id);
  await recordAudit(tx, who, { action: 'person.create', entityType: 'person', entityId: row!.id, summary: row!.fullName, after: person });
  return person;
}

export async function updatePerson(ctx: ActorContext, id: string, input: TUpdatePersonRequest): Promise<TPerson> {
  const { tx, actor, who } = ctx;
  const before = await getPerson({ tx }, id);
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (input.roles) await checkRoles(tx, input.roles);
  // Nobody changes their own roles (issue #16: an administrator gave itself the powers to reveal a denouncer).
  if (input.roles && id === actor.userId && !sameRoles(before.roles, input.roles))
    throw invalid('roles', 'không thể tự thay đổi vai trò của mình', 'you cannot change your own roles');
  if (id === actor.userId && input.isActive === false)
    throw invalid('isActive', 'không thể tự vô hiệu hóa tài khoản của mình', 'you cannot disable your own account');
  const [row] = await tx
    .update(users)
    .set({
      fullName: input.fullName ?? before.fullName,
      position: input.position === undefined ? before.position : input.position,
      email: input.email === undefined ? before.email : input.email,
      isActive: input.isActive ?? before.isActive,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, id), eq(users.version, input.version)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  if (input.roles) await changeRoles(ctx, { id, fullName: row.fullName }, before.roles, input.roles, false);
  // A disabled account loses its sessions at once.
  if (input.isActive === false) await tx.delete(sessions).where(eq(sessions.userId, id));
  await indexForSearch(tx, {
    tenantId: actor.tenantId,
    entityType: 'person',
    entityId: id,
    title: row.fullName,
    body: `${row.username} ${row.position ?? ''}`,
    link: `/org/people`,
  });
  const after = await getPerson(ctx, id);
  await recordAudit(tx, who, { action: 'person.update', entityType: 'person', entityId: id, summary: after.fullName, before, after });
  return after;
}

export async function resetPassword({ tx, who }: ActorContext, id: string, password: string): Promise<void> {
  const before = await getPerson({ tx }, id);
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id));
  await tx.delete(sessions).where(eq(sessions.userId, id));
  await recordAudit(tx, who, { action: 'person.reset_password', entityType: 'person', entityId: id, summary: before.fullName });
}

/**
 * Lift the log-in locks on a person's account at every address (issue #16 point 8): wrong
 * passwords lock a name only at the address they came from, and this is the way back for the
 * person when that address is theirs too (a shared office connection). Audited.
 */
export async function unlockPerson({ tx, actor, who }: ActorContext, id: string): Promise<void> {
  const before = await getPerson({ tx }, id);
  const prefix = loginNamePrefix(before.username);
  const cleared = await tx
    .delete(rateLimits)
    .where(and(eq(rateLimits.tenantId, actor.tenantId), sql`left(${rateLimits.key}, ${prefix.length}) = ${prefix}`))
    .returning({ key: rateLimits.key });
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
  await recordAudit(tx, who, {
    action: 'person.unlock',
    entityType: 'person',
    entityId: id,
    summary: before.fullName,
    before: { locked: before.locked },
    after: { locked: false, addressesCleared: cleared.length },
  });
}

// ---- roles that carry case powers ----

type RoleItem = { role: Role; unitId?: string | null };

/**
 * Roles that open cases beyond one's own assignments: the Office keeps the register and assigns,
 * leadership and the People's Inspection Board see every case and name decision-makers, a unit
 * head reassigns within the unit and may decide, the administrator grants roles. A denouncer is
 * known only to the competent handler and decision-maker (Law 25/2018 Arts. 8(3), 47), so granting
 * one of these needs a second person of the leadership (issue #16 point 2).
 */
export const CASE_POWER_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'office', 'leader', 'unit_head', 'inspection']);

const roleKey = (r: RoleItem) => `${r.role}:${r.unitId ?? ''}`;

function sameRoles(a: RoleItem[], b: RoleItem[]): boolean {
  const x = new Set(a.map(roleKey));
  const y = new Set(b.map(roleKey));
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/** The active leadership of the agency (told of every role change; they approve grants). */
async function leadership(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(eq(roleAssignments.role, 'leader'), eq(users.isActive, true)));
  return [...new Set(rows.map((r) => r.id))];
}

/** Who may approve a grant: a leader other than whoever asked and other than the person it is for. */
function mayDecide(actor: Actor | undefined, r: { requestedBy: string; userId: string }): boolean {
  return !!actor && hasRole(actor, 'leader') && actor.userId !== r.requestedBy && actor.userId !== r.userId;
}

async function pendingRequests(tx: Tx, actor: Actor | undefined, userIds?: string[]): Promise<TRoleRequest[]> {
  if (userIds && !userIds.length) return [];
  const rows = await tx
    .select({ r: roleRequests, fullName: users.fullName, unitName: units.name })
    .from(roleRequests)
    .innerJoin(users, and(eq(users.tenantId, roleRequests.tenantId), eq(users.id, roleRequests.userId)))
    .leftJoin(units, and(eq(units.tenantId, roleRequests.tenantId), eq(units.id, roleRequests.unitId)))
    .where(and(eq(roleRequests.status, 'pending'), userIds ? inArray(roleRequests.userId, userIds) : undefined))
    .orderBy(asc(roleRequests.createdAt));
  return rows.map(({ r, fullName, unitName }) => ({
    id: r.id,
    userId: r.userId,
    fullName,
    role: r.role as Role,
    unitId: r.unitId,
    unitName: unitName ?? null,
    requestedBy: r.requestedByName,
    requestedAt: r.createdAt.toISOString(),
    canDecide: mayDecide(actor, r),
  }));
}

const roleText = (r: RoleItem, unitName: Map<string, string>) =>
  `${ROLE_LABELS[r.role].vi}${r.unitId ? ` (${unitName.get(r.unitId) ?? ''})` : ''}`;

/** Tell the person and the leadership of a change of roles (issue #16 point 2). */
async function tellRoleChange(tx: Tx, tenantId: string, person: { id: string; fullName: string }, body: string, extra: string[] = []) {
  for (const userId of new Set([person.id, ...(await leadership(tx)), ...extra]))
    await notify(tx, {
      tenantId,
      userId,
      kind: 'person.roles_changed',
      title: `Thay đổi vai trò của ${person.fullName}`,
      body,
      link: '/org/people',
    });
}

/**
 * Set a person's roles: removals and ordinary roles at once; a role carrying case powers that the
 * person does not hold yet becomes a request for a second person of the leadership.
 */
async function changeRoles(
  ctx: ActorContext,
  person: { id: string; fullName: string },
  current: RoleItem[],
  wanted: RoleItem[],
  trusted: boolean,
): Promise<void> {
  const { tx, actor } = ctx;
  const cur = new Map(current.map((r) => [roleKey(r), r]));
  const want = new Map(wanted.map((r) => [roleKey(r), { role: r.role, unitId: r.unitId ?? null }]));
  const added = [...want.values()].filter((r) => !cur.has(roleKey(r)));
  const removed = [...cur.values()].filter((r) => !want.has(roleKey(r)));
  const held = trusted ? [] : added.filter((r) => CASE_POWER_ROLES.has(r.role));
  const heldKeys = new Set(held.map(roleKey));
  await replaceRoles(
    tx,
    actor.tenantId,
    person.id,
    [...want.values()].filter((r) => !heldKeys.has(roleKey(r))),
  );
  // A pending grant no longer wanted is withdrawn.
  const pending = await tx
    .select()
    .from(roleRequests)
    .where(and(eq(roleRequests.userId, person.id), eq(roleRequests.status, 'pending')));
  for (const p of pending)
    if (!want.has(roleKey({ role: p.role as Role, unitId: p.unitId })))
      await tx
        .update(roleRequests)
        .set({ status: 'withdrawn', decidedBy: actor.userId, decidedByName: actor.fullName, decidedAt: new Date() })
        .where(eq(roleRequests.id, p.id));
  const already = new Set(pending.map((p) => roleKey({ role: p.role as Role, unitId: p.unitId })));
  for (const h of held)
    if (!already.has(roleKey(h)))
      await tx.insert(roleRequests).values({
        tenantId: actor.tenantId,
        userId: person.id,
        role: h.role,
        unitId: h.unitId,
        requestedBy: actor.userId,
        requestedByName: actor.fullName,
      });
  if (trusted || (!added.length && !removed.length)) return;
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name] as [string, string]));
  const parts = [
    added.length > held.length
      ? `thêm: ${added
          .filter((r) => !heldKeys.has(roleKey(r)))
          .map((r) => roleText(r, names))
          .join(', ')}`
      : '',
    removed.length ? `bỏ: ${removed.map((r) => roleText(r, names)).join(', ')}` : '',
    held.length ? `chờ một người khác trong lãnh đạo phê duyệt: ${held.map((r) => roleText(r, names)).join(', ')}` : '',
  ].filter(Boolean);
  await tellRoleChange(tx, actor.tenantId, person, `${actor.fullName} — ${parts.join('; ')}`);
}

/** Grants waiting for approval, for the leadership and those who manage people. */
export async function listRoleRequests({ tx, actor }: ActorContext): Promise<TRoleRequest[]> {
  return pendingRequests(tx, actor);
}

/** A second person of the leadership approves or refuses a grant of a role carrying case powers. */
export async function decideRoleRequest(ctx: ActorContext, id: string, approved: boolean): Promise<TRoleRequest[]> {
  const { tx, actor, who } = ctx;
  const [r] = await tx.select().from(roleRequests).where(eq(roleRequests.id, id)).for('update');
  if (r?.status !== 'pending') throw new AppError('NOT_FOUND');
  if (!hasRole(actor, 'leader')) throw new AppError('FORBIDDEN');
  if (!mayDecide(actor, r))
    throw invalid(
      'approved',
      'việc giao vai trò này phải do một người khác trong lãnh đạo phê duyệt (không phải người đề nghị hay người được giao)',
      'another person of the leadership must decide (not whoever asked, nor the person it is for)',
    );
  await tx
    .update(roleRequests)
    .set({ status: approved ? 'approved' : 'refused', decidedBy: actor.userId, decidedByName: actor.fullName, decidedAt: new Date() })
    .where(eq(roleRequests.id, id));
  const before = await getPerson(ctx, r.userId);
  if (approved) {
    await tx.insert(roleAssignments).values({ tenantId: r.tenantId, userId: r.userId, role: r.role, unitId: r.unitId });
    await tx
      .update(users)
      .set({ version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, r.userId));
  }
  const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name] as [string, string]));
  const what = roleText({ role: r.role as Role, unitId: r.unitId }, names);
  await tellRoleChange(
    tx,
    r.tenantId,
    { id: r.userId, fullName: before.fullName },
    `${actor.fullName} ${approved ? 'phê duyệt' : 'không phê duyệt'} vai trò ${what} (đề nghị của ${r.requestedByName})`,
    [r.requestedBy],
  );
  const after = await getPerson(ctx, r.userId);
  await recordAudit(tx, who, {
    action: approved ? 'person.role_approve' : 'person.role_refuse',
    entityType: 'person',
    entityId: r.userId,
    summary: `${before.fullName}: ${what}`,
    before,
    after,
  });
  return pendingRequests(tx, actor);
}
