/**
 * Contracts of the `conferences` module (issue #10): the staff conference (Hội nghị CBCCVC, Law
 * 10/2022 Arts. 50–52) and consultations of staff (Lấy ý kiến, Arts. 53–55).
 */
import { z } from 'zod';
import { zIsoDate, zRequiredText, zText, zUuid } from './common';

export const CONFERENCE_KINDS = ['annual', 'extraordinary'] as const;
export const PROPOSERS = ['union', 'head', 'staff'] as const;
export const CONSULTATION_FORMS = ['direct', 'meeting', 'written', 'box_or_system', 'union', 'other'] as const;
export const AUDIENCES = ['all', 'unit', 'delegates'] as const;
export const OUTCOMES = ['accepted', 'partly', 'rejected'] as const;
export const CONSULTATION_STATUSES = ['planned', 'open', 'closed', 'explained'] as const;
export const BOARD_POSITIONS = ['chair', 'deputy', 'member'] as const;

// ---------------------------------------------------------------- staff conference

export const ZResolutionItem = z.object({
  id: z.string(),
  title: z.string(),
  yes: z.number().int().nullable(),
  no: z.number().int().nullable(),
  abstain: z.number().int().nullable(),
  /** Computed: yes > 50% of those present (Art. 51(3)); null until the vote is recorded. */
  passed: z.boolean().nullable(),
});

export const ZConferenceSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: z.enum(CONFERENCE_KINDS),
  title: z.string(),
  scheduledOn: z.string(),
  heldOn: z.string().nullable(),
  convened: z.number().int(),
  present: z.number().int().nullable(),
  /** Computed: present ≥ 2/3 of those convened (Art. 51(3)). */
  quorumMet: z.boolean(),
  format: z.enum(['meeting', 'written_ballot']),
  /** DC-CONF: the annual conference by 3 months after the work year (Art. 51(1)); null for an extraordinary session. */
  dueOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  resolutions: z.array(ZResolutionItem),
});
export type TConferenceSummary = z.infer<typeof ZConferenceSummary>;
export const ZConferenceList = z.object({ items: z.array(ZConferenceSummary) });

export const ZReview = z.object({
  id: z.string(),
  occurrence: z.number().int(),
  dueOn: z.string(),
  reviewedOn: z.string(),
  summary: z.string(),
  staffInformedOn: z.string().nullable(),
});

/** A member elected to the People's Inspection Board: one of the agency's people (the inspection module opens the term). */
export const ZBoardMember = z.object({ userId: zUuid, position: z.enum(BOARD_POSITIONS) });
export const ZBoardElection = z.object({
  electedOn: zIsoDate,
  /** The term starts on the election day unless the conference set another day. */
  startsOn: zIsoDate.nullish(),
  /** The conference decided on more than 9 members (Decree 59/2023 Art. 21(2)). */
  moreThanNineDecided: z.boolean().default(false),
  members: z.array(ZBoardMember).min(1).max(30),
});

export const ZConference = ZConferenceSummary.extend({
  proposedBy: z.enum(PROPOSERS).nullable(),
  proposers: z.number().int().nullable(),
  staffTotal: z.number().int(),
  conveningMode: z.enum(['all', 'delegates']),
  conveningBasis: z.string(),
  optional: z.boolean(),
  quorum: z.number().int(),
  failedConvocations: z.number().int(),
  writtenBallotAllowed: z.boolean(),
  agenda: z.array(z.object({ key: z.string(), title: z.string(), done: z.boolean() })),
  dueExplanation: z.array(z.string()),
  resolutionNumber: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  reviews: z.array(ZReview),
  /** DC-RES-REVIEW: the next 6-monthly review due (Art. 52(3)), null before adoption. */
  nextReview: z.object({ occurrence: z.number().int(), dueOn: z.string(), overdue: z.boolean() }).nullable(),
  boardElection: z
    .object({
      electedOn: z.string(),
      /** `userId` is null on an election recorded by name before members were picked from the agency's people. */
      members: z.array(z.object({ userId: z.string().nullable(), name: z.string(), position: z.enum(BOARD_POSITIONS) })),
      recognizeBy: z.string(),
    })
    .nullable(),
  /**
   * Who is convened (Art. 51(2)): all staff below 100 (their number; `people` lists the agency's
   * accounts), or the delegates named; `named` of `convened` delegates are named so far.
   */
  convenedList: z.object({
    mode: z.enum(['all', 'delegates']),
    people: z.array(z.object({ id: z.string(), name: z.string() })),
    named: z.number().int(),
  }),
  /** Documents circulated before the conference, with how many days before it each went out. */
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      fileId: z.string(),
      filename: z.string(),
      circulatedOn: z.string(),
      daysBefore: z.number().int(),
    }),
  ),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean(), review: z.boolean() }),
});
export type TConference = z.infer<typeof ZConference>;

/** Name the delegates convened (Art. 51(2), from 100 staff): as many as the delegates agreed. */
export const ZSetDelegates = z.object({ delegateIds: z.array(zUuid).min(1).max(100000), version: z.number().int() });
/** Circulate a document before the conference: an uploaded file (POST /api/files). */
export const ZAddDocument = z.object({ title: zRequiredText(300), fileId: zUuid, circulatedOn: zIsoDate.nullish() });
export const ZDocumentParams = z.object({ id: zUuid, documentId: zUuid });

export const ZCreateConference = z.object({
  year: z.number().int().min(2023).max(2100),
  kind: z.enum(CONFERENCE_KINDS),
  title: zText(300).optional(),
  scheduledOn: zIsoDate,
  proposedBy: z.enum(PROPOSERS).nullish(),
  proposers: z.number().int().min(0).nullish(),
  /** Staff of the agency; defaults to the staff count of its units in force. */
  staffTotal: z.number().int().min(1).max(100000).optional(),
  /** Delegates convened (only when staff ≥ 100, agreed with the union). */
  delegates: z.number().int().min(1).nullish(),
});

export const ZAttendance = z.object({ heldOn: zIsoDate, present: z.number().int().min(0), version: z.number().int() });
export const ZWrittenBallot = z.object({ heldOn: zIsoDate, returned: z.number().int().min(0), version: z.number().int() });
export const ZAgendaUpdate = z.object({ done: z.array(z.string().max(50)), version: z.number().int() });
export const ZAddItem = z.object({ title: zRequiredText(1000) });
export const ZVote = z.object({ yes: z.number().int().min(0), no: z.number().int().min(0), abstain: z.number().int().min(0) });
export const ZAdopt = z.object({ adoptedOn: zIsoDate, resolutionNumber: zText(50).nullish(), version: z.number().int() });
export const ZRecordReview = z.object({ reviewedOn: zIsoDate, summary: zRequiredText(5000), staffInformedOn: zIsoDate.nullish() });
export const ZRecordElection = ZBoardElection.extend({ version: z.number().int() });
export const ZItemParams = z.object({ id: zUuid, itemId: zUuid });

// ---------------------------------------------------------------- consultations

export const ZConsultationSummary = z.object({
  id: z.string(),
  title: z.string(),
  matter: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  comments: z.number().int(),
  accepted: z.number().int(),
  partly: z.number().int(),
  rejected: z.number().int(),
  explanationPublishedOn: z.string().nullable(),
  /** The caller is among those consulted and has not commented yet. */
  awaitingMe: z.boolean(),
});
export type TConsultationSummary = z.infer<typeof ZConsultationSummary>;
export const ZConsultationList = z.object({ items: z.array(ZConsultationSummary) });

export const ZComment = z.object({
  id: z.string(),
  paragraph: z.number().int().nullable(),
  body: z.string(),
  anonymous: z.boolean(),
  /** Null when anonymous (to everyone but its author) or when the caller may not know it. */
  author: z.string().nullable(),
  mine: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type TComment = z.infer<typeof ZComment>;

/** The regulations staff are consulted on before they are issued (Law 10/2022 Arts. 53(8), 53(9), 59). */
export const REGULATIONS = ['democracy', 'spending'] as const;
export type TRegulation = (typeof REGULATIONS)[number];

/** One issued version of a regulation: v1, v2 … with the consultation that produced it and its disclosure (Art. 46(9)). */
export const ZRegulationVersion = z.object({
  id: z.string(),
  regulation: z.enum(REGULATIONS),
  number: z.number().int(),
  title: z.string(),
  consultationId: z.string(),
  consultationTitle: z.string(),
  issuedOn: z.string(),
  decisionRef: z.string(),
  /** The disclosure item publishing it; null if it could not be read. */
  disclosureId: z.string().nullable(),
  /** A later version replaced it. */
  superseded: z.boolean(),
});
export type TRegulationVersion = z.infer<typeof ZRegulationVersion>;
export const ZRegulationList = z.object({ items: z.array(ZRegulationVersion) });

export const ZIssueRegulation = z.object({
  issuedOn: zIsoDate,
  decisionRef: zRequiredText(100),
  /** Title of the issued regulation; defaults to the consultation's title without "Dự thảo". */
  title: zText(500).nullish(),
  version: z.number().int(),
});

export const ZConsultation = ZConsultationSummary.extend({
  draft: z.string(),
  paragraphs: z.array(z.string()),
  forms: z.array(z.enum(CONSULTATION_FORMS)),
  audience: z.enum(AUDIENCES),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  delegateIds: z.array(z.string()),
  allowAnonymous: z.boolean(),
  explanation: z.string().nullable(),
  /** The Office ended it before the closing date, everyone consulted having answered. */
  closedEarlyOn: z.string().nullable(),
  consulted: z.number().int(),
  responded: z.number().int(),
  commentList: z.array(ZComment),
  /** The regulation this consultation drafts (matter 8 or 9 of Art. 53), else null. */
  regulation: z.enum(REGULATIONS).nullable(),
  /** The version issued from this consultation, once issued. */
  issued: ZRegulationVersion.nullable(),
  version: z.number().int(),
  abilities: z.object({
    comment: z.boolean(),
    manage: z.boolean(),
    classify: z.boolean(),
    monitor: z.boolean(),
    issue: z.boolean(),
    /** Everyone consulted has answered while it is open: the Office may end it early. */
    closeEarly: z.boolean(),
  }),
});
export type TConsultation = z.infer<typeof ZConsultation>;

export const ZCreateConsultation = z.object({
  title: zRequiredText(500),
  matter: z.number().int().min(1).max(11),
  draft: zRequiredText(200000),
  forms: z.array(z.enum(CONSULTATION_FORMS)).min(1),
  audience: z.enum(AUDIENCES),
  unitId: zUuid.nullish(),
  delegateIds: z.array(zUuid).max(1000).optional(),
  opensOn: zIsoDate,
  closesOn: zIsoDate,
  allowAnonymous: z.boolean().optional(),
});

export const ZAddComment = z.object({
  paragraph: z.number().int().min(1).nullish(),
  body: zRequiredText(5000),
  anonymous: z.boolean().optional(),
});
export const ZClassify = z.object({ outcome: z.enum(OUTCOMES), reason: zText(2000).nullish() });
export const ZCloseEarly = z.object({ version: z.number().int() });
export const ZPublishExplanation = z.object({ explanation: zRequiredText(20000), version: z.number().int() });
export const ZCommentParams = z.object({ id: zUuid, commentId: zUuid });

/** The union's monitoring view (Art. 55): who was consulted and who answered, never which comment is whose. */
export const ZParticipation = z.object({
  consulted: z.number().int(),
  responded: z.number().int(),
  anonymousComments: z.number().int(),
  people: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string().nullable(), responded: z.boolean() })),
});
export type TParticipation = z.infer<typeof ZParticipation>;
export const ZReminded = z.object({ reminded: z.number().int() });
