/** HTTP routes of the `targets` module: the year's pillar targets, and the Office's setting of one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ZOk } from '../../../contracts/common';
import { ZPillarTarget, ZTargetInput, ZTargetsQuery } from '../../../contracts/targets';
import { withContext } from '../../platform/http';
import { AppError } from '../../platform/errors';
import { can } from '../../platform/roles';
import { listTargets, setTarget } from './service';

const tags = ['targets'];

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pillar-targets',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu của bảng điều khiển theo năm / Dashboard targets by year',
        querystring: ZTargetsQuery,
        response: { 200: z.array(ZPillarTarget), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        if (!can(ctx.actor, 'targets.read')) throw new AppError('FORBIDDEN');
        return listTargets(ctx, req.query.year);
      }),
  );
  app.put(
    '/pillar-targets',
    {
      schema: {
        tags,
        summary: 'Đặt chỉ tiêu một năm (null: về mặc định) / Set a year’s target (null: back to the default)',
        body: ZTargetInput,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        await setTarget(ctx, req.body);
        return { ok: true as const };
      }),
  );
};
