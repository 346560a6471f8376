/**
 * Operations of the `surveys` module (issue 13): create and edit surveys (a new version once a
 * version has answers), open and close them, take answers from the portal, from invitations,
 * from paper forms entered by staff and from staff for an internal survey, compute results.
 *
 * Privacy rule: an answer is stored without anything that names its author. Each operation that
 * takes an answer writes the answer and, separately, what proves the author had not answered yet
 * (a used invitation, a device hash, a participant row); the two share no key. The audit row names
 * the survey, never the response, and for a staff member's own answer it names no person.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type {
  TAnswers,
  TQuotaProgress,
  TSurvey,
  TSurveyDefinition,
  TSurveyInput,
  TSurveyResults,
  TSurveySummary,
} from '../../../contracts/surveys';
import { surveyMethod } from '../../../domain/surveys';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { identityKey } from '../../platform/identity-crypto';
import type { ActorContext, Context } from '../../platform/module';
import { can } from '../../platform/roles';
import { units } from '../../platform/tables';
import { checkDefinition, cleanAnswers } from './definition';
import { checkQuotas, ensureRoom, quotaProgress } from './quotas';
import { overallOf, type ResponseRow, surveyResults } from './results';
import { surveyDevices, surveyInvitations, surveyParticipants, surveyResponses, surveys, surveyVersions } from './tables';

type SurveyRow = typeof surveys.$inferSelect;

/** Raise 403 unless the actor holds the capability. */
export function authorize(ctx: ActorContext, capability: Parameters<typeof can>[1]): void {
  if (!can(ctx.actor, capability)) throw new AppError('FORBIDDEN');
}

/** A short public code for links and QR codes: 8 characters without look-alikes. */
function newPublicCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(8);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

function checkDates(input: Pick<TSurveyInput, 'opensOn' | 'closesOn'>): void {
  if (input.opensOn && input.closesOn && input.closesOn < input.opensOn) {
    throw invalid('closesOn', 'ngày kết thúc phải sau ngày bắt đầu', 'the closing day must be after the opening day');
  }
}

export async function getSurveyRow(tx: Tx, id: string): Promise<SurveyRow> {
  const [s] = await tx.select().from(surveys).where(eq(surveys.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/** The definitions of every version of a survey, by number. */
export async function versionsOf(tx: Tx, surveyId: string): Promise<Map<number, TSurveyDefinition>> {
  const rows = await tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.number));
  return new Map(rows.map((r) => [r.number, r.definition]));
}

export async function currentDefinition(tx: Tx, s: SurveyRow): Promise<TSurveyDefinition> {
  const [v] = await tx
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, s.id), eq(surveyVersions.number, s.currentVersion)));
  if (!v) throw new AppError('NOT_FOUND');
  return v.definition;
}

/**
 * Creates a survey (draft) with its first version.
 * @throws AppError FORBIDDEN without `surveys.manage`; VALIDATION_FAILED naming the field.
 */
export async function createSurvey(ctx: ActorContext, input: TSurveyInput): Promise<{ id: string }> {
  authorize(ctx, 'surveys.manage');
  checkDates(input);
  checkDefinition(input.definition, input.methodCode);
  checkQuotas(input.definition, input.quotas ?? [], input.quota);
  const [s] = await ctx.tx
    .insert(surveys)
    .values({
      tenantId: ctx.actor.tenantId,
      title: input.title,
      description: input.description,
      audience: input.audience,
      methodCode: input.methodCode,
      publicCode: newPublicCode(),
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      quota: input.quota,
      quotas: input.quotas ?? [],
    })
    .returning();
  await ctx.tx.insert(surveyVersions).values({ tenantId: ctx.actor.tenantId, surveyId: s!.id, number: 1, definition: input.definition });
  await recordAudit(ctx.tx, ctx.who, {
    action: 'survey.create',
    entityType: 'survey',
    entityId: s!.id,
    summary: input.title,
    after: input,
  });
  return { id: s!.id };
}

/**
 * Edits a survey. Once the current version has answers, a changed definition becomes a new
 * version, so earlier answers keep the questions they answered.
 * @throws AppError STALE_VERSION on a stale `version`.
 */
export async function updateSurvey(
  ctx: ActorContext,
  id: string,
  input: TSurveyInput & { version: number },
): Promise<{ id: string; versionNumber: number }> {
  authorize(ctx, 'surveys.manage');
  checkDates(input);
  checkDefinition(input.definition, input.methodCode);
  checkQuotas(input.definition, input.quotas ?? [], input.quota);
  const before = await getSurveyRow(ctx.tx, id);
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const [answered] = await ctx.tx
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, id), eq(surveyResponses.versionNumber, before.currentVersion)));
  if (Number(answered?.n ?? 0) > 0 && before.methodCode !== input.methodCode) {
    throw invalid(
      'methodCode',
      'không đổi được phương pháp khi khảo sát đã có câu trả lời',
      'the methodology cannot change once answers exist',
    );
  }
  const oldDef = await currentDefinition(ctx.tx, before);
  let versionNumber = before.currentVersion;
  if (JSON.stringify(oldDef) !== JSON.stringify(input.definition)) {
    if (Number(answered?.n ?? 0) > 0) {
      versionNumber += 1;
      await ctx.tx
        .insert(surveyVersions)
        .values({ tenantId: ctx.actor.tenantId, surveyId: id, number: versionNumber, definition: input.definition });
    } else {
      await ctx.tx
        .update(surveyVersions)
        .set({ definition: input.definition })
        .where(and(eq(surveyVersions.surveyId, id), eq(surveyVersions.number, versionNumber)));
    }
  }
  const [after] = await ctx.tx
    .update(surveys)
    .set({
      title: input.title,
      description: input.description,
      audience: input.audience,
      methodCode: input.methodCode,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      quota: input.quota,
      quotas: input.quotas ?? [],
      currentVersion: versionNumber,
      version: sql`${surveys.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(surveys.id, id), eq(surveys.version, input.version)))
    .returning();
  if (!after) throw new AppError('STALE_VERSION');
  await recordAudit(ctx.tx, ctx.who, {
    action: 'survey.update',
    entityType: 'survey',
    entityId: id,
    summary: versionNumber !== before.currentVersion ? `phiên bản ${versionNumber}` : null,
    before: { ...before, definition: oldDef },
    after: { ...after, definition: input.definition },
  });
  return { id, versionNumber };
}

/** Opens, closes or reopens a survey. */
export async function setSurveyStatus(ctx: ActorContext, id: string, status: 'draft' | 'open' | 'closed', version: number): Promise<void> {
  authorize(ctx, 'surveys.manage');
  const before = await getSurveyRow(ctx.tx, id);
  if (before.version !== version) throw new AppError('STALE_VERSION');
  if (status === 'draft' && before.status !== 'draft') {
    throw invalid('status', 'khảo sát đã mở không quay lại bản nháp được', 'an opened survey cannot go back to draft');
  }
  await ctx.tx
    .update(surveys)
    .set({ status, version: sql`${surveys.version} + 1`, updatedAt: new Date() })
    .where(eq(surveys.id, id));
  await recordAudit(ctx.tx, ctx.who, {
    action: `survey.${status === 'open' ? 'open' : status === 'closed' ? 'close' : 'draft'}`,
    entityType: 'survey',
    entityId: id,
    before: { status: before.status },
    after: { status },
  });
}

async function responseCounts(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.select({ surveyId: surveyResponses.surveyId, n: count() }).from(surveyResponses).groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.surveyId, Number(r.n)]));
}

async function responsesOf(
  tx: Tx,
  surveyId: string,
  filter: { unitId?: string; service?: string; from?: string; to?: string } = {},
): Promise<ResponseRow[]> {
  const where: SQL[] = [eq(surveyResponses.surveyId, surveyId)];
  if (filter.unitId) where.push(eq(surveyResponses.unitId, filter.unitId));
  if (filter.service) where.push(eq(surveyResponses.service, filter.service));
  if (filter.from) where.push(gte(surveyResponses.answeredOn, filter.from));
  if (filter.to) where.push(lte(surveyResponses.answeredOn, filter.to));
  return tx
    .select({
      id: surveyResponses.id,
      versionNumber: surveyResponses.versionNumber,
      answeredOn: surveyResponses.answeredOn,
      service: surveyResponses.service,
      unitId: surveyResponses.unitId,
      answers: surveyResponses.answers,
    })
    .from(surveyResponses)
    .where(and(...where));
}

function summaryOf(s: SurveyRow, responses: number, overall: number | null): TSurveySummary {
  return {
    id: s.id,
    title: s.title,
    audience: s.audience as TSurveySummary['audience'],
    status: s.status as TSurveySummary['status'],
    methodCode: s.methodCode,
    publicCode: s.publicCode,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    quota: s.quota,
    responses,
    overall,
    version: s.version,
  };
}

/**
 * The surveys the actor may see: everything with `surveys.read`; otherwise the open internal surveys (to answer them).
 */
export async function listSurveys(ctx: ActorContext): Promise<TSurveySummary[]> {
  const rows = await ctx.tx.select().from(surveys).orderBy(desc(surveys.createdAt));
  const visible = can(ctx.actor, 'surveys.read') ? rows : rows.filter((s) => s.audience === 'staff' && s.status === 'open');
  const counts = await responseCounts(ctx.tx);
  const out: TSurveySummary[] = [];
  for (const s of visible) {
    let overall: number | null = null;
    if (s.methodCode && can(ctx.actor, 'surveys.read')) {
      overall = overallOf(surveyMethod(s.methodCode), await versionsOf(ctx.tx, s.id), await responsesOf(ctx.tx, s.id)).overall;
    }
    out.push(summaryOf(s, counts.get(s.id) ?? 0, overall));
  }
  return out;
}

/** One survey with its definition, versions and response progress by channel. */
export async function getSurvey(ctx: ActorContext, id: string): Promise<TSurvey> {
  const s = await getSurveyRow(ctx.tx, id);
  const reader = can(ctx.actor, 'surveys.read') || can(ctx.actor, 'surveys.enter');
  // An internal survey is visible to the staff who may answer it; the rest is for readers (404 to others).
  if (!reader && !(s.audience === 'staff' && s.status === 'open')) throw new AppError('NOT_FOUND');
  const versions = await ctx.tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, id)).orderBy(asc(surveyVersions.number));
  const byVersion = await ctx.tx
    .select({ v: surveyResponses.versionNumber, n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, id))
    .groupBy(surveyResponses.versionNumber);
  const byChannel = await ctx.tx
    .select({ c: surveyResponses.channel, n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, id))
    .groupBy(surveyResponses.channel);
  const total = byChannel.reduce((a, r) => a + Number(r.n), 0);
  const overall =
    reader && s.methodCode
      ? overallOf(surveyMethod(s.methodCode), await versionsOf(ctx.tx, id), await responsesOf(ctx.tx, id)).overall
      : null;
  const current = versions.find((v) => v.number === s.currentVersion)!;
  let progress: TQuotaProgress[] = [];
  if (reader && (s.quota !== null || s.quotas.length > 0)) {
    const unitRows = await ctx.tx.select({ id: units.id, name: units.name }).from(units);
    const names = new Map(unitRows.map((u) => [u.id, u.name]));
    progress = await quotaProgress(ctx.tx, s, current.definition, (u) => names.get(u) ?? '?');
  }
  return {
    ...summaryOf(s, reader ? total : 0, overall),
    description: s.description,
    quotas: s.quotas,
    quotaProgress: progress,
    definition: current.definition,
    versionNumber: s.currentVersion,
    versions: versions.map((v) => ({
      number: v.number,
      createdAt: v.createdAt.toISOString(),
      responses: reader ? Number(byVersion.find((b) => b.v === v.number)?.n ?? 0) : 0,
    })),
    byChannel: reader ? Object.fromEntries(byChannel.map((r) => [r.c, Number(r.n)])) : {},
    canRead: can(ctx.actor, 'surveys.read'),
    canManage: can(ctx.actor, 'surveys.manage'),
    canEnter: can(ctx.actor, 'surveys.enter') && s.audience === 'public',
  };
}

/** Results with indices, filtered by unit, service and period. */
export async function getResults(
  ctx: ActorContext,
  id: string,
  filter: { unitId?: string; service?: string; from?: string; to?: string },
): Promise<TSurveyResults> {
  authorize(ctx, 'surveys.read');
  const s = await getSurveyRow(ctx.tx, id);
  const versions = await versionsOf(ctx.tx, id);
  const rows = await responsesOf(ctx.tx, id, filter);
  const unitRows = await ctx.tx.select({ id: units.id, name: units.name }).from(units);
  const names = new Map(unitRows.map((u) => [u.id, u.name]));
  return surveyResults(s.methodCode, versions, versions.get(s.currentVersion)!, rows, (u) =>
    u ? (names.get(u) ?? '?') : 'Chưa gắn đơn vị',
  );
}

/** The responses of a survey for export: answers only, oldest day first. */
export async function exportRows(ctx: ActorContext, id: string) {
  authorize(ctx, 'surveys.read');
  const s = await getSurveyRow(ctx.tx, id);
  const rows = await ctx.tx
    .select({
      versionNumber: surveyResponses.versionNumber,
      channel: surveyResponses.channel,
      answeredOn: surveyResponses.answeredOn,
      service: surveyResponses.service,
      unitId: surveyResponses.unitId,
      answers: surveyResponses.answers,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, id))
    .orderBy(asc(surveyResponses.answeredOn), asc(surveyResponses.id));
  return { survey: s, rows, versions: await versionsOf(ctx.tx, id), results: await getResults(ctx, id, {}) };
}

/** Is the survey taking answers today (open, within its dates)? */
export function isAccepting(s: SurveyRow, today: string): boolean {
  return s.status === 'open' && (!s.opensOn || s.opensOn <= today) && (!s.closesOn || today <= s.closesOn);
}

/** Stores one response (answers only) and audits it without naming the response. */
async function insertResponse(
  ctx: Context,
  s: SurveyRow,
  input: { channel: 'public' | 'invitation' | 'paper' | 'staff'; answeredOn: string; service?: string | null; answers: TAnswers },
): Promise<void> {
  const def = await currentDefinition(ctx.tx, s);
  const clean = cleanAnswers(def, input.service, input.answers);
  const unitId = clean.service ? (def.services.find((x) => x.code === clean.service)?.unitId ?? null) : null;
  // Quotas bound what the public sends; paper forms people already filled are entered all the same.
  if (input.channel === 'public' || input.channel === 'invitation') {
    await ensureRoom(ctx.tx, s, def, { service: clean.service, unitId, answers: clean.answers });
  }
  await ctx.tx.insert(surveyResponses).values({
    tenantId: s.tenantId,
    surveyId: s.id,
    versionNumber: s.currentVersion,
    channel: input.channel,
    answeredOn: input.answeredOn,
    service: clean.service,
    unitId,
    answers: clean.answers,
  });
  // The audit names the survey and the channel; never the response, its answers, or (for staff) the person.
  await recordAudit(ctx.tx, ctx.who, {
    action: input.channel === 'paper' ? 'survey.paper_entry' : 'survey.respond',
    entityType: 'survey',
    entityId: s.id,
    summary: `kênh ${input.channel}`,
  });
}

/**
 * Enters a paper form (staff), dated the day it was filled.
 * @throws AppError FORBIDDEN without `surveys.enter`; SURVEY_CLOSED for an internal or draft survey.
 */
export async function enterPaperResponse(
  ctx: ActorContext,
  id: string,
  input: { answeredOn: string; service?: string | null; answers: TAnswers },
): Promise<void> {
  authorize(ctx, 'surveys.enter');
  const s = await getSurveyRow(ctx.tx, id);
  if (s.audience !== 'public' || s.status === 'draft') throw new AppError('SURVEY_CLOSED');
  if (input.answeredOn > ctx.today) throw invalid('answeredOn', 'không được sau hôm nay', 'cannot be after today');
  if (s.opensOn && input.answeredOn < s.opensOn) throw invalid('answeredOn', 'trước ngày mở khảo sát', 'before the survey opened');
  await insertResponse(ctx, s, { channel: 'paper', ...input });
}

/**
 * A staff member answers an internal survey, once. The participant row records that they answered;
 * the answer is stored apart, and the audit row names no person.
 * @throws AppError SURVEY_ALREADY_ANSWERED on a second answer; SURVEY_CLOSED when not open.
 */
export async function answerAsStaff(ctx: ActorContext, id: string, input: { service?: string | null; answers: TAnswers }): Promise<void> {
  authorize(ctx, 'surveys.respond');
  const s = await getSurveyRow(ctx.tx, id);
  if (s.audience !== 'staff') throw new AppError('NOT_FOUND');
  if (!isAccepting(s, ctx.today)) throw new AppError('SURVEY_CLOSED');
  const inserted = await ctx.tx
    .insert(surveyParticipants)
    .values({ tenantId: s.tenantId, surveyId: id, userId: ctx.actor.userId })
    .onConflictDoNothing()
    .returning({ userId: surveyParticipants.userId });
  if (inserted.length === 0) throw new AppError('SURVEY_ALREADY_ANSWERED');
  const anonymous = { tenantId: s.tenantId, userId: null, name: 'Người trả lời khảo sát nội bộ (ẩn danh)' };
  await insertResponse({ ...ctx, who: anonymous }, s, { channel: 'staff', answeredOn: ctx.today, ...input });
}

/** Has the actor answered this internal survey (for the form, so it says so before they fill it)? */
export async function hasAnswered(ctx: ActorContext, id: string): Promise<boolean> {
  const [p] = await ctx.tx
    .select()
    .from(surveyParticipants)
    .where(and(eq(surveyParticipants.surveyId, id), eq(surveyParticipants.userId, ctx.actor.userId)));
  return !!p;
}

/** The keyed hash of a device key or an invitation token: unreadable without the installation's key. */
function keyedHash(purpose: string, value: string): string {
  let key: Buffer;
  try {
    key = Buffer.from(identityKey().bytes);
  } catch {
    key = Buffer.from('danchu-survey-fallback');
  }
  return createHmac('sha256', createHash('sha256').update(key).update(`danchu/surveys/${purpose}/v1`).digest())
    .update(value)
    .digest('hex');
}

/**
 * A citizen answers a public survey through the portal link (one answer per device) or a personal
 * invitation (one answer per invitation). The device check is a keyed hash of a random key the
 * browser keeps for this survey: no third party, no cookie across sites, no fingerprinting.
 * @throws AppError SURVEY_ALREADY_ANSWERED, SURVEY_INVITATION_INVALID, SURVEY_CLOSED.
 */
export async function answerPublic(
  ctx: Context,
  s: SurveyRow,
  input: { service?: string | null; answers: TAnswers; deviceKey?: string | null; invitation?: string | null },
): Promise<void> {
  if (s.audience !== 'public') throw new AppError('NOT_FOUND');
  if (!isAccepting(s, ctx.today)) throw new AppError('SURVEY_CLOSED');
  let channel: 'public' | 'invitation' = 'public';
  if (input.invitation) {
    const used = await ctx.tx
      .update(surveyInvitations)
      .set({ used: true })
      .where(
        and(
          eq(surveyInvitations.surveyId, s.id),
          eq(surveyInvitations.tokenHash, keyedHash('invitation', input.invitation)),
          eq(surveyInvitations.used, false),
        ),
      )
      .returning({ id: surveyInvitations.id });
    if (used.length === 0) throw new AppError('SURVEY_INVITATION_INVALID');
    channel = 'invitation';
  } else {
    if (!input.deviceKey) throw invalid('deviceKey', 'thiếu khóa thiết bị', 'the device key is missing');
    const fresh = await ctx.tx
      .insert(surveyDevices)
      .values({ tenantId: s.tenantId, surveyId: s.id, deviceHash: keyedHash(`device:${s.id}`, input.deviceKey) })
      .onConflictDoNothing()
      .returning({ h: surveyDevices.deviceHash });
    if (fresh.length === 0) throw new AppError('SURVEY_ALREADY_ANSWERED');
  }
  await insertResponse(ctx, s, { channel, answeredOn: ctx.today, service: input.service, answers: input.answers });
}

/**
 * Creates personal invitations; the tokens are shown once (only their keyed hash is kept).
 * @returns each label with its token.
 */
export async function createInvitations(ctx: ActorContext, id: string, labels: string[]): Promise<{ label: string; token: string }[]> {
  authorize(ctx, 'surveys.manage');
  const s = await getSurveyRow(ctx.tx, id);
  if (s.audience !== 'public') throw invalid('audience', 'thư mời chỉ dành cho khảo sát công khai', 'invitations are for public surveys');
  const out: { label: string; token: string }[] = [];
  for (const label of labels) {
    const token = randomBytes(18).toString('base64url');
    await ctx.tx.insert(surveyInvitations).values({ tenantId: s.tenantId, surveyId: id, tokenHash: keyedHash('invitation', token), label });
    out.push({ label, token });
  }
  await recordAudit(ctx.tx, ctx.who, { action: 'survey.invite', entityType: 'survey', entityId: id, summary: `${labels.length} thư mời` });
  return out;
}

/** Invitations with whether each was used (never which answer it gave). */
export async function listInvitations(ctx: ActorContext, id: string) {
  authorize(ctx, 'surveys.manage');
  return ctx.tx
    .select({ id: surveyInvitations.id, label: surveyInvitations.label, used: surveyInvitations.used })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, id))
    .orderBy(asc(surveyInvitations.createdAt), asc(surveyInvitations.label));
}

/** A public survey by its code, or 404. */
export async function publicSurvey(tx: Tx, code: string): Promise<SurveyRow> {
  const [s] = await tx.select().from(surveys).where(eq(surveys.publicCode, code));
  if (s?.audience !== 'public' || s.status === 'draft') throw new AppError('NOT_FOUND');
  return s;
}

/** Open public surveys (the portal lists them). */
export async function openPublicSurveys(tx: Tx, today: string) {
  const rows = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.audience, 'public'), eq(surveys.status, 'open')))
    .orderBy(desc(surveys.createdAt));
  return rows
    .filter((s) => isAccepting(s, today))
    .map((s) => ({ code: s.publicCode, title: s.title, description: s.description, closesOn: s.closesOn }));
}
