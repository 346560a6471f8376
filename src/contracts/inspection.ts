/**
 * Contracts of the `inspection` module (issue #11): the People's Inspection Board (Ban Thanh tra
 * nhân dân), its terms and members, programmes, activities with notice and findings,
 * recommendations to the head, documents it requests and the staff suggestion box.
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const MEMBER_ROLES = ['chair', 'deputy', 'member'] as const;
export const MEMBER_ROLE_LABELS: Record<(typeof MEMBER_ROLES)[number], { vi: string; en: string }> = {
  chair: { vi: 'Trưởng ban', en: 'Chair' },
  deputy: { vi: 'Phó Trưởng ban', en: 'Deputy chair' },
  member: { vi: 'Ủy viên', en: 'Member' },
};
export const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'] as const;
export const ACTIVITY_KINDS = ['inspection', 'supervision'] as const;
export const ACTIVITY_SOURCES = ['programme', 'staff_report', 'suggestion_box', 'leadership_documents', 'request'] as const;
export const ACTIVITY_STATUSES = ['planned', 'notified', 'concluded'] as const;
export const RECOMMENDATION_STATUSES = ['open', 'overdue', 'answered', 'answered_late'] as const;
/** `conference`: the year's report the board gives at the staff conference (Law 10/2022 Art. 62; Decree 59/2023 Art. 22). */
export const REPORT_PERIODS = [...PERIODS, 'term', 'conference'] as const;

/** A computed date with how it was computed and its legal basis. */
export const ZBoardDeadline = z.object({ due: z.string(), explanation: z.array(z.string()), basis: z.array(z.string()) });

// ── The contract of issue #11: GET /api/inspection-board ────────────────────────────────────
export const ZBoardSummary = z.object({
  term: z
    .object({
      startsOn: z.string(),
      endsOn: z.string(),
      members: z.array(z.object({ name: z.string(), role: z.enum(MEMBER_ROLES) })),
    })
    .nullable(),
  recommendations: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      receivedOn: z.string(),
      dueOn: z.string(),
      answeredOn: z.string().nullable(),
      status: z.enum(RECOMMENDATION_STATUSES),
    }),
  ),
});
export type TBoardSummary = z.infer<typeof ZBoardSummary>;

// ── Terms and members ───────────────────────────────────────────────────────────────────────
export const ZMember = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  electedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZTerm = z.object({
  id: z.string(),
  conferenceRef: z.string().nullable(),
  electedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  daysLeft: z.number(),
  recognitionDue: ZBoardDeadline,
  recognisedOn: z.string().nullable(),
  recognitionDecision: z.string().nullable(),
  moreThanNineDecided: z.boolean(),
  members: z.array(ZMember),
  /** Lawful make-up problems of the sitting members (a vacancy may leave fewer than 3 until the next conference). */
  warnings: z.array(z.string()),
  version: z.number(),
  can: z.object({ recognise: z.boolean(), manageMembers: z.boolean() }),
});
export type TTerm = z.infer<typeof ZTerm>;

/** What a closing board hands to the next one: the work still open on the day it closed (Law 10/2022 Art. 60(3)). */
export const ZHandover = z.object({
  on: z.string(),
  successorTermId: z.string(),
  activities: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(ACTIVITY_STATUSES) })),
  recommendations: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string() })),
  documentRequests: z.array(z.object({ id: z.string(), title: z.string(), neededBy: z.string() })),
  /** Suggestion-box notes not yet taken up (counted only: the box is the board's alone). */
  suggestions: z.number(),
});
export type THandover = z.infer<typeof ZHandover>;

export const ZBoardState = z.object({
  /** The agency's staff count (Law 10/2022 Art. 60(1): 07 or fewer ⇒ no board). */
  staffCount: z.number(),
  current: ZTerm.nullable(),
  past: z.array(
    z.object({
      id: z.string(),
      conferenceRef: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      closedOn: z.string().nullable(),
      handover: ZHandover.nullable(),
    }),
  ),
  can: z.object({ recordElection: z.boolean(), work: z.boolean(), answer: z.boolean(), union: z.boolean(), suggest: z.boolean() }),
});
export type TBoardState = z.infer<typeof ZBoardState>;

export const ZElectionInput = z.object({
  electedOn: zIsoDate,
  /** The term starts on the election day unless the conference set another day. */
  startsOn: zIsoDate.nullish(),
  conferenceRef: zText(200).nullish(),
  moreThanNineDecided: z.boolean().default(false),
  upperUnionDecision: zText(300).nullish(),
  members: z
    .array(z.object({ userId: zUuid, role: z.enum(MEMBER_ROLES).default('member') }))
    .min(1)
    .max(30),
});
export type TElectionInput = z.input<typeof ZElectionInput>;

export const ZRecogniseInput = z.object({ version: z.number().int(), recognisedOn: zIsoDate, decision: zText(200).nullish() });
export const ZMemberRoleInput = z.object({ role: z.enum(MEMBER_ROLES) });
export const ZMemberLeaveInput = z.object({ leftOn: zIsoDate, reason: zRequiredText(300) });
export const ZMemberAddInput = z.object({ userId: zUuid, electedOn: zIsoDate, role: z.enum(MEMBER_ROLES).default('member') });

// ── Programmes ──────────────────────────────────────────────────────────────────────────────
export const ZProgramme = z.object({
  id: z.string(),
  year: z.number(),
  period: z.enum(PERIODS),
  title: z.string(),
  content: z.string(),
  reportedToUnionOn: z.string().nullable(),
  activities: z.number(),
});
export const ZProgrammeInput = z.object({
  year: z.number().int().min(2000).max(2200),
  period: z.enum(PERIODS),
  title: zRequiredText(300),
  content: zRequiredText(10000),
  reportedToUnionOn: zIsoDate.nullish(),
});

// ── Activities ──────────────────────────────────────────────────────────────────────────────
export const ZActivity = z.object({
  id: z.string(),
  programmeId: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  subject: z.string(),
  subjectUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  content: z.string(),
  source: z.enum(ACTIVITY_SOURCES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  notice: ZBoardDeadline,
  notifiedOn: z.string().nullable(),
  reportedToUnionOn: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  concludedOn: z.string().nullable(),
  minutes: z.string().nullable(),
  findings: z.string().nullable(),
  evidence: z.string().nullable(),
  votesFor: z.number().nullable(),
  votesAgainst: z.number().nullable(),
  sittingMembers: z.number().nullable(),
  sentToRequesterOn: z.string().nullable(),
  recommendations: z.number(),
  version: z.number(),
  can: z.object({ notify: z.boolean(), conclude: z.boolean(), recommend: z.boolean() }),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZActivityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: zRequiredText(300),
  subject: zRequiredText(300),
  subjectUnitId: zUuid.nullish(),
  content: zRequiredText(10000),
  source: z.enum(ACTIVITY_SOURCES).default('programme'),
  programmeId: zUuid.nullish(),
  startsOn: zIsoDate,
  endsOn: zIsoDate.nullish(),
  reportedToUnionOn: zIsoDate.nullish(),
});
export const ZNotifyInput = z.object({ version: z.number().int(), notifiedOn: zIsoDate, reportedToUnionOn: zIsoDate.nullish() });
export const ZConcludeInput = z.object({
  version: z.number().int(),
  concludedOn: zIsoDate,
  minutes: zRequiredText(20000),
  findings: zRequiredText(20000),
  evidence: zText(2000).nullish(),
  votesFor: z.number().int().min(0).max(100),
  votesAgainst: z.number().int().min(0).max(100),
  sentToRequesterOn: zIsoDate.nullish(),
});
/** The earliest lawful start of an activity planned today, and its latest notice day. */
export const ZNoticeCheck = z.object({ startsOn: z.string(), notice: ZBoardDeadline, lawful: z.boolean(), earliestStart: z.string() });

// ── Recommendations ─────────────────────────────────────────────────────────────────────────
export const ZRecommendation = z.object({
  id: z.string(),
  activity: z.object({ id: z.string(), title: z.string() }).nullable(),
  title: z.string(),
  content: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  due: ZBoardDeadline,
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  escalatedOn: z.string().nullable(),
  status: z.enum(RECOMMENDATION_STATUSES),
  version: z.number(),
  can: z.object({ answer: z.boolean(), escalate: z.boolean() }),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;
export const ZRecommendationInput = z.object({
  activityId: zUuid.nullish(),
  title: zRequiredText(300),
  content: zRequiredText(10000),
  receivedOn: zIsoDate,
});
export const ZAnswerInput = z.object({ version: z.number().int(), answeredOn: zIsoDate, answer: zRequiredText(10000) });
export const ZEscalateInput = z.object({ version: z.number().int(), escalatedOn: zIsoDate });

// ── Document requests ───────────────────────────────────────────────────────────────────────
export const ZDocumentRequest = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  title: z.string(),
  requestedOn: z.string(),
  neededBy: z.string(),
  providedOn: z.string().nullable(),
  reply: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  can: z.object({ provide: z.boolean() }),
});
export const ZDocumentRequestInput = z.object({
  activityId: zUuid.nullish(),
  title: zRequiredText(500),
  requestedOn: zIsoDate,
  neededBy: zIsoDate,
});
export const ZProvideInput = z.object({ version: z.number().int(), providedOn: zIsoDate, reply: zRequiredText(5000) });

// ── Suggestion box ──────────────────────────────────────────────────────────────────────────
export const ZSuggestion = z.object({
  id: z.string(),
  content: z.string(),
  receivedOn: z.string(),
  anonymous: z.boolean(),
  /** The writer's name when they chose to sign; never for an anonymous note. */
  author: z.string().nullable(),
  status: z.enum(['new', 'taken_up', 'closed']),
  activityId: z.string().nullable(),
  note: z.string().nullable(),
});
export const ZSuggestionInput = z.object({ content: zRequiredText(5000), anonymous: z.boolean().default(true) });
export const ZSuggestionUpdate = z.object({
  status: z.enum(['new', 'taken_up', 'closed']),
  activityId: zUuid.nullish(),
  note: zText(2000).nullish(),
});

// ── The Fatherland Front and mass organisations ─────────────────────────────────────────────
export const FRONT_KINDS = ['supervision', 'critique', 'invitation', 'information', 'regulation'] as const;
export const FRONT_ORGANISATIONS = ['front', 'union', 'youth', 'women', 'veterans', 'mass_mobilization'] as const;
export const ZFrontItem = z.object({
  id: z.string(),
  kind: z.enum(FRONT_KINDS),
  organisation: z.enum(FRONT_ORGANISATIONS),
  direction: z.enum(['in', 'out']).nullable(),
  title: z.string(),
  documentRef: z.string().nullable(),
  heldOn: z.string(),
  content: z.string(),
  responseDueOn: z.string().nullable(),
  respondedOn: z.string().nullable(),
  response: z.string().nullable(),
  followUp: z.string().nullable(),
  reviewOn: z.string().nullable(),
  /** awaiting | overdue | responded | responded_late | none (nothing to answer). */
  state: z.enum(['awaiting', 'overdue', 'responded', 'responded_late', 'none']),
  version: z.number(),
  can: z.object({ respond: z.boolean() }),
});
export type TFrontItem = z.infer<typeof ZFrontItem>;
export const ZFrontItemInput = z.object({
  kind: z.enum(FRONT_KINDS),
  organisation: z.enum(FRONT_ORGANISATIONS),
  direction: z.enum(['in', 'out']).nullish(),
  title: zRequiredText(300),
  documentRef: zText(100).nullish(),
  heldOn: zIsoDate,
  content: zRequiredText(10000),
  responseDueOn: zIsoDate.nullish(),
  reviewOn: zIsoDate.nullish(),
});
export const ZFrontRespondInput = z.object({
  version: z.number().int(),
  respondedOn: zIsoDate,
  response: zRequiredText(10000),
  followUp: zText(2000).nullish(),
});

// ── Training of the cadres who deal with citizens (seed plan II.9) ──────────────────────────
export const TRAINING_KINDS = ['course', 'briefing'] as const;
export const TRAINING_SKILLS = ['persuasion', 'mediation', 'dialogue', 'reception'] as const;
export const TRAINING_SKILL_LABELS: Record<(typeof TRAINING_SKILLS)[number], { vi: string; en: string }> = {
  persuasion: { vi: 'Thuyết phục, vận động', en: 'Persuasion and mobilisation' },
  mediation: { vi: 'Hòa giải', en: 'Mediation' },
  dialogue: { vi: 'Đối thoại', en: 'Dialogue' },
  reception: { vi: 'Tiếp công dân', en: 'Citizen reception' },
};
/** How far back "trained" looks by default (months), when the UI names no other. */
export const DEFAULT_TRAINING_MONTHS = 24;
export const ZTrainingCourse = z.object({
  id: z.string(),
  kind: z.enum(TRAINING_KINDS),
  title: z.string(),
  content: z.string(),
  heldOn: z.string(),
  trainers: z.string(),
  skills: z.array(z.enum(TRAINING_SKILLS)),
  materials: z.array(z.object({ id: z.string(), filename: z.string() })),
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  version: z.number(),
  can: z.object({ edit: z.boolean() }),
});
export type TTrainingCourse = z.infer<typeof ZTrainingCourse>;
export const ZTrainingCourseInput = z.object({
  kind: z.enum(TRAINING_KINDS),
  title: zRequiredText(300),
  content: zRequiredText(10000),
  heldOn: zIsoDate,
  trainers: zRequiredText(500),
  skills: z.array(z.enum(TRAINING_SKILLS)).min(1).max(TRAINING_SKILLS.length),
  attendeeIds: z.array(zUuid).max(500).default([]),
  attachmentIds: z.array(zUuid).max(20).default([]),
});
export const ZTrainingAttendanceInput = z.object({ version: z.number().int(), attendeeIds: z.array(zUuid).max(500) });
export const ZTrainingGaps = z.object({
  months: z.number(),
  /** Trained means attending a course or briefing held on or after this day, up to today. */
  since: z.string(),
  how: z.object({ vi: z.string(), en: z.string() }),
  /** How many people deal with citizens, and those of them not trained since `since`. */
  counted: z.number(),
  untrained: z.array(z.object({ id: z.string(), name: z.string(), position: z.string().nullable(), lastTrainedOn: z.string().nullable() })),
});
export type TTrainingGaps = z.infer<typeof ZTrainingGaps>;
