/**
 * The `org` module: units (effective-dated, with succession) and people with their roles. The
 * tables are the platform's organisation core (every policy needs them); this module manages them.
 */
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../platform/module';
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
  dashboard: async ({ tx, today }) => {
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
