/**
 * HTTP routes of cases (issue #5): the list, intake, one case, its workflow actions, parties and
 * reveals, the printable case file, oversight, statistics and the deadline rules.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCase,
  ZCaseAction,
  ZCaseIntake,
  ZCaseList,
  ZCaseListQuery,
  ZCaseOversight,
  ZCaseStatistics,
  ZDeadlineRule,
  ZPartyInput,
  ZRevealedParty,
  ZRevealRequest,
} from '../../../contracts/cases';
import { errorResponses, zIdParams, zRequiredText, zUuid } from '../../../contracts/common';
import { DEFAULT_RULE_REGISTRY, formatBasis } from '../../../domain/deadlines';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { can } from '../../platform/roles';
import { tenants } from '../../platform/tables';
import { act } from './commands/act';
import { addParty } from './commands/add-party';
import { createCase } from './commands/create-case';
import { editCase } from './commands/edit-case';
import { revealParty } from './commands/reveal-party';
import { caseFileDocx } from './export';
import { getCase } from './queries/get-case';
import { listCases } from './queries/list-cases';
import { oversight } from './queries/oversight';
import { statistics } from './queries/statistics';

const tags = ['cases'];

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases',
    {
      config: { readOnly: true },
      schema: { tags, summary: 'Danh sách đơn thư / Cases', querystring: ZCaseListQuery, response: { 200: ZCaseList, ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => listCases(ctx, req.query)),
  );
  app.post(
    '/cases',
    { schema: { tags, summary: 'Tiếp nhận đơn / Receive a case', body: ZCaseIntake, response: { 200: ZCase, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'cases.manage')) throw new AppError('FORBIDDEN');
        // Cases received by the agency get a tracking code too: the citizen can follow it on the portal.
        const c = await createCase(ctx, req.body, { trackingCode: true });
        return getCase(ctx, c.id);
      }),
  );
  app.get(
    '/cases/oversight',
    {
      // Kept between changes of the agency's data (response-cache.ts): 30 ms of SQL at 100,000 cases.
      config: { readOnly: true, cache: true },
      schema: { tags, summary: 'Theo dõi hạn, quá hạn, kéo dài / Oversight', response: { 200: ZCaseOversight, ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => oversight(ctx)),
  );
  app.get(
    '/cases/stats',
    // Not `readOnly` (issue #17): a reader of the whole agency recounts the months whose cases
    // changed since their last count and stores them (`case_stat_months`), which a replica refuses.
    // Kept between changes of the agency's data (response-cache.ts): after a change the recount
    // runs again on the next miss.
    {
      config: { cache: true },
      schema: {
        tags,
        summary: 'Thống kê / Statistics',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ZCaseStatistics, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => statistics(ctx, req.query.year ?? Number(ctx.today.slice(0, 4)))),
  );
  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'Một vụ việc / One case', params: zIdParams, response: { 200: ZCase, ...errorResponses } } },
    (req, reply) => {
      // A case page may hold what only its handler may read: never kept in a cache (issue #16).
      reply.header('cache-control', 'no-store');
      return withContext(req, (ctx) => getCase(ctx, req.params.id));
    },
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
        response: { 200: ZCase, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await editCase(ctx, req.params.id, req.body);
        return getCase(ctx, req.params.id);
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
        response: { 200: ZCase, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await act(ctx, req.params.id, req.body);
        return getCase(ctx, req.params.id);
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
        response: { 200: ZCase, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await addParty(ctx, req.params.id, req.body);
        return getCase(ctx, req.params.id);
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
        response: { 200: ZRevealedParty, ...errorResponses },
      },
    },
    (req, reply) => {
      // A revealed identity must not stay in any cache.
      reply.header('cache-control', 'no-store');
      return withContext(req, async (ctx) => ({ identity: await revealParty(ctx, req.params.id, req.params.partyId, req.body.reason) }));
    },
  );
  app.get(
    '/cases/:id/file.docx',
    { schema: { tags, summary: 'Hồ sơ vụ việc (.docx) / The case file', params: zIdParams } },
    async (req, reply) => {
      const { bytes, code } = await withContext(req, async (ctx) => {
        const c = await getCase(ctx, req.params.id);
        const [t] = await ctx.tx.select().from(tenants);
        await recordAudit(ctx.tx, ctx.who, { action: 'case.export', entityType: 'case', entityId: c.id, summary: `${c.code}: tải hồ sơ` });
        const agency = { name: t?.name ?? '', parentName: t?.parentName ?? null, place: t?.place ?? '' };
        return { bytes: await caseFileDocx(c, agency, ctx.today), code: c.code };
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
    { schema: { tags, summary: 'Quy tắc thời hạn / Deadline rules', response: { 200: z.array(ZDeadlineRule), ...errorResponses } } },
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
};
