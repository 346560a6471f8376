/** The whole Drizzle schema: platform tables plus every module's tables. */
import * as platform from './tables';
import * as org from '../modules/org/tables';
import * as calendar from '../modules/calendar/tables';
import * as plans from '../modules/plans/tables';
import * as reports from '../modules/reports/tables';

export const schema = { ...platform, ...org, ...calendar, ...plans, ...reports };
export type Schema = typeof schema;
