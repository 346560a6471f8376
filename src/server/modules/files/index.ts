/** The `files` module: upload and download attachments (stored in the database, DESIGN.md). */
import { defineModule } from '../../platform/module';
import { fileRoutes } from './routes';

declare module '../../platform/roles' {
  interface Capabilities {
    'files.upload': true;
  }
}

const all = ['files.upload'] as const;

export const filesModule = defineModule({
  name: 'files',
  capabilities: { admin: all, office: all, leader: all, unit_head: all, staff: all, inspection: all, union: all },
  routes: fileRoutes,
});
