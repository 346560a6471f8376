/** HTTP routes of the `org` module: units and people. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ZOk, zIdParams, zText, zUuid } from '../../../contracts/common';
import {
  ZCreatePersonRequest,
  ZCreateUnitRequest,
  ZPerson,
  ZResetPasswordRequest,
  ZRoleDecision,
  ZRoleRequest,
  ZUnit,
  ZUnitListQuery,
  ZUpdatePersonRequest,
  ZUpdateUnitRequest,
} from '../../../contracts/org';
import { withContext } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { personPolicy, unitPolicy } from './policy';
import { can, hasRole } from '../../platform/roles';
import { AppError } from '../../platform/errors';
import {
  createPerson,
  createUnit,
  decideRoleRequest,
  findPeople,
  findUnits,
  getPerson,
  getUnit,
  listRoleRequests,
  resetPassword,
  unlockPerson,
  updatePerson,
  updateUnit,
} from './service';

const tags = ['org'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'Danh sách đơn vị / List units',
        querystring: ZUnitListQuery,
        response: { 200: z.array(ZUnit), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(unitPolicy, ctx.actor, 'read', { id: '' });
        return findUnits(ctx, { at: req.query.at, all: req.query.all === 'true', q: req.query.q });
      }),
  );
  app.get(
    '/units/:id',
    { schema: { tags, summary: 'Một đơn vị / One unit', params: zIdParams, response: { 200: ZUnit, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        const unit = await getUnit(ctx, req.params.id);
        authorize(unitPolicy, ctx.actor, 'read', unit);
        return unit;
      }),
  );
  app.post(
    '/units',
    { schema: { tags, summary: 'Tạo đơn vị / Create a unit', body: ZCreateUnitRequest, response: { 200: ZUnit, ...errorResponses } } },
    (req) =>
      withContext(req, (ctx) => {
        authorize(unitPolicy, ctx.actor, 'create', { id: '' });
        return createUnit(ctx, req.body);
      }),
  );
  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị / Update a unit',
        params: zIdParams,
        body: ZUpdateUnitRequest,
        response: { 200: ZUnit, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        authorize(unitPolicy, ctx.actor, 'update', await getUnit(ctx, req.params.id));
        return updateUnit(ctx, req.params.id, req.body);
      }),
  );

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Danh bạ / People',
        querystring: z.object({ q: zText(100).optional(), unitId: zUuid.optional() }),
        response: { 200: z.array(ZPerson), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(personPolicy, ctx.actor, 'read', { id: '' });
        return findPeople(ctx, req.query);
      }),
  );
  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Một người / One person', params: zIdParams, response: { 200: ZPerson, ...errorResponses } } },
    (req) =>
      withContext(req, async (ctx) => {
        const p = await getPerson(ctx, req.params.id);
        authorize(personPolicy, ctx.actor, 'read', p);
        return p;
      }),
  );
  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Thêm người dùng / Create a person',
        body: ZCreatePersonRequest,
        response: { 200: ZPerson, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        authorize(personPolicy, ctx.actor, 'create', { id: '' });
        return createPerson(ctx, req.body);
      }),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Sửa người dùng và vai trò / Update a person and roles',
        params: zIdParams,
        body: ZUpdatePersonRequest,
        response: { 200: ZPerson, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        authorize(personPolicy, ctx.actor, 'update', await getPerson(ctx, req.params.id));
        return updatePerson(ctx, req.params.id, req.body);
      }),
  );
  app.post(
    '/people/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu / Reset a password',
        params: zIdParams,
        body: ZResetPasswordRequest,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        authorize(personPolicy, ctx.actor, 'resetPassword', await getPerson(ctx, req.params.id));
        await resetPassword(ctx, req.params.id, req.body.password);
        return { ok: true as const };
      }),
  );
  app.post(
    '/people/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Mở khóa đăng nhập / Lift log-in locks',
        params: zIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async (ctx) => {
        authorize(personPolicy, ctx.actor, 'unlock', await getPerson(ctx, req.params.id));
        await unlockPerson(ctx, req.params.id);
        return { ok: true as const };
      }),
  );
  // Grants of roles carrying case powers, waiting for a second person of the leadership (issue #16).
  app.get(
    '/role-requests',
    {
      schema: {
        tags,
        summary: 'Vai trò chờ phê duyệt / Role grants awaiting approval',
        response: { 200: z.array(ZRoleRequest), ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        if (!can(ctx.actor, 'people.manage') && !hasRole(ctx.actor, 'leader')) throw new AppError('FORBIDDEN');
        return listRoleRequests(ctx);
      }),
  );
  app.post(
    '/role-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Phê duyệt vai trò / Approve or refuse a role grant',
        params: zIdParams,
        body: ZRoleDecision,
        response: { 200: z.array(ZRoleRequest), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => decideRoleRequest(ctx, req.params.id, req.body.approved)),
  );
};
