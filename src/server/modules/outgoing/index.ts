/**
 * The `outgoing` module (issue #14 point 1): the register of outgoing documents (sổ đăng ký văn
 * bản đi) the clerical office keeps. Documents get their number and symbol from it, one sequence
 * per type and calendar year (Decree 30/2020/NĐ-CP Art. 15) — those made in the app (a plan, the
 * consolidated report) through `issueNumber`, which the modules that own them call.
 */
import { defineModule } from '../../platform/module';
import { outgoingRoutes } from './routes';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'outgoing.read': true;
    'outgoing.issue': true;
  }
}

export type { OutgoingSource } from './service';
export { issueNumber, issuerCode, numberOf } from './service';

export const outgoingModule = defineModule({
  name: 'outgoing',
  tables,
  capabilities: {
    admin: ['outgoing.read', 'outgoing.issue'],
    // The văn thư belongs to the Office and keeps the register (Decree 30/2020 Art. 15(1)).
    office: ['outgoing.read', 'outgoing.issue'],
    leader: ['outgoing.read'],
    unit_head: [],
    staff: [],
    inspection: [],
    union: [],
  },
  errors: {
    OUTGOING_ALREADY_NUMBERED: {
      status: 409,
      vi: 'Văn bản này đã được cấp số trong sổ văn bản đi; không cấp số lần nữa',
      en: 'This document already has a number in the register of outgoing documents',
    },
  },
  routes: outgoingRoutes,
});
