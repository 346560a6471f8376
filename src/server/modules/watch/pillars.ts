/** What the `watch` module puts on the dashboard by pillar: next month's forecast, its back-test error and the hot spots. */
import { WATCH_EVENT_KIND_LABELS } from '../../../contracts/watch';
import { sql } from 'drizzle-orm';
import type { TWatch } from '../../../contracts/watch';
import { pillarPart } from '../../platform/module';
import { viNumber } from '../../platform/pillars';
import { can } from '../../platform/roles';
import { refreshWatch } from './service';
import { watchSnapshots } from './tables';

/**
 * The stored picture (daily job, or the watch page), asked in the board's statement whatever the
 * data; only before the daily job first ran does `fill` compute and store it (`refreshWatch`, its
 * own bounded statements, once per agency).
 */
export const watchPillars = pillarPart<{ snapshot: TWatch | null }>({
  ask: ({ actor }) => (can(actor, 'watch.read') ? { snapshot: sql`select ${watchSnapshots.data} from ${watchSnapshots}` } : {}),
  fill: (a, ctx) => (can(ctx.actor, 'watch.read') && !a.snapshot ? refreshWatch(ctx).then((snapshot) => ({ snapshot })) : null),
  build: (a, { actor }) => {
    if (!can(actor, 'watch.read') || !a.snapshot) return {};
    const w = a.snapshot;
    const at = new Date(w.computedAt);
    const stamp = `${at.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} ${at.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })}`;
    const next = w.forecast[0];
    if (!next) return {};
    const hot = w.hotspots.filter((h) => h.hot);
    const events = next.events.map((k) => WATCH_EVENT_KIND_LABELS[k as keyof typeof WATCH_EVENT_KIND_LABELS]?.vi ?? k);
    return {
      cards: [
        {
          key: 'watch.forecast',
          pillar: 'supervise',
          title: { vi: `Dự báo đơn thư tháng ${next.month.split('-').reverse().join('/')}`, en: `Grievances forecast for ${next.month}` },
          value: next.expected,
          display: `${viNumber(Math.round(next.expected))} (${viNumber(next.low)}–${viNumber(next.high)})`,
          tone: hot.length || next.events.length ? 'watch' : 'info',
          how: {
            vi: `Khoảng dự báo 80%${events.length ? `; thời kỳ nhạy cảm: ${events.join(', ')}` : ''}. Sai số kiểm định 12 tháng qua: ${w.backtest.mape === null ? '—' : `${viNumber(w.backtest.mape)}%`}; ${hot.length} điểm nóng. Số liệu tính lúc ${stamp} (hằng ngày, hoặc khi mở trang Theo dõi đơn thư).`,
            en: `80% interval${next.events.length ? `; sensitive: ${next.events.join(', ')}` : ''}. Back-test error over the last 12 months: ${w.backtest.mape ?? '—'}%; ${hot.length} hot spots. Computed at ${w.computedAt} (daily, or when the watch page is opened).`,
          },
          link: '/watch',
          rows: hot.slice(0, 5).map((h) => ({
            label: `${h.topicName} · ${h.unitName}`,
            display: `${h.count} đơn · ${h.month.split('-').reverse().join('/')}`,
            tone: 'watch' as const,
            link: h.unitId ? `/cases?unitId=${h.unitId}` : '/watch',
          })),
          trend: w.series.slice(-12).map((s) => ({ label: s.month, value: s.count })),
        },
      ],
    };
  },
});
