/**
 * Tables of the `inspection` module (issue #11): the People's Inspection Board's terms and
 * members, its programmes, activities with their notice, findings and recommendations to the
 * head, documents it requests, and the staff suggestion box (Law 10/2022 Arts. 60–63; Decree
 * 59/2023 Arts. 20–23). Every row belongs to an agency (`tenant_id`, RLS applied at migrate).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/tables';

const ts = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });

/** A term (nhiệm kỳ) of the board: elected at the staff conference, recognised by the union. */
export const inspectionTerms = pgTable(
  'inspection_terms',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The conference that elected the board (the conferences module's id, when it recorded it). */
    conferenceRef: text('conference_ref'),
    electedOn: day('elected_on').notNull(),
    startsOn: day('starts_on').notNull(),
    /** BTTND-TERM: 02 years after the start (Law 10/2022 Art. 60(3)). */
    endsOn: day('ends_on').notNull(),
    /** BTTND-RECOG: the union recognises within 05 working days (Decree 59/2023 Art. 21(1)). */
    recognitionDueOn: day('recognition_due_on').notNull(),
    recognisedOn: day('recognised_on'),
    recognitionDecision: text('recognition_decision'),
    /** The conference decided on more than 09 members (Decree 59/2023 Art. 21(2)). */
    moreThanNineDecided: boolean('more_than_nine_decided').notNull().default(false),
    /** The upper union's decision allowing a board with 07 staff or fewer (Law 10/2022 Art. 60(1)). */
    upperUnionDecision: text('upper_union_decision'),
    /**
     * The members hold the `board_member` role for the term (set when the conferences module's
     * vote elected the board, `conference.board_elected`): granted while they sit, revoked when
     * they leave or the term ends. A term recorded by hand leaves roles to the People page.
     */
    grantsBoardRole: boolean('grants_board_role').notNull().default(false),
    /** The day the next board took over (its term's start); null while this board is the latest. */
    closedOn: day('closed_on'),
    /**
     * What this board handed to the next one when it closed (Law 10/2022 Art. 60(3)): the work
     * still open on that day (activities, unanswered recommendations, documents awaited,
     * suggestions not yet taken up), as `THandover`.
     */
    handover: jsonb('handover'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), check('inspection_terms_range', sql`${t.endsOn} > ${t.startsOn}`)],
);

/** A member of the board for a term; a vacancy ends the membership, a replacement is a new row. */
export const inspectionMembers = pgTable(
  'inspection_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    termId: uuid('term_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** chair (Trưởng ban) | deputy (Phó Trưởng ban) | member (Ủy viên). */
    role: text('role').notNull().default('member'),
    electedOn: day('elected_on').notNull(),
    leftOn: day('left_on'),
    leftReason: text('left_reason'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.termId], foreignColumns: [inspectionTerms.tenantId, inspectionTerms.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('inspection_members_term_idx').on(t.tenantId, t.termId),
    check('inspection_members_role', sql`${t.role} in ('chair', 'deputy', 'member')`),
  ],
);

/** The board's work programme for a quarter, six months or a year (Law 10/2022 Art. 62(2)). */
export const inspectionProgrammes = pgTable(
  'inspection_programmes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** Reported to the union executive, which directs the board (Art. 62(1)). */
    reportedToUnionOn: day('reported_to_union_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** One inspection or supervision (cuộc kiểm tra, giám sát) with its notice and findings. */
export const inspectionActivities = pgTable(
  'inspection_activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    programmeId: uuid('programme_id'),
    /** inspection | supervision. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Who or what is supervised (the unit or office, as the notice names it). */
    subject: text('subject').notNull(),
    subjectUnitId: uuid('subject_unit_id'),
    content: text('content').notNull(),
    /** programme | staff_report | suggestion_box | leadership_documents | request. */
    source: text('source').notNull().default('programme'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
    /** BTTND-NOTICE: the latest day to notify the subject. */
    noticeDueOn: day('notice_due_on').notNull(),
    notifiedOn: day('notified_on'),
    reportedToUnionOn: day('reported_to_union_on'),
    /** planned → notified → concluded. */
    status: text('status').notNull().default('planned'),
    concludedOn: day('concluded_on'),
    minutes: text('minutes'),
    findings: text('findings'),
    evidence: text('evidence'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    sittingMembers: integer('sitting_members'),
    /** Findings are sent to whoever raised the issue (Decree 59/2023 Art. 22). */
    sentToRequesterOn: day('sent_to_requester_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.programmeId], foreignColumns: [inspectionProgrammes.tenantId, inspectionProgrammes.id] }),
    foreignKey({ columns: [t.tenantId, t.subjectUnitId], foreignColumns: [units.tenantId, units.id] }),
    index('inspection_activities_start_idx').on(t.tenantId, t.startsOn),
    check('inspection_activities_kind', sql`${t.kind} in ('inspection', 'supervision')`),
  ],
);

/** A recommendation (kiến nghị) of the board to the head, who answers within 15 days (Art. 63(1)(c)). */
export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    activityId: uuid('activity_id'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    receivedOn: day('received_on').notNull(),
    /** BTTND-REPLY, computed on the agency calendar. */
    dueOn: day('due_on').notNull(),
    answeredOn: day('answered_on'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    /** Reported to the union when the head is late (the union follows up: Art. 63(2)). */
    escalatedOn: day('escalated_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [inspectionActivities.tenantId, inspectionActivities.id] }),
    index('inspection_recommendations_received_idx').on(t.tenantId, t.receivedOn),
  ],
);

/** Information and documents the board asks the head for (Law 10/2022 Arts. 61(3), 63(1)(b)). */
export const inspectionDocumentRequests = pgTable(
  'inspection_document_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    activityId: uuid('activity_id'),
    title: text('title').notNull(),
    requestedOn: day('requested_on').notNull(),
    /** The law sets no period: the board names the day it needs them by. */
    neededBy: day('needed_by').notNull(),
    providedOn: day('provided_on'),
    reply: text('reply'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [inspectionActivities.tenantId, inspectionActivities.id] }),
  ],
);

/**
 * The suggestion box (hộp thư góp ý, Law 10/2022 Art. 62(3)): what staff report to the board.
 * An anonymous note keeps no trace of its writer: no user id, and its audit row names no one.
 */
export const inspectionSuggestions = pgTable(
  'inspection_suggestions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    content: text('content').notNull(),
    receivedOn: day('received_on').notNull(),
    /** Null when sent anonymously. */
    authorId: uuid('author_id'),
    /** new | taken_up | closed. */
    status: text('status').notNull().default('new'),
    activityId: uuid('activity_id'),
    note: text('note'),
    // No creation instant: the day is enough, and an instant could be matched to a session.
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * The Fatherland Front and mass organisations (issue #11; seed plan II.8, II.12): supervision
 * and social-critique activities addressed to the agency, invitations, the comments and
 * recommendations received and the agency's response; the two-way information log with the
 * Party's Mass Mobilization Committee and the Front; coordination regulations with review dates.
 */
export const frontItems = pgTable(
  'front_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** supervision | critique | invitation | information | regulation. */
    kind: text('kind').notNull(),
    /** front | union | youth | women | veterans | mass_mobilization. */
    organisation: text('organisation').notNull(),
    /** For the information log: in (received) | out (sent). */
    direction: text('direction'),
    title: text('title').notNull(),
    documentRef: text('document_ref'),
    heldOn: day('held_on').notNull(),
    content: text('content').notNull(),
    /** The day the agency set to respond by (no statutory period is encoded for these). */
    responseDueOn: day('response_due_on'),
    respondedOn: day('responded_on'),
    response: text('response'),
    followUp: text('follow_up'),
    /** A coordination regulation's next review. */
    reviewOn: day('review_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('front_items_held_idx').on(t.tenantId, t.heldOn)],
);

/**
 * Training of the cadres who deal with citizens (seed plan II.9: "train cadres who deal with
 * citizens in persuasion, mobilisation and mediation"; Directive 33/CT-TTg on mass mobilisation
 * in state agencies): courses and briefings with their trainers and skills. The materials are
 * attachments (`entity_type = 'training_course'`).
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** course (lớp tập huấn, bồi dưỡng) | briefing (hội nghị quán triệt). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    heldOn: day('held_on').notNull(),
    trainers: text('trainers').notNull(),
    /** persuasion | mediation | dialogue | reception. */
    skills: jsonb('skills').$type<string[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('training_courses_held_idx').on(t.tenantId, t.heldOn),
    check('training_courses_kind', sql`${t.kind} in ('course', 'briefing')`),
  ],
);

/** Who attended a course or briefing. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    courseId: uuid('course_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.courseId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [trainingCourses.tenantId, trainingCourses.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('training_attendance_user_idx').on(t.tenantId, t.userId),
  ],
);
