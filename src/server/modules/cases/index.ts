/**
 * The `cases` module (issue #5): complaints, denunciations, petitions and feedback with their
 * statutory deadlines, protected identities, oversight and statistics, the printable case file,
 * and the public portal's routes.
 */
import { z } from 'zod';
import { ZCaseAction, ZCaseIntake, ZCaseListQuery, ZPartyInput, ZRevealRequest } from '../../../contracts/cases';
import { errorResponses, zIdParams, zRequiredText, zUuid } from '../../../contracts/common';
import { DEADLINE_ERRORS, DEFAULT_RULE_REGISTRY, formatBasis } from '../../../domain/deadlines';
import type { AuditActor } from '../../platform/audit';
import type { Database } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { registerAttachmentGuard } from '../../platform/files';
import { auditActorOf, inTenant } from '../../platform/http';
import { can } from '../../platform/roles';
import { tenants } from '../../platform/tables';
import { onCalendarChanged } from '../calendar/service';
import { defineModule } from '../manifest';
import { seedCasesDemo } from './demo';
import { caseFileDocx } from './export';
import { PORTAL_ERRORS, portalRoutes, purgeSpentChallenges } from './portal';
import {
  act,
  addParty,
  caseIndicators,
  createCase,
  editCase,
  getCase,
  listCases,
  mayReadCaseFile,
  oversight,
  recomputeOpenCases,
  refreshAllOpen,
  revealParty,
  statistics,
} from './service';
import { todayInVietnam } from '../../platform/clock';

const tags = ['cases'];

// Any change of the holiday calendar moves the working-day deadlines of open cases (issue #5).
onCalendarChanged(async (tx, who: AuditActor) => {
  await recomputeOpenCases(tx, who, todayInVietnam());
});

// A case's documents are served only to those who may read the case file.
registerAttachmentGuard('case', (tx, actor, entityId) => mayReadCaseFile(tx, actor, entityId));
// Uploaded for a case not yet saved: only the uploader (entityId) may open it.
registerAttachmentGuard('case_pending', async (_tx, actor, entityId) => actor.userId === entityId);

/** Daily: stored deadline states follow the date (open → missed) for lists and oversight. */
export async function refreshCaseDeadlines(db: Database, today = todayInVietnam()): Promise<void> {
  for (const t of await db.owner.select({ id: tenants.tenantId }).from(tenants)) {
    await db.withTenant({ tenantId: t.id }, (tx) => refreshAllOpen(tx, today));
  }
}

export { caseIndicators };

export const casesModule = defineModule({
  name: 'cases',
  errors: {
    ...DEADLINE_ERRORS,
    ...PORTAL_ERRORS,
    CASE_ALREADY_FORWARDED: {
      status: 409,
      vi: 'Nội dung này đã được chuyển đơn một lần; không chuyển tiếp lần nữa (Thông tư 05/2021/TT-TTCP, Điều 14)',
      en: 'This content has already been forwarded once; it is not forwarded again (Circular 05/2021/TT-TTCP Art. 14)',
    },
    CASE_ANONYMOUS: {
      status: 409,
      vi: 'Tố cáo nặc danh không được thụ lý giải quyết theo Luật Tố cáo; chỉ lưu làm thông tin (Điều 25)',
      en: 'An anonymous denunciation is not accepted under the Law on Denunciations; it is kept as information (Art. 25)',
    },
    CASE_DIALOGUE_REQUIRED: {
      status: 409,
      vi: 'Giải quyết khiếu nại lần hai phải tổ chức đối thoại trước khi ra quyết định (Luật Khiếu nại 2011, Điều 38)',
      en: 'A second-instance complaint requires a dialogue before the decision (Law on Complaints 2011 Art. 38)',
    },
  },
  routes: async (app) => {
    app.get(
      '/cases',
      {
        schema: { tags, summary: 'Danh sách đơn thư / Cases', querystring: ZCaseListQuery, response: { 200: z.any(), ...errorResponses } },
      },
      (req) => inTenant(req, (tx, actor) => listCases(tx, actor, req.query, todayInVietnam())),
    );
    app.post(
      '/cases',
      { schema: { tags, summary: 'Tiếp nhận đơn / Receive a case', body: ZCaseIntake, response: { 200: z.any(), ...errorResponses } } },
      (req) =>
        inTenant(req, async (tx, actor) => {
          if (!can(actor, 'cases.manage')) throw new AppError('FORBIDDEN');
          const today = todayInVietnam();
          // Cases received by the agency get a tracking code too: the citizen can follow it on the portal.
          const c = await createCase(tx, auditActorOf(req), req.body, today, { trackingCode: true });
          return getCase(tx, actor, c.id, today);
        }),
    );
    app.get(
      '/cases/oversight',
      { schema: { tags, summary: 'Theo dõi hạn, quá hạn, kéo dài / Oversight', response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx, actor) => oversight(tx, actor, todayInVietnam())),
    );
    app.get(
      '/cases/stats',
      {
        schema: {
          tags,
          summary: 'Thống kê / Statistics',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) => inTenant(req, (tx, actor) => statistics(tx, actor, req.query.year ?? Number(todayInVietnam().slice(0, 4)))),
    );
    app.get(
      '/cases/:id',
      { schema: { tags, summary: 'Một vụ việc / One case', params: zIdParams, response: { 200: z.any(), ...errorResponses } } },
      (req) => inTenant(req, (tx, actor) => getCase(tx, actor, req.params.id, todayInVietnam())),
    );
    app.patch(
      '/cases/:id',
      {
        schema: {
          tags,
          summary: 'Sửa thông tin tiếp nhận / Edit intake facts',
          params: zIdParams,
          body: z.object({
            version: z.number().int(),
            subject: zRequiredText(300).optional(),
            content: zRequiredText(20_000).optional(),
            remote: z.boolean().optional(),
            aboutRegulation: z.boolean().optional(),
          }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx, actor) => {
          await editCase(tx, actor, auditActorOf(req), req.params.id, req.body, todayInVietnam());
          return getCase(tx, actor, req.params.id, todayInVietnam());
        }),
    );
    app.post(
      '/cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'Thao tác xử lý / Workflow action',
          params: zIdParams,
          body: ZCaseAction,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx, actor) => {
          const today = todayInVietnam();
          await act(tx, actor, auditActorOf(req), req.params.id, req.body, today);
          return getCase(tx, actor, req.params.id, today);
        }),
    );
    app.post(
      '/cases/:id/parties',
      {
        schema: {
          tags,
          summary: 'Thêm người liên quan / Add a party',
          params: zIdParams,
          body: ZPartyInput.extend({ version: z.number().int() }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req) =>
        inTenant(req, async (tx, actor) => {
          await addParty(tx, actor, auditActorOf(req), req.params.id, req.body);
          return getCase(tx, actor, req.params.id, todayInVietnam());
        }),
    );
    app.post(
      '/cases/:id/parties/:partyId/reveal',
      {
        schema: {
          tags,
          summary: 'Xem thông tin được bảo vệ (ghi nhật ký) / Reveal a protected identity (logged)',
          params: z.object({ id: zUuid, partyId: zUuid }),
          body: ZRevealRequest,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      (req, reply) => {
        // A revealed identity must not stay in any cache.
        reply.header('cache-control', 'no-store');
        return inTenant(req, async (tx, actor) => ({
          identity: await revealParty(tx, actor, auditActorOf(req), req.params.id, req.params.partyId, req.body.reason, todayInVietnam()),
        }));
      },
    );
    app.get(
      '/cases/:id/file.docx',
      { schema: { tags, summary: 'Hồ sơ vụ việc (.docx) / The case file', params: zIdParams } },
      async (req, reply) => {
        const { bytes, code } = await inTenant(req, async (tx, actor) => {
          const c = await getCase(tx, actor, req.params.id, todayInVietnam());
          const [t] = await tx.select().from(tenants);
          await (await import('../../platform/audit')).recordAudit(tx, auditActorOf(req), {
            action: 'case.export',
            entityType: 'case',
            entityId: c.id,
            summary: `${c.code}: tải hồ sơ`,
          });
          return {
            bytes: await caseFileDocx(
              c,
              { name: t?.name ?? '', parentName: t?.parentName ?? null, place: t?.place ?? '' },
              todayInVietnam(),
            ),
            code: c.code,
          };
        });
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        reply.header('cache-control', 'no-store');
        reply.header(
          'content-disposition',
          `attachment; filename="ho-so-${code}.docx"; filename*=UTF-8''${encodeURIComponent(`Hồ sơ ${code}.docx`)}`,
        );
        return reply.send(bytes);
      },
    );
    app.get(
      '/deadline-rules',
      { schema: { tags, summary: 'Quy tắc thời hạn / Deadline rules', response: { 200: z.any(), ...errorResponses } } },
      () =>
        DEFAULT_RULE_REGISTRY.ids().flatMap((id) =>
          DEFAULT_RULE_REGISTRY.versions(id).map((r) => ({
            id: r.id,
            version: r.version,
            title: r.title,
            titleEn: r.titleEn,
            validFrom: r.validFrom,
            validTo: r.validTo ?? null,
            basis: r.basis.map(formatBasis),
            confidence: r.confidence,
          })),
        ),
    );
    await app.register(portalRoutes);
  },
  jobs: (jobs, db) => {
    jobs.register(
      'cases.refresh-deadlines',
      async () => {
        await refreshCaseDeadlines(db);
      },
      { cron: '5 0 * * *' },
    );
    jobs.register(
      'portal.purge-challenges',
      async () => {
        await purgeSpentChallenges(db);
      },
      { cron: '23 * * * *' },
    );
  },
  dashboard: async (tx, actor) => {
    const o = await oversight(tx, actor, todayInVietnam());
    return [
      {
        key: 'cases.overdue',
        label: { vi: 'Đơn thư quá hạn', en: 'Overdue cases' },
        value: o.overdue.length,
        link: '/cases/oversight',
        pillar: 'supervise',
      },
      {
        key: 'cases.due_soon',
        label: { vi: 'Đơn thư sắp đến hạn', en: 'Cases due soon' },
        value: o.dueSoon.length,
        link: '/cases/oversight',
        pillar: 'supervise',
      },
    ];
  },
  seedDemo: seedCasesDemo,
});
