/** HTTP routes of the `disclosures` module: the register, posting, receipts, requests, the sweep, the board sheet, the portal list. */
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ZErrorBody, zIdParams, zIsoDate, ZOk } from '../../../contracts/common';
import {
  ZAnswerRequest,
  ZBoardSheet,
  ZCreateDisclosure,
  ZDisclosure,
  ZDisclosureList,
  ZDisclosureSettings,
  ZDisclosureSettingsInput,
  ZPostDisclosure,
  ZPublicDisclosure,
  ZQuarterQuery,
  ZRequestWithdrawn,
  ZSweepAction,
  ZWithdrawDisclosure,
} from '../../../contracts/disclosures';
import { formatDmy } from '../../../domain';
import { recordAudit } from '../../platform/audit';
import { renderAdministrativeDocument } from '../../platform/docx';
import { AppError } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { can } from '../../platform/roles';
import { attachments, tenants } from '../../platform/tables';
import { boardDocument, quarterlyListDocument } from './board';
import {
  acknowledge,
  answerRequest,
  createItem,
  getItem,
  listItems,
  postedItems,
  postItem,
  publishedInQuarter,
  requestItem,
  saveSettings,
  settingsOf,
  withdrawByHand,
} from './service';
import { sweepDisclosures } from './sweep';

const tags = ['disclosures'];

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/disclosures',
    {
      schema: { tags, summary: 'Danh mục nội dung công khai / Disclosure register', response: { 200: ZDisclosureList, ...errorResponses } },
    },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.read')) throw new AppError('FORBIDDEN');
        return { items: await listItems(ctx) };
      }),
  );
  app.post(
    '/disclosures',
    {
      schema: {
        tags,
        summary: 'Đăng ký nội dung công khai / Register an item',
        body: ZCreateDisclosure,
        response: { 200: ZDisclosure, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const row = await createItem(ctx, req.body);
        return getItem(ctx, row.id);
      }),
  );
  app.get(
    '/disclosures/settings',
    { schema: { tags, summary: 'Thiết lập công khai / Publicity settings', response: { 200: ZDisclosureSettings, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.read')) throw new AppError('FORBIDDEN');
        const s = await settingsOf(ctx.tx);
        return { ...s, postingDays: s.communeLevel ? 30 : 20 };
      }),
  );
  app.put(
    '/disclosures/settings',
    {
      schema: {
        tags,
        summary: 'Cấp xã: niêm yết 30 ngày (Điều 13) / Commune level: 30 days of posting',
        body: ZDisclosureSettingsInput,
        response: { 200: ZDisclosureSettings, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        const s = await saveSettings(ctx, req.body);
        return { ...s, postingDays: s.communeLevel ? 30 : 20 };
      }),
  );
  app.get(
    '/disclosures/sweep',
    {
      schema: {
        tags,
        summary: 'Xem trước việc gỡ tin và nội dung quá hạn công khai / Preview of the sweep',
        querystring: z.object({ at: zIsoDate.optional() }),
        response: { 200: z.array(ZSweepAction), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.oversee')) throw new AppError('FORBIDDEN');
        return sweepDisclosures(ctx, req.query.at ?? ctx.today, { apply: false });
      }),
  );
  app.post(
    '/disclosures/sweep',
    {
      schema: {
        tags,
        summary: 'Rà soát ngay: chạy việc gỡ tin của hôm nay / Run today’s sweep now',
        response: { 200: z.array(ZSweepAction), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        // The Office withdraws what the nightly job would (Art. 48(1); the seed plan's "no expired
        // notices"), without waiting for the night: the same function, for today only.
        if (!can(ctx.actor, 'disclosures.manage')) throw new AppError('FORBIDDEN');
        const actions = await sweepDisclosures(ctx, ctx.today, { apply: true });
        const withdrawn = actions.filter((a) => a.action === 'withdraw').length;
        await recordAudit(ctx.tx, ctx.who, {
          action: 'disclosure.sweep_run',
          entityType: 'disclosure',
          summary: `Rà soát ngày ${formatDmy(ctx.today)}: gỡ ${withdrawn} nội dung, ${actions.length - withdrawn} nội dung quá hạn công khai`,
          after: { actions },
        });
        return actions;
      }),
  );
  app.get(
    '/disclosures/board',
    {
      schema: {
        tags,
        summary: 'Bảng tin để in (HTML) / The notice board, for the print page',
        response: { 200: ZBoardSheet, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.oversee')) throw new AppError('FORBIDDEN');
        const [agency] = await ctx.tx.select().from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        const { communeLevel } = await settingsOf(ctx.tx);
        const items = (await postedItems(ctx.tx)).filter((r) => r.channels.includes('board'));
        await recordAudit(ctx.tx, ctx.who, {
          action: 'disclosure.board_export',
          entityType: 'disclosure',
          summary: `Bản niêm yết ${items.length} nội dung (trang in)`,
        });
        return {
          agency: { name: agency!.name, parentName: agency!.parentName, place: agency!.place },
          today: ctx.today,
          postingDays: communeLevel ? 30 : 20,
          items: items.map((r) => ({
            id: r.id,
            title: r.title,
            category: r.category,
            sourceRef: r.sourceRef,
            decidedOn: r.decidedOn,
            postedOn: r.postedOn,
            postedUntil: r.postedUntil,
            keepPosted: r.keepPosted,
          })),
        };
      }),
  );
  app.get(
    '/disclosures/quarterly.docx',
    {
      schema: {
        tags,
        summary: 'Danh mục nội dung đã công khai trong quý, cấp xã (Điều 13) / Quarterly list of what a commune published',
        querystring: ZQuarterQuery,
      },
    },
    async (req, reply) => {
      const { year, quarter } = req.query;
      const bytes = await withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.oversee')) throw new AppError('FORBIDDEN');
        // Art. 13 is the commune's rule; an agency (Arts. 46–48) keeps no such list.
        if (!(await settingsOf(ctx.tx)).communeLevel) throw new AppError('DISCLOSURE_NOT_COMMUNE');
        const [agency] = await ctx.tx.select().from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        const items = await publishedInQuarter(ctx.tx, year, quarter);
        const out = await renderAdministrativeDocument(
          quarterlyListDocument(
            { name: agency!.name, parentName: agency!.parentName, place: agency!.place },
            items,
            year,
            quarter,
            ctx.today,
          ),
        );
        await recordAudit(ctx.tx, ctx.who, {
          action: 'disclosure.quarterly_export',
          entityType: 'disclosure',
          summary: `Danh mục công khai quý ${quarter}/${year}: ${items.length} nội dung`,
        });
        return out;
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="Danh-muc-cong-khai-Q${quarter}-${year}.docx"; filename*=UTF-8''${encodeURIComponent(`Danh mục công khai quý ${quarter} năm ${year}.docx`)}`,
      );
      return reply.send(bytes);
    },
  );
  app.get(
    '/disclosures/board.docx',
    { schema: { tags, summary: 'Bản niêm yết tại bảng tin (.docx) / Notice-board sheet' } },
    async (req, reply) => {
      const bytes = await withContext(req, async (ctx) => {
        if (!can(ctx.actor, 'disclosures.oversee')) throw new AppError('FORBIDDEN');
        const [agency] = await ctx.tx.select().from(tenants).where(eq(tenants.tenantId, ctx.actor.tenantId));
        const items = (await postedItems(ctx.tx)).filter((r) => r.channels.includes('board'));
        const { communeLevel } = await settingsOf(ctx.tx);
        const out = await renderAdministrativeDocument(
          boardDocument(
            { name: agency!.name, parentName: agency!.parentName, place: agency!.place },
            items,
            ctx.today,
            communeLevel ? 30 : 20,
          ),
        );
        await recordAudit(ctx.tx, ctx.who, {
          action: 'disclosure.board_export',
          entityType: 'disclosure',
          summary: `Bản niêm yết ${items.length} nội dung`,
        });
        return out;
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="Niem-yet-cong-khai.docx"; filename*=UTF-8''${encodeURIComponent('Niêm yết công khai.docx')}`,
      );
      return reply.send(bytes);
    },
  );
  app.get(
    '/disclosures/:id',
    {
      schema: { tags, summary: 'Một nội dung công khai / One item', params: zIdParams, response: { 200: ZDisclosure, ...errorResponses } },
    },
    (req) => withContext(req, (ctx) => getItem(ctx, req.params.id)),
  );
  app.post(
    '/disclosures/:id/post',
    {
      schema: {
        tags,
        summary: 'Công khai (niêm yết, đăng tải) / Post',
        params: zIdParams,
        body: ZPostDisclosure,
        response: { 200: ZDisclosure, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await postItem(ctx, req.params.id, req.body);
        return getItem(ctx, req.params.id);
      }),
  );
  app.post(
    '/disclosures/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Gỡ khỏi bảng tin / Withdraw',
        params: zIdParams,
        body: ZWithdrawDisclosure,
        response: { 200: ZDisclosure, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await withdrawByHand(ctx, req.params.id, req.body);
        return getItem(ctx, req.params.id);
      }),
  );
  app.post(
    '/disclosures/:id/acknowledge',
    { schema: { tags, summary: 'Xác nhận đã đọc / Acknowledge', params: zIdParams, response: { 200: ZDisclosure, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        await acknowledge(ctx, req.params.id);
        return getItem(ctx, req.params.id);
      }),
  );
  app.post(
    '/disclosures/:id/requests',
    {
      schema: {
        tags,
        summary: 'Đề nghị cung cấp thông tin đã gỡ (Điều 48 khoản 4) / Request a withdrawn item',
        params: zIdParams,
        body: ZRequestWithdrawn,
        response: { 200: ZDisclosure, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await requestItem(ctx, req.params.id, req.body);
        return getItem(ctx, req.params.id);
      }),
  );
  app.post(
    '/disclosure-requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'Trả lời đề nghị cung cấp / Answer a request',
        params: zIdParams,
        body: ZAnswerRequest,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await answerRequest(ctx, req.params.id, req.body);
        return { ok: true as const };
      }),
  );

  // ---- the public portal: items published to the public, under the agency ----
  const ZAgencyParams = z.object({ agency: z.string().min(1).max(100) });
  const lookup = { max: 60, timeWindow: '1 minute' };
  async function findAgency(code: string) {
    const [t] = await app.db.owner.select({ tenantId: tenants.tenantId }).from(tenants).where(eq(tenants.code, code));
    if (!t) throw new AppError('NOT_FOUND');
    return t.tenantId;
  }
  app.get(
    '/public/:agency/disclosures',
    {
      config: { public: true, rateLimit: lookup },
      schema: {
        tags: ['portal'],
        summary: 'Thông tin công khai của cơ quan / What the agency publishes',
        params: ZAgencyParams,
        response: { 200: z.object({ items: z.array(ZPublicDisclosure) }), ...errorResponses, 429: ZErrorBody },
      },
    },
    async (req) => {
      const tenantId = await findAgency(req.params.agency);
      const rows = await app.db.withTenant({ tenantId, userId: null }, async (tx) => {
        const items = await postedItems(tx, 'public');
        const files = new Map<string, string>();
        for (const r of items) {
          if (!r.sourceFileId) continue;
          const [f] = await tx.select({ filename: attachments.filename }).from(attachments).where(eq(attachments.id, r.sourceFileId));
          if (f) files.set(r.id, f.filename);
        }
        return items.map((r) => ({ r, filename: files.get(r.id) ?? null }));
      });
      const agency = encodeURIComponent(req.params.agency);
      return {
        items: rows.map(({ r, filename }) => ({
          id: r.id,
          title: r.title,
          summary: r.summary,
          category: r.category,
          sourceRef: r.sourceRef,
          decidedOn: r.decidedOn,
          postedOn: r.postedOn!,
          postedUntil: r.keepPosted ? null : r.postedUntil,
          file: filename ? { filename, url: `/api/public/${agency}/disclosures/${r.id}/file` } : null,
        })),
      };
    },
  );
  app.get(
    '/public/:agency/disclosures/:id/file',
    {
      config: { public: true, rateLimit: lookup },
      schema: { tags: ['portal'], summary: 'Văn bản kèm theo / The attached document', params: ZAgencyParams.extend({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const tenantId = await findAgency(req.params.agency);
      const file = await app.db.withTenant({ tenantId, userId: null }, async (tx) => {
        // Only an item posted to the public now serves its document: nothing withdrawn, internal or draft.
        const r = (await postedItems(tx, 'public')).find((x) => x.id === req.params.id);
        if (!r?.sourceFileId) return undefined;
        const [f] = await tx.select().from(attachments).where(eq(attachments.id, r.sourceFileId));
        return f;
      });
      if (!file) throw new AppError('NOT_FOUND');
      reply.header('content-type', file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      );
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(file.data);
    },
  );
};
