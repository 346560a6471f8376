/** The `org` module: units (effective-dated, with succession) and people with their roles. */
import { z } from 'zod';
import { errorResponses, zIdParams, ZOk, zText, zUuid } from '../../../contracts/common';
import {
  ZCreatePersonRequest,
  ZCreateUnitRequest,
  ZPerson,
  ZResetPasswordRequest,
  ZUnit,
  ZUnitListQuery,
  ZUpdatePersonRequest,
  ZUpdateUnitRequest,
} from '../../../contracts/org';
import { auditActorOf, inTenant } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { defineModule } from '../manifest';
import { personPolicy, unitPolicy } from './policy';
import { createPerson, createUnit, findPeople, findUnits, getPerson, getUnit, resetPassword, updatePerson, updateUnit } from './service';
import { users, units } from '../../platform/tables';
import { count, eq } from 'drizzle-orm';
import { todayInVietnam } from '../../platform/clock';

const tags = ['org'];

export const orgModule = defineModule({
  name: 'org',
  routes: async (app) => {
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
        inTenant(req, (tx, actor) => {
          authorize(unitPolicy, actor, 'read', { id: '' });
          return findUnits(tx, actor, { at: req.query.at, all: req.query.all === 'true', q: req.query.q });
        }),
    );
    app.get(
      '/units/:id',
      { schema: { tags, summary: 'Một đơn vị / One unit', params: zIdParams, response: { 200: ZUnit, ...errorResponses } } },
      (req) =>
        inTenant(req, async (tx, actor) => {
          const unit = await getUnit(tx, actor, req.params.id);
          authorize(unitPolicy, actor, 'read', unit);
          return unit;
        }),
    );
    app.post(
      '/units',
      { schema: { tags, summary: 'Tạo đơn vị / Create a unit', body: ZCreateUnitRequest, response: { 200: ZUnit, ...errorResponses } } },
      (req) =>
        inTenant(req, (tx, actor) => {
          authorize(unitPolicy, actor, 'create', { id: '' });
          return createUnit(tx, actor, auditActorOf(req), req.body);
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
        inTenant(req, async (tx, actor) => {
          authorize(unitPolicy, actor, 'update', await getUnit(tx, actor, req.params.id));
          return updateUnit(tx, actor, auditActorOf(req), req.params.id, req.body);
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
        inTenant(req, (tx, actor) => {
          authorize(personPolicy, actor, 'read', { id: '' });
          return findPeople(tx, req.query);
        }),
    );
    app.get(
      '/people/:id',
      { schema: { tags, summary: 'Một người / One person', params: zIdParams, response: { 200: ZPerson, ...errorResponses } } },
      (req) =>
        inTenant(req, async (tx, actor) => {
          const p = await getPerson(tx, req.params.id);
          authorize(personPolicy, actor, 'read', p);
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
        inTenant(req, (tx, actor) => {
          authorize(personPolicy, actor, 'create', { id: '' });
          return createPerson(tx, actor, auditActorOf(req), req.body);
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
        inTenant(req, async (tx, actor) => {
          authorize(personPolicy, actor, 'update', await getPerson(tx, req.params.id));
          return updatePerson(tx, actor, auditActorOf(req), req.params.id, req.body);
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
        inTenant(req, async (tx, actor) => {
          authorize(personPolicy, actor, 'resetPassword', await getPerson(tx, req.params.id));
          await resetPassword(tx, auditActorOf(req), req.params.id, req.body.password);
          return { ok: true as const };
        }),
    );
  },
  dashboard: async (tx) => {
    const today = todayInVietnam();
    const all = await tx.select({ validFrom: units.validFrom, validTo: units.validTo, staff: units.staffCount }).from(units);
    const active = all.filter((u) => u.validFrom <= today && (u.validTo === null || u.validTo >= today));
    const [people] = await tx.select({ n: count() }).from(users).where(eq(users.isActive, true));
    return [
      { key: 'org.units', label: { vi: 'Đơn vị đang hoạt động', en: 'Active units' }, value: active.length, link: '/org/units' },
      {
        key: 'org.people',
        label: { vi: 'Tài khoản đang dùng', en: 'Active accounts' },
        value: Number(people?.n ?? 0),
        link: '/org/people',
      },
      {
        key: 'org.staff',
        label: { vi: 'Tổng biên chế (theo đơn vị)', en: 'Total staff (by unit)' },
        value: active.reduce((s, u) => s + u.staff, 0),
        link: '/org/units',
      },
    ];
  },
});
