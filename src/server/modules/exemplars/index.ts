/**
 * The `exemplars` module (issue #12): "Dân vận khéo" models (DOMAIN.md §4) — registration with
 * the ten fields of the 2026 example, the lifecycle registered → launched → evaluated →
 * commended → replicated, evidence over time, council evaluations, replication across units and
 * agencies, and a public showcase of the commended ones. It contributes the model counts to
 * reports and to the year-end rating (the `ratings` module reads them through the registry).
 */
import { defineModule, type ReportIndicator } from '../../platform/module';
import { seedExemplarsDemo } from './demo';
import { exemplarRoutes } from './routes';
import { modelCounts, modelDashboard, recognisedModels } from './service';
import * as tables from './tables';

declare module '../../platform/roles' {
  interface Capabilities {
    'exemplars.read': true;
    'exemplars.manage': true;
  }
}

/** For the `ratings` module's commendation proposals. */
export { recognisedModels };

const dmy = (d: string) => d.split('-').reverse().join('/');

const INDICATORS: readonly ReportIndicator[] = [
  {
    // Same code as the reports template's "Mô hình Dân vận khéo" line, which it now fills.
    code: 'models',
    name: 'Mô hình "Dân vận khéo"',
    unit: 'mô hình',
    definition: 'Mô hình đăng ký, triển khai trong kỳ',
    compute: async ({ tx }, s) => {
      const c = await modelCounts(tx, s.unitId, s.from, s.to);
      return { value: c.running, how: `Đếm mô hình của đơn vị bắt đầu đến ${dmy(s.to)} và không dừng thực hiện` };
    },
  },
  {
    code: 'models_recognised',
    name: 'Mô hình "Dân vận khéo" được công nhận',
    unit: 'mô hình',
    definition: 'Mô hình của đơn vị được công nhận, khen thưởng trong kỳ',
    compute: async ({ tx }, s) => ({
      value: (await modelCounts(tx, s.unitId, s.from, s.to)).recognised,
      how: `Đếm mô hình của đơn vị có ngày công nhận từ ${dmy(s.from)} đến ${dmy(s.to)}`,
    }),
  },
];

const readers = ['exemplars.read'] as const;

export const exemplarsModule = defineModule({
  name: 'exemplars',
  tables,
  capabilities: {
    admin: readers,
    // The Office is the standing body of the agency's dân vận work (DOMAIN.md §7.2 workflow 10).
    office: ['exemplars.read', 'exemplars.manage'],
    leader: readers,
    unit_head: readers,
    staff: readers,
    inspection: readers,
    union: readers,
  },
  errors: {
    MODEL_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với trạng thái của mô hình (đăng ký → triển khai → đánh giá → công nhận → nhân rộng)',
      en: 'This action does not fit the model’s state (registered → launched → evaluated → commended → replicated)',
    },
  },
  routes: exemplarRoutes,
  indicators: INDICATORS,
  dashboard: modelDashboard,
  seedDemo: seedExemplarsDemo,
});
