/** The whole Drizzle schema: platform tables plus every module's tables. */
import * as platform from './tables';
import * as org from '../modules/org/tables';
import * as calendar from '../modules/calendar/tables';
import * as plans from '../modules/plans/tables';
import * as reports from '../modules/reports/tables';
import * as reception from '../modules/reception/tables';
import * as cases from '../modules/cases/tables';

export const schema = { ...platform, ...org, ...calendar, ...plans, ...reports, ...reception, ...cases };
export type Schema = typeof schema;
