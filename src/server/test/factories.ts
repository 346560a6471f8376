/**
 * Test data factories (STYLE.md point 24; issue #9): an integration test builds the rows it
 * asserts on — its own units, people with roles, a plan with tasks, a report cycle, cases, a
 * reception session, a disclosure item — so it does not break when the demo agency changes.
 *
 * Every factory goes through the module's own command (the one its routes call), so the rows are
 * valid, audited and indexed as in real use: no raw inserts. They act in the test app's agency as
 * its `admin` (every agency has one, demo or production) or as an Office person the factories
 * create on first need. Names and codes carry a per-file tag, so they never meet the demo's.
 *
 *   const f = factories(t);
 *   const unit = await f.unit();
 *   const head = await f.user({ roles: [{ role: 'unit_head', unitId: unit.id }] });
 *   const { plan, tasks } = await f.plan({ tasks: [{ leadUnitId: unit.id }] });
 *   const s = await head.login();
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type CaseKind, type PartyRole, type TCaseIntake, ZCaseIntake } from '../../contracts/cases';
import type { DisclosureAudience } from '../../contracts/disclosures';
import type { TCreateUnitRequest, TPerson, TUnit } from '../../contracts/org';
import type { TCreatePlanRequest, TPlan, TTask } from '../../contracts/plans';
import type { Role } from '../../contracts/roles';
import { createCase } from '../modules/cases/commands/create-case';
import { createSession } from '../modules/cases/reception/service';
import { createItem, postItem } from '../modules/disclosures/service';
import { createPerson, createUnit } from '../modules/org';
import { createPlan, createTask, updatePlan } from '../modules/plans/service';
import { createCycle } from '../modules/reports/service';
import { todayInVietnam } from '../platform/clock';
import { loadActor } from '../platform/http';
import type { ActorContext } from '../platform/module';
import { users } from '../platform/tables';
import type { Session, TestApp } from './harness';

/** The password of every person a factory creates. */
export const FACTORY_PASSWORD = 'factory-password-1';

/** A person built by a factory, who can log in. */
export type BuiltPerson = TPerson & { login: () => Promise<Session> };

export type Factories = ReturnType<typeof factories>;

/** Who must be named on a case of each kind (Law 02/2011 Art. 8; Law 25/2018 Art. 23). */
const PARTY_OF: Record<CaseKind, PartyRole> = {
  complaint: 'complainant',
  denunciation: 'denouncer',
  petition: 'petitioner',
  feedback: 'petitioner',
};

/**
 * Factories bound to one test app (one cloned database per test file).
 * @param opts.today the day the commands see (default: today in Vietnam).
 */
export function factories(t: TestApp, opts: { today?: string } = {}) {
  const today = opts.today ?? todayInVietnam();
  const tenantId = t.demoTenantId;
  const tag = randomBytes(3).toString('hex');
  let n = 0;
  const next = () => `${tag}-${++n}`;

  /** Run a module command as the given user, in one transaction, as a request would. */
  async function as<T>(userId: string, fn: (ctx: ActorContext) => Promise<T>): Promise<T> {
    return t.db.withTenant({ tenantId }, async (tx) => {
      const actor = await loadActor(tx, tenantId, userId, t.app.modules);
      if (!actor) throw new Error(`factories: no active user ${userId}`);
      return fn({ tx, actor, who: { tenantId, userId, name: actor.fullName }, today, modules: t.app.modules });
    });
  }

  let adminId: Promise<string> | undefined;
  /** The agency's administrator: the one account every agency starts with. */
  const admin = () => {
    adminId ??= t.db.withTenant({ tenantId }, async (tx) => {
      const [a] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
      if (!a) throw new Error('factories: the agency has no admin');
      return a.id;
    });
    return adminId;
  };

  /** A unit in force since 2000, of kind `department` unless told. */
  async function unit(o: Partial<TCreateUnitRequest> = {}): Promise<TUnit> {
    const id = next();
    return as(await admin(), (ctx) =>
      createUnit(ctx, {
        code: `F-${id}`,
        name: `Phòng thử nghiệm ${id}`,
        nameEn: `Test unit ${id}`,
        kind: 'department',
        validFrom: '2000-01-01',
        staffCount: 5,
        ...o,
      }),
    );
  }

  /**
   * A person with the given roles, granted at once (as the first-start seed does: no second
   * leader is needed to approve a role with case powers), ready to log in.
   */
  async function user(o: { roles: { role: Role; unitId: string | null }[]; fullName?: string; position?: string }): Promise<BuiltPerson> {
    const id = next();
    const person = await as(await admin(), async (ctx) => {
      const p = await createPerson(
        ctx,
        {
          username: `f.${id}`,
          fullName: o.fullName ?? `Người thử ${id}`,
          position: o.position ?? null,
          password: FACTORY_PASSWORD,
          roles: o.roles,
        },
        { trusted: true },
      );
      // Ready to use: no forced password change at the first log-in (as the demo accounts).
      await ctx.tx.update(users).set({ mustChangePassword: false }).where(eq(users.id, p.id));
      return p;
    });
    return { ...person, login: () => t.login(person.username, FACTORY_PASSWORD) };
  }

  /** A unit with its head (role `unit_head`) and one staff member. */
  async function team(o: Partial<TCreateUnitRequest> = {}) {
    const u = await unit(o);
    const head = await user({ roles: [{ role: 'unit_head', unitId: u.id }], position: `Trưởng ${u.name}` });
    const staff = await user({ roles: [{ role: 'staff', unitId: u.id }], position: `Chuyên viên ${u.name}` });
    return { unit: u, head, staff };
  }

  let office: Promise<{ unit: TUnit; officer: BuiltPerson }> | undefined;
  /** The agency's Office (standing body) of these factories and its officer (role `office`). */
  function theOffice(): Promise<{ unit: TUnit; officer: BuiltPerson }> {
    office ??= (async () => {
      const u = await unit({ kind: 'office', name: `Văn phòng thử nghiệm ${tag}` });
      const officer = await user({ roles: [{ role: 'office', unitId: u.id }], position: 'Chánh Văn phòng' });
      return { unit: u, officer };
    })();
    return office;
  }

  /**
   * An agency plan (issued unless `draft`), made by the Office, with two sections and the given
   * tasks on item II.1. Units in `requiredUnitIds` must issue their own plan (the cascade).
   */
  async function plan(
    o: {
      year?: number;
      draft?: boolean;
      requiredUnitIds?: string[];
      tasks?: { leadUnitId: string; coUnitIds?: string[]; title?: string; dueOn?: string | null }[];
    } & Partial<Pick<TCreatePlanRequest, 'summary' | 'unitPlansDueOn'>> = {},
  ): Promise<{ plan: TPlan; tasks: TTask[] }> {
    const year = o.year ?? Number(today.slice(0, 4));
    const { officer } = await theOffice();
    const id = next();
    return as(officer.id, async (ctx) => {
      let p = await createPlan(ctx, {
        year,
        issuerParent: 'UBND TỈNH THỬ NGHIỆM',
        issuer: 'SỞ THỬ NGHIỆM',
        place: 'Quảng Ngãi',
        signedOn: `${year}-01-15`,
        documentType: 'KẾ HOẠCH',
        summary: o.summary ?? `Thực hiện dân chủ ở cơ sở năm ${year} (kế hoạch thử ${id})`,
        unitPlansDueOn: o.unitPlansDueOn ?? null,
        citations: [{ symbol: '10/2022/QH15', typeName: 'Luật' }],
        recipients: [{ name: 'Các phòng, đơn vị thuộc Sở', role: 'thực hiện' }],
        sections: [
          { numeral: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', items: [{ number: 1, text: 'Nâng cao nhận thức.', implementsItemIds: [] }] },
          {
            numeral: 'II',
            title: 'NỘI DUNG THỰC HIỆN',
            items: [
              { number: 1, text: 'Công khai kế hoạch công tác năm.', implementsItemIds: [] },
              { number: 2, text: 'Tổ chức hội nghị cán bộ, công chức.', implementsItemIds: [] },
            ],
          },
        ],
        requiredUnitIds: o.requiredUnitIds ?? [],
      });
      if (!o.draft) {
        await updatePlan(ctx, p.id, { version: p.version, status: 'issued' });
        p = { ...p, status: 'issued' };
      }
      const itemId = p.sections[1]!.items[0]!.id;
      const tasks: TTask[] = [];
      for (const [i, task] of (o.tasks ?? []).entries())
        tasks.push(
          await createTask(ctx, p.id, {
            itemId,
            title: task.title ?? `Nhiệm vụ thử ${id}.${i + 1}`,
            leadUnitId: task.leadUnitId,
            coUnitIds: task.coUnitIds ?? [],
            dueOn: task.dueOn === undefined ? `${year}-10-30` : task.dueOn,
          }),
        );
      return { plan: p, tasks };
    });
  }

  /** A report cycle of a plan: the six-month one of its year unless told (due 11/6, as the demo's). */
  async function cycle(o: { planId: string; year: number; kind?: 'six_month' | 'annual'; dueOn?: string }) {
    const { officer } = await theOffice();
    const six = (o.kind ?? 'six_month') === 'six_month';
    return as(officer.id, (ctx) =>
      createCycle(ctx, {
        planId: o.planId,
        kind: six ? 'six_month' : 'annual',
        title: six ? `6 tháng đầu năm ${o.year}` : `năm ${o.year}`,
        periodFrom: `${o.year}-01-01`,
        periodTo: six ? `${o.year}-06-30` : `${o.year}-12-31`,
        dueOn: o.dueOn ?? (six ? `${o.year}-06-11` : `${o.year}-11-11`),
      }),
    );
  }

  /** A case of the given kind received by the Office today by letter, naming the party its kind needs. */
  async function caseOf(kind: CaseKind, o: Partial<TCaseIntake> = {}) {
    const { officer } = await theOffice();
    const id = next();
    return as(officer.id, (ctx) =>
      createCase(
        ctx,
        ZCaseIntake.parse({
          kind,
          channel: 'letter',
          receivedOn: today,
          subject: `Đơn thử ${id}`,
          content: `Nội dung đơn thử ${id}.`,
          knowledgeOn: kind === 'complaint' ? today : null,
          parties: [{ role: PARTY_OF[kind], identity: { name: `Công dân thử ${id}`, address: 'Quảng Ngãi' } }],
          ...o,
        }),
      ),
    );
  }

  /** A reception session hosted by the Office's officer, in person, on `date` (default today). */
  async function receptionSession(o: { date?: string; startTime?: string; endTime?: string; place?: string } = {}) {
    const { officer } = await theOffice();
    return as(officer.id, (ctx) =>
      createSession(ctx, {
        date: o.date ?? today,
        startTime: o.startTime ?? '08:00',
        endTime: o.endTime ?? '11:00',
        hostKind: 'officer',
        hostId: officer.id,
        mode: 'in_person',
        place: o.place ?? 'Phòng tiếp công dân',
        adhoc: false,
      }),
    );
  }

  /**
   * A disclosure item registered by the Office (Art. 46 category 2, a plan, for all staff unless
   * told) and posted on the board today unless `draft`.
   */
  async function disclosure(
    o: { title?: string; category?: number; audience?: DisclosureAudience; unitId?: string; draft?: boolean } = {},
  ) {
    const { officer } = await theOffice();
    const id = next();
    return as(officer.id, async (ctx) => {
      const row = await createItem(ctx, {
        title: o.title ?? `Nội dung công khai thử ${id}`,
        category: o.category ?? 2,
        sourceRef: `${id}/KH-TEST`,
        decidedOn: today,
        audience: o.audience ?? 'staff',
        unitId: o.unitId ?? null,
        channels: ['board'],
      });
      if (!o.draft) await postItem(ctx, row.id, { version: row.version, postedOn: today });
      return row;
    });
  }

  return { today, as, admin, unit, user, team, office: theOffice, plan, cycle, caseOf, receptionSession, disclosure };
}
