/** HTTP routes of the `calendar` module: days off per year, their edits, and the deadline calculator. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCalendarEntryRequest,
  ZCalendarEntryUpdate,
  ZCalendarRecomputeLatest,
  ZCalendarYear,
  ZCalendarYears,
  ZComputation,
  ZComputeQuery,
  ZConfirmYearRequest,
  ZYearParams,
} from '../../../contracts/calendar';
import { errorResponses, zIdParams } from '../../../contracts/common';
import { addDays, FIRST_GENERATED_YEAR, LAST_GENERATED_YEAR, parseIsoDate } from '../../../domain';
import { AppError, invalid } from '../../platform/errors';
import { withContext } from '../../platform/http';
import { type Actor, can } from '../../platform/roles';
import {
  addEntry,
  calendarYearsInUse,
  confirmYear,
  deleteEntry,
  effectiveDaysOff,
  latestRecompute,
  updateEntry,
  workingCalendarFor,
} from './service';

const tags = ['calendar'];

function mustManage(actor: Actor): void {
  if (!can(actor, 'calendar.manage')) throw new AppError('FORBIDDEN');
}

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        summary: 'Các năm đã có lịch riêng / Years with a calendar of their own',
        response: { 200: ZCalendarYears, ...errorResponses },
      },
    },
    (req) => withContext(req, async ({ tx }) => ({ years: await calendarYearsInUse(tx) })),
  );
  app.get(
    '/calendar/recompute',
    {
      schema: {
        tags,
        summary: 'Tiến độ tính lại thời hạn sau lần thay đổi lịch gần nhất / Progress of the deadline recomputation',
        response: { 200: ZCalendarRecomputeLatest, ...errorResponses },
      },
    },
    (req) => withContext(req, async ({ tx }) => ({ recompute: await latestRecompute(tx) })),
  );
  app.get(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: 'Lịch nghỉ của năm / Days off of a year',
        params: ZYearParams,
        response: { 200: ZCalendarYear, ...errorResponses },
      },
    },
    (req) => withContext(req, ({ tx, actor }) => effectiveDaysOff(tx, req.params.year, actor)),
  );
  app.post(
    '/calendar/:year/entries',
    {
      schema: {
        tags,
        summary: 'Thêm ngày nghỉ / làm bù / Add an entry',
        params: ZYearParams,
        body: ZCalendarEntryRequest,
        response: { 200: ZCalendarYear, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        mustManage(ctx.actor);
        return addEntry(ctx, req.params.year, req.body);
      }),
  );
  app.patch(
    '/calendar/entries/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một mục / Update an entry',
        params: zIdParams,
        body: ZCalendarEntryUpdate,
        response: { 200: ZCalendarYear, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        mustManage(ctx.actor);
        return updateEntry(ctx, req.params.id, req.body);
      }),
  );
  app.delete(
    '/calendar/entries/:id',
    {
      schema: { tags, summary: 'Xóa một mục / Delete an entry', params: zIdParams, response: { 200: ZCalendarYear, ...errorResponses } },
    },
    (req) =>
      withContext(req, (ctx) => {
        mustManage(ctx.actor);
        return deleteEntry(ctx, req.params.id);
      }),
  );
  app.post(
    '/calendar/:year/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận lịch nghỉ của năm / Confirm the year',
        params: ZYearParams,
        body: ZConfirmYearRequest,
        response: { 200: ZCalendarYear, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, (ctx) => {
        mustManage(ctx.actor);
        return confirmYear(ctx, req.params.year, req.body);
      }),
  );
  app.get(
    '/calendar/compute',
    {
      schema: {
        tags,
        summary: 'Tính hạn theo ngày làm việc / Compute a deadline',
        querystring: ZComputeQuery,
        response: { 200: ZComputation, ...errorResponses },
      },
    },
    (req) =>
      withContext(req, async ({ tx }) => {
        const { from, days, type } = req.query;
        const start = parseIsoDate(from).year;
        const end = parseIsoDate(addDays(from, type === 'before' ? 0 : days * 2 + 60)).year;
        const lo = type === 'before' ? parseIsoDate(addDays(from, -(days * 2 + 60))).year : start;
        // The statutory holidays are generated for these years only (Labour Code 2019, lunar calendar checked).
        if (lo < FIRST_GENERATED_YEAR || end > LAST_GENERATED_YEAR) {
          const range = `${FIRST_GENERATED_YEAR}–${LAST_GENERATED_YEAR}`;
          throw invalid('from', `ngoài phạm vi lịch (${range})`, `outside the calendar range (${range})`);
        }
        const years = Array.from({ length: end - lo + 1 }, (_, i) => lo + i);
        const cal = await workingCalendarFor(tx, years);
        const r =
          type === 'working'
            ? cal.explainAddWorkingDays(from, days)
            : type === 'calendar'
              ? cal.explainAddCalendarDays(from, days)
              : cal.explainSubtractWorkingDays(from, days);
        return { due: r.due, steps: r.steps.map((s) => ({ date: s.date, action: s.action, text: s.text })), basis: [...r.basis] };
      }),
  );
};
