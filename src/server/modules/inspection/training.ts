/**
 * Training of the cadres who deal with citizens (issue #11; seed plan II.9: "train cadres who
 * deal with citizens in persuasion, mobilisation and mediation"; Directive 33/CT-TTg (2021) on
 * mass mobilisation in state administrative agencies). The Office keeps the courses and
 * briefings (content, day, trainers, skills, materials as attachments) and who attended; the
 * leadership, the board and the union see who among the staff dealing with citizens has not been
 * trained in the last N months.
 *
 * Who "deals with citizens" is counted from roles, as the reception and cases modules assign the
 * work: the leadership (the head hosts citizen reception, Law 42/2013/QH13 Art. 12 as amended by
 * Law 136/2025/QH15), the Office (keeps the reception register and receives petitions) and unit
 * heads (their units handle the complaints and petitions assigned to them).
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { compareIsoDates, formatDmy } from '../../../domain';
import {
  DEFAULT_TRAINING_MONTHS,
  type TTrainingCourse,
  type TTrainingGaps,
  TRAINING_SKILL_LABELS,
  type ZTrainingAttendanceInput,
  type ZTrainingCourseInput,
} from '../../../contracts/inspection';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import type { ActorContext, ReportIndicator } from '../../platform/module';
import { can, type Role } from '../../platform/roles';
import { attachments, roleAssignments, users } from '../../platform/tables';
import { oversees } from './policy';
import { monthsBefore } from './rules';
import { trainingAttendance, trainingCourses } from './tables';

type Row = typeof trainingCourses.$inferSelect;

/** The roles whose holders deal with citizens (see the header). */
export const CITIZEN_FACING_ROLES: readonly Role[] = ['leader', 'office', 'unit_head'];

export const mayManageTraining = (ctx: ActorContext) => can(ctx.actor, 'training.manage');
/** Who sees the gaps: the Office that organises training, and the head, the board and the union who oversee. */
export const maySeeTrainingGaps = (ctx: ActorContext) => mayManageTraining(ctx) || oversees(ctx.actor);

async function present(tx: Tx, ctx: ActorContext, rows: Row[]): Promise<TTrainingCourse[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const att = await tx
    .select({ courseId: trainingAttendance.courseId, id: users.id, name: users.fullName })
    .from(trainingAttendance)
    .innerJoin(users, and(eq(users.tenantId, trainingAttendance.tenantId), eq(users.id, trainingAttendance.userId)))
    .where(inArray(trainingAttendance.courseId, ids));
  const files = await tx
    .select({ entityId: attachments.entityId, id: attachments.id, filename: attachments.filename })
    .from(attachments)
    .where(and(eq(attachments.entityType, 'training_course'), inArray(attachments.entityId, ids)));
  const collator = new Intl.Collator('vi');
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TTrainingCourse['kind'],
    title: r.title,
    content: r.content,
    heldOn: r.heldOn,
    trainers: r.trainers,
    skills: r.skills as TTrainingCourse['skills'],
    materials: files.filter((f) => f.entityId === r.id).map((f) => ({ id: f.id, filename: f.filename })),
    attendees: att
      .filter((a) => a.courseId === r.id)
      .map((a) => ({ id: a.id, name: a.name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    version: r.version,
    can: { edit: mayManageTraining(ctx) },
  }));
}

/** Every course and briefing, latest first (every staff member may see them). */
export async function listTrainingCourses(ctx: ActorContext): Promise<TTrainingCourse[]> {
  if (!can(ctx.actor, 'inspection.read')) throw new AppError('FORBIDDEN');
  const rows = await ctx.tx.select().from(trainingCourses).orderBy(desc(trainingCourses.heldOn), asc(trainingCourses.title));
  return present(ctx.tx, ctx, rows);
}

async function checkPeople(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, unique));
  if (found.length !== unique.length) throw invalid('attendeeIds', 'có người không thuộc cơ quan', 'someone is not of the agency');
  return unique;
}

async function getCourse(tx: Tx, id: string): Promise<Row> {
  const [r] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** The Office records a course or briefing held (not one still to come: attendance is a fact). */
export async function createTrainingCourse(ctx: ActorContext, input: z.output<typeof ZTrainingCourseInput>): Promise<TTrainingCourse> {
  const { tx, who, today } = ctx;
  if (!mayManageTraining(ctx)) throw new AppError('FORBIDDEN');
  if (compareIsoDates(input.heldOn, today) > 0)
    throw invalid('heldOn', 'ghi nhận lớp đã tổ chức, không sau hôm nay', 'record a course already held, not after today');
  const attendeeIds = await checkPeople(tx, input.attendeeIds);
  const skills = [...new Set(input.skills)];
  const [r] = await tx
    .insert(trainingCourses)
    .values({
      tenantId: who.tenantId,
      kind: input.kind,
      title: input.title,
      content: input.content,
      heldOn: input.heldOn,
      trainers: input.trainers,
      skills,
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (attendeeIds.length)
    await tx.insert(trainingAttendance).values(attendeeIds.map((userId) => ({ tenantId: who.tenantId, courseId: r!.id, userId })));
  if (input.attachmentIds.length) {
    const ids = [...new Set(input.attachmentIds)];
    // Only files nobody has claimed yet become the course's materials.
    const free = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(inArray(attachments.id, ids), isNull(attachments.entityId)));
    if (free.length !== ids.length) throw invalid('attachmentIds', 'tệp tài liệu không tồn tại', 'a material file does not exist');
    await tx.update(attachments).set({ entityType: 'training_course', entityId: r!.id }).where(inArray(attachments.id, ids));
  }
  await recordAudit(tx, who, {
    action: 'training_course.created',
    entityType: 'training_course',
    entityId: r!.id,
    summary: `${r!.title} (${formatDmy(r!.heldOn)}), ${attendeeIds.length} người tham dự`,
    after: { ...r, attendeeIds, attachmentIds: input.attachmentIds },
  });
  return (await present(tx, ctx, [r!]))[0]!;
}

/** The Office corrects who attended. */
export async function setTrainingAttendance(
  ctx: ActorContext,
  id: string,
  input: z.output<typeof ZTrainingAttendanceInput>,
): Promise<TTrainingCourse> {
  const { tx, who } = ctx;
  if (!can(ctx.actor, 'inspection.read')) throw new AppError('NOT_FOUND');
  const r = await getCourse(tx, id);
  if (!mayManageTraining(ctx)) throw new AppError('FORBIDDEN');
  if (r.version !== input.version) throw new AppError('STALE_VERSION');
  const attendeeIds = await checkPeople(tx, input.attendeeIds);
  const before = (
    await tx.select({ userId: trainingAttendance.userId }).from(trainingAttendance).where(eq(trainingAttendance.courseId, id))
  ).map((a) => a.userId);
  await tx.delete(trainingAttendance).where(eq(trainingAttendance.courseId, id));
  if (attendeeIds.length)
    await tx.insert(trainingAttendance).values(attendeeIds.map((userId) => ({ tenantId: who.tenantId, courseId: id, userId })));
  const [u] = await tx
    .update(trainingCourses)
    .set({ version: r.version + 1 })
    .where(eq(trainingCourses.id, id))
    .returning();
  await recordAudit(tx, who, {
    action: 'training_course.attendees',
    entityType: 'training_course',
    entityId: id,
    summary: `${r.title}: ${attendeeIds.length} người tham dự (trước: ${before.length})`,
    before: { attendeeIds: before },
    after: { attendeeIds },
  });
  return (await present(tx, ctx, [u!]))[0]!;
}

/** The active people who deal with citizens (CITIZEN_FACING_ROLES). */
async function citizenFacing(tx: Tx) {
  const rows = await tx
    .select({ id: users.id, name: users.fullName, position: users.position })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(inArray(roleAssignments.role, [...CITIZEN_FACING_ROLES]), eq(users.isActive, true)));
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Attendance (user, day) of courses held from `from` to `to`, inclusive. */
export async function attendanceBetween(tx: Tx, from: string, to: string) {
  return tx
    .select({ userId: trainingAttendance.userId, heldOn: trainingCourses.heldOn, courseId: trainingCourses.id })
    .from(trainingAttendance)
    .innerJoin(
      trainingCourses,
      and(eq(trainingCourses.tenantId, trainingAttendance.tenantId), eq(trainingCourses.id, trainingAttendance.courseId)),
    )
    .where(and(gte(trainingCourses.heldOn, from), lte(trainingCourses.heldOn, to)));
}

/** Who among the staff dealing with citizens has attended nothing in the last `months` months. */
export async function trainingGaps(ctx: ActorContext, months = DEFAULT_TRAINING_MONTHS): Promise<TTrainingGaps> {
  const { tx, today } = ctx;
  if (!maySeeTrainingGaps(ctx)) throw new AppError('FORBIDDEN');
  const since = monthsBefore(today, months);
  const people = await citizenFacing(tx);
  const all = await attendanceBetween(tx, '1900-01-01', today);
  const last = new Map<string, string>();
  for (const a of all) if (!last.has(a.userId) || compareIsoDates(a.heldOn, last.get(a.userId)!) > 0) last.set(a.userId, a.heldOn);
  const collator = new Intl.Collator('vi');
  const untrained = people
    .filter((p) => {
      const l = last.get(p.id);
      return !l || compareIsoDates(l, since) < 0;
    })
    .map((p) => ({ id: p.id, name: p.name, position: p.position, lastTrainedOn: last.get(p.id) ?? null }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const skills = Object.values(TRAINING_SKILL_LABELS);
  return {
    months,
    since,
    counted: people.length,
    untrained,
    how: {
      vi: `Người làm việc với dân: lãnh đạo cơ quan, Văn phòng và trưởng đơn vị đang làm việc (${people.length} người). Chưa được bồi dưỡng: không tham dự lớp tập huấn hoặc hội nghị quán triệt nào (${skills.map((s) => s.vi.toLowerCase()).join(', ')}) từ ngày ${formatDmy(since)} đến ngày ${formatDmy(today)} (${months} tháng).`,
      en: `People who deal with citizens: the active leadership, Office and unit heads (${people.length}). Not trained: attended no course or briefing (${skills.map((s) => s.en.toLowerCase()).join(', ')}) from ${formatDmy(since)} to ${formatDmy(today)} (${months} months).`,
    },
  };
}

/** The people holding a role in the unit (its staff, for the unit's figures). */
async function peopleOfUnit(tx: Tx, unitId: string): Promise<Set<string>> {
  const rows = await tx.select({ id: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.unitId, unitId));
  return new Set(rows.map((r) => r.id));
}

/** Training figures for unit reports and ratings (seed plan II.9), each with how it was counted. */
export const trainingIndicators: readonly ReportIndicator[] = [
  {
    code: 'training_courses',
    name: 'Lớp tập huấn, hội nghị quán triệt',
    unit: 'lớp',
    definition: 'Lớp tập huấn, bồi dưỡng và hội nghị quán triệt cho cán bộ làm việc với dân (kế hoạch, mục II.9)',
    compute: async ({ tx }, s) => {
      const mine = await peopleOfUnit(tx, s.unitId);
      const att = await attendanceBetween(tx, s.from, s.to);
      const n = new Set(att.filter((a) => mine.has(a.userId)).map((a) => a.courseId)).size;
      return {
        value: n,
        how: `Đếm lớp tập huấn, hội nghị quán triệt tổ chức từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} có người của đơn vị tham dự`,
      };
    },
  },
  {
    code: 'training_participants',
    name: 'Lượt người tham gia tập huấn',
    unit: 'lượt',
    definition: 'Lượt cán bộ, công chức của đơn vị tham dự các lớp tập huấn, hội nghị quán triệt',
    compute: async ({ tx }, s) => {
      const mine = await peopleOfUnit(tx, s.unitId);
      const att = await attendanceBetween(tx, s.from, s.to);
      return {
        value: att.filter((a) => mine.has(a.userId)).length,
        how: `Cộng số người của đơn vị tham dự từng lớp tổ chức từ ${formatDmy(s.from)} đến ${formatDmy(s.to)} (một người dự hai lớp tính hai lượt)`,
      };
    },
  },
  {
    code: 'staff_trained',
    name: 'Cán bộ được bồi dưỡng kỹ năng làm việc với dân',
    unit: 'người',
    definition: 'Cán bộ, công chức của đơn vị tham dự ít nhất một lớp tập huấn hoặc hội nghị quán triệt trong kỳ (kế hoạch, mục II.9)',
    compute: async ({ tx }, s) => {
      const mine = await peopleOfUnit(tx, s.unitId);
      const att = await attendanceBetween(tx, s.from, s.to);
      return {
        value: new Set(att.filter((a) => mine.has(a.userId)).map((a) => a.userId)).size,
        how: `Đếm người có vai trò tại đơn vị (${mine.size} người) đã tham dự ít nhất một lớp tổ chức từ ${formatDmy(s.from)} đến ${formatDmy(s.to)}; mỗi người tính một lần`,
      };
    },
  },
];
