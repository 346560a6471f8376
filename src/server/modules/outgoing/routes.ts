/** HTTP routes of the `outgoing` module: the register of outgoing documents, its .xlsx and the agency's code in symbols. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  ZOutgoingDocument,
  ZOutgoingInput,
  ZOutgoingList,
  ZOutgoingQuery,
  ZOutgoingSettings,
  ZOutgoingSettingsInput,
} from '../../../contracts/outgoing';
import { recordAudit } from '../../platform/audit';
import { withContext } from '../../platform/http';
import { issueNumber, issuerCode, listRegister, registerXlsx, saveSettings } from './service';
import { AppError } from '../../platform/errors';
import { can } from '../../platform/roles';

const tags = ['outgoing'];

export const outgoingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outgoing',
    {
      schema: {
        tags,
        summary: 'Sổ đăng ký văn bản đi / Register of outgoing documents',
        querystring: ZOutgoingQuery,
        response: { 200: ZOutgoingList, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listRegister(ctx, req.query)),
  );
  app.post(
    '/outgoing',
    {
      schema: {
        tags,
        summary: 'Cấp số văn bản đi / Number an outgoing document',
        body: ZOutgoingInput,
        response: { 200: ZOutgoingDocument, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => issueNumber(ctx, req.body)),
  );
  app.get(
    '/outgoing/export.xlsx',
    { schema: { tags, summary: 'Xuất sổ văn bản đi (.xlsx) / Export the register', querystring: ZOutgoingQuery } },
    async (req, reply) => {
      const { bytes, year } = await withContext(req, async (ctx) => {
        const list = await listRegister(ctx, req.query);
        await recordAudit(ctx.tx, ctx.who, {
          action: 'outgoing.export',
          entityType: 'outgoing_register',
          entityId: null,
          summary: `Sổ văn bản đi năm ${list.year}${req.query.typeCode ? ` (${req.query.typeCode})` : ''}`,
        });
        return { bytes: await registerXlsx(list), year: list.year };
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename="so-van-ban-di-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Sổ văn bản đi ${year}.xlsx`)}`,
      );
      return reply.send(bytes);
    },
  );
  app.get(
    '/outgoing/settings',
    {
      schema: {
        tags,
        summary: 'Mã cơ quan trong ký hiệu văn bản / The agency code in symbols',
        response: { 200: ZOutgoingSettings, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        if (!can(ctx.actor, 'outgoing.read')) throw new AppError('NOT_FOUND');
        return issuerCode(ctx.tx);
      }),
  );
  app.put(
    '/outgoing/settings',
    {
      schema: {
        tags,
        summary: 'Đặt mã cơ quan trong ký hiệu văn bản / Set the agency code in symbols',
        body: ZOutgoingSettingsInput,
        response: { 200: ZOutgoingSettings, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => saveSettings(ctx, req.body)),
  );
};
