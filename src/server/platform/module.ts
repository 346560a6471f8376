/**
 * The module contract (DESIGN.md "A module, whole"; STYLE.md 2). A module is one folder whose
 * `index.ts` exports one manifest: everything the module adds to the app is declared here, and the
 * app is assembled from the list of manifests (`modules/index.ts`). Platform code knows this
 * contract and nothing of any particular module.
 */
import type { SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditActor } from './audit';
import type { Config } from './config';
import type { Database, Tx } from './db';
import type { ErrorCatalogue } from './errors';
import type { Jobs } from './jobs';
import type { Actor, Capability, Role } from './roles';

/**
 * Named events a module may emit and others may listen to (instead of import-time side effects).
 * A module that emits an event declares it by augmenting this interface:
 * `declare module '../../platform/module' { interface ModuleEvents { 'calendar.changed': {} } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the modules that emit events.
export interface ModuleEvents {}
export type EventName = keyof ModuleEvents & string;

/** What every service call gets: the transaction, who acts (for the audit), the legal day, and the modules. */
export type Context = {
  tx: Tx;
  /** The audit identity: the person (or the system job) and where the request came from. */
  who: AuditActor;
  /** Today in Vietnam (ISO date), fixed for the whole request so that every rule sees the same day. */
  today: string;
  /** The assembled modules: events, indicators, attachment guards. */
  modules: ModuleHooks;
  /**
   * Queue a background job (registered by a module's `jobs`) to start once this transaction
   * commits, and only if it commits. Present in requests; absent in jobs, the CLI and the demo
   * seed, where the caller does the work in place.
   */
  enqueue?: (job: string, data: object) => void;
};

/** A context with an authenticated person, for operations that authorize. */
export type ActorContext = Context & { actor: Actor };

export type EventHandler<E extends EventName> = (ctx: Context, payload: ModuleEvents[E]) => Promise<void>;

/** One number on the dashboard, computed from real data. */
export type DashboardStat = { key: string; label: { vi: string; en: string }; value: number; link?: string; pillar?: string };

/**
 * What a module puts on the dashboard, in two halves so that the whole dashboard is one SQL
 * statement whatever the number of modules and the size of the data (issue #17, "no N+1"):
 *
 * - `ask` names the figures the module needs for this person as SQL expressions — each a scalar
 *   subquery or a small json aggregate (`sql\`select count(*)::int from …\``), never a statement of
 *   its own. The registry asks every module's expressions together in ONE `select (…) as a, (…) as
 *   b, …` in the request's tenant transaction (row-level security applies to every subquery). Who
 *   sees what is decided here (ask nothing, or narrow the subquery) and again in `cards`.
 * - `cards` turns the answers into the module's `DashboardStat`s with pure code: no database, no
 *   await. An answer is what the driver returns for the expression (json parsed; cast counts to
 *   `::int`, a `count(*)` is a bigint that arrives as a string).
 *
 * A key starting with `@` is shared: asked once in the statement, whatever the number of modules
 * naming it, and handed to each under that key (the calendar's confirmed days off,
 * `calendarAsk` in the calendar module, for deadline arithmetic). Other keys are the module's own.
 */
export type DashboardPart<V extends Record<string, unknown> = Record<string, unknown>> = {
  ask: (ctx: ActorContext) => { [K in keyof V]?: SQL };
  cards: (answers: Partial<V>, ctx: ActorContext) => DashboardStat[];
};

/** Types a module's dashboard part by the answers it expects (a cast: the registry hands back what the driver returned). */
export function dashboardPart<V extends Record<string, unknown>>(part: DashboardPart<V>): DashboardPart {
  return part as unknown as DashboardPart;
}

/** The six pillars of "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng" (DESIGN.md). */
export const PILLAR_CODES = ['know', 'discuss', 'do', 'inspect', 'supervise', 'benefit'] as const;
export type PillarCode = (typeof PILLAR_CODES)[number];

/** How a figure stands: on track, to watch, behind, or a plain fact with no target. */
export type PillarTone = 'ok' | 'watch' | 'behind' | 'info';

/**
 * One card of the leader's dashboard by pillar (issue #13): a headline figure, whether it is on
 * track, how it was counted, and the rows it breaks down into (usually by unit), each a drill-down.
 */
export type PillarCard = {
  /** Stable key (`cases.overdue_by_unit`). */
  key: string;
  pillar: PillarCode;
  title: { vi: string; en: string };
  /** The headline figure as shown ("82,50%", "3/12"), with its number for sorting and tests. */
  value: number | null;
  display: string;
  tone: PillarTone;
  /** How the figure was counted, shown under it. */
  how: { vi: string; en: string };
  link?: string;
  /** The breakdown (by unit, by month…), worst first; each row may link to its detail. */
  rows?: { label: string; display: string; tone: PillarTone; link?: string }[];
  /** A short series (by month, by year) for a trend line. */
  trend?: { label: string; value: number | null }[];
};

/** Something that waits for this person's action (a signature, an answer, a decision). */
export type WaitingItem = {
  key: string;
  pillar: PillarCode;
  label: { vi: string; en: string };
  count: number;
  /** The nearest due date among them (ISO), if any. */
  due?: string | null;
  link: string;
};

/**
 * A target a pillar card judges its figure against (issue #13): declared by the module with its
 * default, set per year by the Office (the `targets` module keeps and audits the values).
 */
export type PillarTarget = {
  /** Stable key (`reports.on_time`). */
  key: string;
  pillar: PillarCode;
  label: { vi: string; en: string };
  /** The default when the Office set nothing for the year. */
  default: number;
  min: number;
  max: number;
  /** The rule or plan the target serves (shown next to it). */
  basis: string;
};

/** What a module puts on the leader's dashboard for this person: only what the person acts on or oversees. */
export type PillarContribution = { cards?: PillarCard[]; waiting?: WaitingItem[] };

/**
 * What a module puts on the dashboard by pillar, in the same two halves as `DashboardPart`, so that
 * the whole board is one SQL statement whatever the number of modules and the size of the data
 * (issue #17, "no N+1"):
 *
 * - `ask` names the figures (scalar subqueries, small json aggregates) the module needs for this
 *   person; the registry asks every module's together in ONE `select`, shared `@` keys once
 *   (`@calendar`, and `@targets`: the year's targets, `targetsAsk` in the targets module).
 * - `build` turns the answers into the module's cards and waiting items with pure code.
 * - `fill`, rare, is the cold path of an answer that may be missing (the watch's stored picture
 *   before the daily job ran): called after the statement with the answers; it returns `null` when
 *   nothing is missing (no statement), or the answers completed by its own statements.
 */
export type PillarPart<V extends Record<string, unknown> = Record<string, unknown>> = {
  ask: (ctx: ActorContext) => { [K in keyof V]?: SQL };
  build: (answers: Partial<V>, ctx: ActorContext) => PillarContribution;
  fill?: (answers: Partial<V>, ctx: ActorContext) => Promise<Partial<V>> | null;
};

/** Types a module's pillar part by the answers it expects (a cast, as `dashboardPart`). */
export function pillarPart<V extends Record<string, unknown>>(part: PillarPart<V>): PillarPart {
  return part as unknown as PillarPart;
}

/** The scope of a report indicator: one unit over a reporting period (dates inclusive), optionally one plan's work. */
export type IndicatorScope = { unitId: string; from: string; to: string; planId?: string };

/**
 * A figure a module contributes to unit reports and ratings, computed from what it recorded,
 * always with the sentence that says how it was counted (shown next to the figure).
 */
export type ReportIndicator = {
  /** Stable code; a report template's indicator names it as its `source` (`cases_overdue`). */
  code: string;
  name: string;
  unit: string;
  definition: string;
  compute: (ctx: Context, scope: IndicatorScope) => Promise<{ value: number; how: string }>;
};

/**
 * A dated thing a person has to act on (a task's deadline, a report due, a case to answer, a
 * reception session to hold), contributed by the module that owns it, for the personal calendar feed.
 */
export type PersonalDeadline = {
  /** Stable across feeds (`task-<id>@danchu`), so a calendar updates the event instead of adding one. */
  uid: string;
  /** ISO date of the deadline (an all-day event). */
  date: string;
  title: string;
  description?: string;
  /** Path in the app (`/plans/…`). */
  link?: string;
};

/** Who may download a file attached to one of the module's records (e.g. a denunciation's documents). */
export type AttachmentGuard = (ctx: ActorContext, entityId: string) => Promise<boolean>;

/** What each role may do in this module. `satisfies` on the object makes a new role a compile error until decided. */
/**
 * What each role may do, per module. Every module names every standing role; `board_member` (held
 * only for a board term, granted by the inspection module) is named only where it is granted.
 */
export type RoleGrants = { readonly [R in Exclude<Role, 'board_member'>]: readonly Capability[] } & {
  readonly board_member?: readonly Capability[];
};

/** What a module's demo seed gets: the agency, a way to act as a demo user, and the demo units. */
export type SeedContext = {
  db: Database;
  tenantId: string;
  /** Runs as the given demo user (by username) in the demo tenant. */
  as: <T>(username: string, fn: (ctx: ActorContext) => Promise<T>) => Promise<T>;
  unitIdByCode: Record<string, string>;
  /** The day the demo is seeded (the demo's dates lead up to it). */
  today: string;
  modules: ModuleHooks;
};

export interface ModuleManifest {
  /** Code name (DESIGN.md glossary). */
  name: string;
  /** The module's Drizzle tables (its `tables.ts`); every table of the database belongs to the platform or one module. */
  tables?: Record<string, unknown>;
  /** Capabilities of this module granted to each role. */
  capabilities?: RoleGrants;
  /** The module's own error codes, each with Vietnamese and English messages. */
  errors?: ErrorCatalogue;
  /** Routes mounted under `/api`. Routes that need no session set `config: { public: true }`. */
  routes?: FastifyPluginAsyncZod;
  /** Background jobs the module runs. */
  jobs?: (jobs: Jobs, db: Database, config: Config, modules: ModuleHooks) => void;
  /** Counts the dashboard shows to this person: SQL expressions asked with every module's in one statement, then cards from the answers (`DashboardPart`). */
  dashboard?: DashboardPart;
  /** Cards and "waiting for you" items of the dashboard by pillar, for this person: SQL expressions asked with every module's in one statement, then cards from the answers (`PillarPart`). */
  pillars?: PillarPart;
  /** Figures the module contributes to report templates. */
  indicators?: readonly ReportIndicator[];
  /** Targets its pillar cards judge against, which the Office may set per year. */
  targets?: readonly PillarTarget[];
  /** The actor's upcoming deadlines in [from, to] (ISO dates), for the personal calendar feed. */
  deadlines?: (ctx: ActorContext, range: { from: string; to: string }) => Promise<PersonalDeadline[]>;
  /** Reactions to other modules' named events, run in the emitter's transaction. */
  on?: { [E in EventName]?: EventHandler<E> };
  /** Download guards for files attached to the module's records, by entity type. */
  attachmentGuards?: Record<string, AttachmentGuard>;
  /** Demo data, seeded after the demo agency and its people exist (in list order). */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}

/** What services reach of the other modules: named events, contributed indicators, attachment guards. */
export interface ModuleHooks {
  emit<E extends EventName>(ctx: Context, event: E, payload: ModuleEvents[E]): Promise<void>;
  indicators(): readonly ReportIndicator[];
  /** Every module's declared pillar targets (with their defaults). */
  targets(): readonly PillarTarget[];
  attachmentGuard(entityType: string): AttachmentGuard | undefined;
  dashboard(ctx: ActorContext): Promise<DashboardStat[]>;
  /** Every module's pillar cards and waiting items for this person, in module order. */
  pillars(ctx: ActorContext): Promise<Required<PillarContribution>>;
  /** The actor's deadlines contributed by every module, by date. */
  deadlines(ctx: ActorContext, range: { from: string; to: string }): Promise<PersonalDeadline[]>;
  /** Capabilities the given roles grant, over all modules. */
  capabilitiesOf(roles: readonly Role[]): Capability[];
}

/** Identity function that types a manifest. */
export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
