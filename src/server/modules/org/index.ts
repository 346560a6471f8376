/**
 * The `org` module: units (effective-dated, with succession) and people with their roles. The
 * tables are the platform's organisation core (every policy needs them); this module manages them.
 */
import { sql } from 'drizzle-orm';
import { dashboardPart, defineModule } from '../../platform/module';
import { units, users } from '../../platform/tables';
import { orgRoutes } from './routes';
import { createPerson, createUnit } from './service';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'org.read': true;
    'org.manage': true;
    'people.read': true;
    'people.manage': true;
  }
}

/** Used by the first-start seed to create the demo agency's units and people. */
export { createPerson, createUnit };

const readers = ['org.read', 'people.read'] as const;
const managers = ['org.read', 'org.manage', 'people.read', 'people.manage'] as const;

export const orgModule = defineModule({
  name: 'org',
  capabilities: {
    admin: managers,
    // The Office (Văn phòng) is the standing body that keeps the organisation and the accounts.
    office: managers,
    leader: readers,
    unit_head: readers,
    staff: readers,
    inspection: readers,
    union: readers,
  },
  routes: orgRoutes,
  tables,
  dashboard: dashboardPart<{ units: { active: number; staff: number }; people: number }>({
    ask: ({ today }) => ({
      units: sql`select json_build_object('active', count(*)::int, 'staff', coalesce(sum(${units.staffCount}), 0)::int) from ${units}
        where ${units.validFrom} <= ${today}::date and (${units.validTo} is null or ${units.validTo} >= ${today}::date)`,
      people: sql`select count(*)::int from ${users} where ${users.isActive}`,
    }),
    cards: (a) => [
      { key: 'org.units', label: { vi: 'Đơn vị đang hoạt động', en: 'Active units' }, value: a.units?.active ?? 0, link: '/org/units' },
      {
        key: 'org.people',
        label: { vi: 'Tài khoản đang dùng', en: 'Active accounts' },
        value: a.people ?? 0,
        link: '/org/people',
      },
      {
        key: 'org.staff',
        label: { vi: 'Tổng biên chế (theo đơn vị)', en: 'Total staff (by unit)' },
        value: a.units?.staff ?? 0,
        link: '/org/units',
      },
    ],
  }),
});
