/**
 * The modules assembled: one object built from the list of manifests at start-up, handed to
 * services through their context. Nothing registers itself by being imported (STYLE.md §9 on
 * Outline's side-effect imports); a clash between two manifests stops the start.
 */
import { rowsOf, type Tx } from './db';
import { registerErrors } from './errors';
import { type SQL, sql } from 'drizzle-orm';
import type {
  ActorContext,
  AttachmentGuard,
  Context,
  DashboardStat,
  EventName,
  ModuleEvents,
  ModuleHooks,
  ModuleManifest,
  PersonalDeadline,
  PillarContribution,
  PillarTarget,
  ReportIndicator,
} from './module';
import { type Capability, ROLES, type Role } from './roles';

export class ModuleRegistry implements ModuleHooks {
  private readonly grants = new Map<Role, Set<Capability>>();
  private readonly guards = new Map<string, { module: string; guard: AttachmentGuard }>();
  private readonly contributed: ReportIndicator[] = [];
  private readonly declaredTargets: PillarTarget[] = [];

  /**
   * @throws Error when two modules share a name, an indicator code, a target key or an attachment guard.
   */
  constructor(readonly modules: readonly ModuleManifest[]) {
    const names = new Set<string>();
    for (const r of ROLES) this.grants.set(r, new Set());
    const codes = new Map<string, string>();
    for (const m of modules) {
      if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
      names.add(m.name);
      if (m.errors) registerErrors(m.errors);
      for (const r of ROLES) for (const c of m.capabilities?.[r] ?? []) this.grants.get(r)!.add(c);
      for (const i of m.indicators ?? []) {
        const other = codes.get(i.code);
        if (other) throw new Error(`indicator ${i.code} contributed by both ${other} and ${m.name}`);
        codes.set(i.code, m.name);
        this.contributed.push(i);
      }
      for (const target of m.targets ?? []) {
        if (this.declaredTargets.some((x) => x.key === target.key)) throw new Error(`target ${target.key} declared twice (${m.name})`);
        this.declaredTargets.push(target);
      }
      for (const [type, guard] of Object.entries(m.attachmentGuards ?? {})) {
        const other = this.guards.get(type);
        if (other) throw new Error(`attachment guard for ${type} declared by both ${other.module} and ${m.name}`);
        this.guards.set(type, { module: m.name, guard });
      }
    }
  }

  /** Run every listener of `event`, in module order, in the emitter's transaction. */
  async emit<E extends EventName>(ctx: Context, event: E, payload: ModuleEvents[E]): Promise<void> {
    for (const m of this.modules) {
      const handler = m.on?.[event];
      if (handler) await handler(ctx, payload);
    }
  }

  indicators(): readonly ReportIndicator[] {
    return this.contributed;
  }

  targets(): readonly PillarTarget[] {
    return this.declaredTargets;
  }

  attachmentGuard(entityType: string): AttachmentGuard | undefined {
    return this.guards.get(entityType)?.guard;
  }

  /**
   * Every module's dashboard counts for this person, in one SQL statement (issue #17): each module's
   * `ask` expressions become columns of one `select` (`askTogether`), and each module's `cards`
   * get their answers back.
   */
  async dashboard(ctx: ActorContext): Promise<DashboardStat[]> {
    const parts = this.modules.flatMap((m) => (m.dashboard ? [{ name: m.name, part: m.dashboard, asked: m.dashboard.ask(ctx) }] : []));
    const answers = await askTogether(ctx.tx, parts);
    return parts.flatMap((p, i) => p.part.cards(answers[i]!, ctx));
  }

  /**
   * Every module's pillar cards and waiting items for this person, in module order, in one SQL
   * statement (issue #17) — plus, only on a cold path, what a module's `fill` must compute (the
   * watch's stored picture before the daily job ran).
   */
  async pillars(ctx: ActorContext): Promise<Required<PillarContribution>> {
    const parts = this.modules.flatMap((m) => (m.pillars ? [{ name: m.name, part: m.pillars, asked: m.pillars.ask(ctx) }] : []));
    const answers = await askTogether(ctx.tx, parts);
    const out: Required<PillarContribution> = { cards: [], waiting: [] };
    for (const [i, p] of parts.entries()) {
      const filled = p.part.fill?.(answers[i]!, ctx);
      const c = p.part.build(filled ? { ...answers[i], ...(await filled) } : answers[i]!, ctx);
      out.cards.push(...(c.cards ?? []));
      out.waiting.push(...(c.waiting ?? []));
    }
    return out;
  }

  async deadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]> {
    const out: PersonalDeadline[] = [];
    for (const m of this.modules) if (m.deadlines) out.push(...(await m.deadlines(ctx, range)));
    return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'vi'));
  }

  capabilitiesOf(roles: readonly Role[]): Capability[] {
    const out = new Set<Capability>();
    for (const r of roles) for (const c of this.grants.get(r) ?? []) out.add(c);
    return [...out].sort();
  }

  /** Every capability some module grants to some role. */
  allCapabilities(): Capability[] {
    return [...new Set([...this.grants.values()].flatMap((s) => [...s]))].sort();
  }

  /** Build a context for system work (jobs, seeds, the CLI) in a tenant transaction. */
  systemContext(tx: Tx, who: Context['who'], today: string): Context {
    return { tx, who, today, modules: this };
  }
}

/**
 * Asks every part's SQL expressions in ONE statement (issue #17): each becomes a column
 * `select (…) as "<module>.<key>", …` in the request's tenant transaction (row-level security
 * applies to every subquery); a key starting with `@` is shared and asked once whatever the number
 * of modules naming it. @returns each part's answers by its own keys, in the parts' order.
 */
export async function askTogether(
  tx: Tx,
  parts: readonly { name: string; asked: Record<string, SQL | undefined> }[],
): Promise<Record<string, unknown>[]> {
  const columns = new Map<string, SQL>();
  const column = (module: string, key: string) => (key.startsWith('@') ? key : `${module}.${key}`);
  for (const p of parts) for (const [key, q] of Object.entries(p.asked)) if (q) columns.set(column(p.name, key), q);
  const row: Record<string, unknown> = columns.size
    ? (rowsOf<Record<string, unknown>>(
        await tx.execute(
          sql`select ${sql.join(
            [...columns].map(([name, q]) => sql`(${q}) as ${sql.identifier(name)}`),
            sql`, `,
          )}`,
        ),
      )[0] ?? {})
    : {};
  return parts.map((p) => Object.fromEntries(Object.keys(p.asked).map((key) => [key, row[column(p.name, key)]])));
}
