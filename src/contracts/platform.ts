/** Contracts of the platform services: audit viewer, notifications, files, search, dashboard. */
import { z } from 'zod';
import { zIsoDate, zText } from './common';

export const ZAuditQuery = z.object({
  entityType: zText(50).optional(),
  entityId: zText(100).optional(),
  action: zText(80).optional(),
  q: zText(100).optional(),
  from: zIsoDate.optional(),
  to: zIsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;
export const ZAuditPage = z.object({ rows: z.array(ZAuditRow), total: z.number(), page: z.number(), pageSize: z.number() });
/** The record types and actions this agency's log holds, for the filters. */
export const ZAuditFacets = z.object({ entityTypes: z.array(z.string()), actions: z.array(z.string()) });
export type TAuditFacets = z.infer<typeof ZAuditFacets>;

export const ZAuditVerify = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenSeq: z.number().nullable(),
  reason: z.string().nullable(),
});

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number() });

export const ZFileMeta = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() });

export const ZSearchHit = z.object({
  entityType: z.string(),
  entityId: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});

export const ZDashboard = z.object({
  stats: z.array(
    z.object({
      key: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
      value: z.number(),
      link: z.string().optional(),
      pillar: z.string().optional(),
    }),
  ),
});

/** The six pillars of the motto, in its order (DESIGN.md). Keep in sync with platform/module.ts PILLAR_CODES. */
export const PILLAR_CODES = ['know', 'discuss', 'do', 'inspect', 'supervise', 'benefit'] as const;
export const PILLAR_TONES = ['ok', 'watch', 'behind', 'info'] as const;
const ZBilingual = z.object({ vi: z.string(), en: z.string() });

export const ZPillarCard = z.object({
  key: z.string(),
  pillar: z.enum(PILLAR_CODES),
  title: ZBilingual,
  value: z.number().nullable(),
  display: z.string(),
  tone: z.enum(PILLAR_TONES),
  how: ZBilingual,
  link: z.string().optional(),
  rows: z.array(z.object({ label: z.string(), display: z.string(), tone: z.enum(PILLAR_TONES), link: z.string().optional() })).optional(),
  trend: z.array(z.object({ label: z.string(), value: z.number().nullable() })).optional(),
});
export type TPillarCard = z.infer<typeof ZPillarCard>;

export const ZWaitingItem = z.object({
  key: z.string(),
  pillar: z.enum(PILLAR_CODES),
  label: ZBilingual,
  count: z.number(),
  due: z.string().nullable().optional(),
  link: z.string(),
});
export type TWaitingItem = z.infer<typeof ZWaitingItem>;

/** `GET /api/dashboard/pillars`: the leader's dashboard by pillar, for the person asking. */
export const ZPillarBoard = z.object({ cards: z.array(ZPillarCard), waiting: z.array(ZWaitingItem) });
export type TPillarBoard = z.infer<typeof ZPillarBoard>;
