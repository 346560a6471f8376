/**
 * The `calendar` module: the agency's holiday calendar (statutory holidays generated from the
 * lunar calendar until the Office confirms a year) and working-day computations. It emits
 * `calendar.changed`; other modules reach the calendar through `workingCalendarFor`.
 */
import { addDays, LAST_GENERATED_YEAR, parseIsoDate } from '../../../domain';
import { dashboardPart, defineModule } from '../../platform/module';
import { calendarRoutes } from './routes';
import {
  CALENDAR_ASK,
  calendarFromAnswer,
  confirmedYearsSql,
  daysOffFromAnswer,
  effectiveDaysOff,
  finishRecompute,
  recomputeProgress,
  startRecompute,
  workingCalendarFor,
} from './service';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'calendar.read': true;
    'calendar.manage': true;
  }
}

export { effectiveDaysOff, workingCalendarFor };
/** For a module's dashboard `ask`: the agency's confirmed days off, asked once a request under `CALENDAR_ASK`, and the calendar made from the answer. */
export { CALENDAR_ASK, calendarFromAnswer, confirmedYearsSql };
/** For the module that recomputes deadlines after a change (cases): the run's start, progress and end. */
export { finishRecompute, recomputeProgress, startRecompute };

export const calendarModule = defineModule({
  name: 'calendar',
  tables,
  capabilities: {
    admin: ['calendar.read', 'calendar.manage'],
    office: ['calendar.read', 'calendar.manage'],
    leader: ['calendar.read'],
    unit_head: ['calendar.read'],
    staff: ['calendar.read'],
    inspection: ['calendar.read'],
    union: ['calendar.read'],
  },
  routes: calendarRoutes,
  dashboard: dashboardPart<{ [CALENDAR_ASK]: unknown }>({
    ask: () => ({ [CALENDAR_ASK]: confirmedYearsSql() }),
    cards: (a, { today }) => {
      const year = parseIsoDate(today).year;
      const horizon = addDays(today, 365);
      const days = [
        ...daysOffFromAnswer(a[CALENDAR_ASK], year),
        ...(year < LAST_GENERATED_YEAR ? daysOffFromAnswer(a[CALENDAR_ASK], year + 1) : []),
      ];
      const upcoming = days.filter((d) => d.date >= today && d.date <= horizon && d.kind !== 'swap_workday');
      return [
        {
          key: 'calendar.upcoming',
          label: { vi: 'Ngày nghỉ lễ, nghỉ bù trong 12 tháng tới', en: 'Days off in the next 12 months' },
          value: upcoming.length,
          link: '/calendar',
        },
      ];
    },
  }),
});
