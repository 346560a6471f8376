/** The `search` module: one box that finds anything modules index, ignoring diacritics (VIETNAMESE.md §3). */
import { defineModule } from '../../platform/module';
import { searchRoutes } from './routes';

declare module '../../platform/roles' {
  interface Capabilities {
    'search.use': true;
  }
}

const all = ['search.use'] as const;

export const searchModule = defineModule({
  name: 'search',
  capabilities: { admin: all, office: all, leader: all, unit_head: all, staff: all, inspection: all, union: all },
  routes: searchRoutes,
});
