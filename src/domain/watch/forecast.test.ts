import { describe, expect, it } from 'vitest';
import { backtest, band, fitModel, forecast, type MonthCount, nextMonth } from './forecast';

/**
 * A synthetic province: 30 cases in an ordinary month, March ×1.3 and August ×0.7 every year,
 * Tết (February) ×1.5, the election months ×2 — the pattern the model should find and use.
 */
const SEASON = [1, 1, 1.3, 1, 1, 1, 1, 0.7, 1, 1, 1, 1];
const ELECTIONS = new Set(['2021-05', '2026-03']);
function eventsOf(month: string): string[] {
  return [...(month.endsWith('-02') ? ['tet'] : []), ...(ELECTIONS.has(month) ? ['election'] : [])];
}
function synthetic(from: string, months: number, noise = 0): MonthCount[] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out: MonthCount[] = [];
  let month = from;
  for (let i = 0; i < months; i++) {
    const events = eventsOf(month);
    const lift = events.includes('election') ? 2 : events.includes('tet') ? 1.5 : 1;
    const exact = 30 * SEASON[Number(month.slice(5, 7)) - 1]! * lift;
    out.push({ month, count: Math.round(exact * (1 + noise * (2 * rand() - 1))), events });
    month = nextMonth(month);
  }
  return out;
}

describe('the grievance forecast', () => {
  it('finds the season and the uplift of each kind of sensitive period', () => {
    const m = fitModel(synthetic('2021-01', 60));
    expect(m.level).toBeCloseTo(30, 0);
    expect(m.season[2]).toBeGreaterThan(1.2);
    expect(m.season[7]).toBeLessThan(0.8);
    expect(m.uplift.tet).toBeGreaterThan(1.4);
    // One election in the history: its uplift is seen, shrunk towards 1 by one pseudo-month.
    expect(m.uplift.election).toBeCloseTo(1.5, 1);
  });

  it('back-tests on past months with a small error on a series with a known pattern', () => {
    const series = synthetic('2021-01', 63);
    const t = backtest(series, 12);
    expect(t.rows.map((r) => r.month)).toEqual(series.slice(-12).map((s) => s.month));
    // The election of March 2026 is in the back-test and the calendar told the model about it.
    const march = t.rows.find((r) => r.month === '2026-03')!;
    expect(march.actual).toBe(78);
    expect(march.expected).toBeGreaterThan(50);
    expect(t.mape!).toBeLessThan(8);
    expect(t.mae!).toBeLessThan(3);
  });

  it('is worse without the calendar of sensitive periods (the calendar is what it learns from)', () => {
    const series = synthetic('2021-01', 63, 0.05);
    const blind = series.map((s) => ({ ...s, events: [] }));
    const withCalendar = backtest(series, 24);
    const without = backtest(blind, 24);
    expect(withCalendar.mae!).toBeLessThan(without.mae! / 1.5);
  });

  it('keeps most past months inside its 80% band when the series is noisy', () => {
    const t = backtest(synthetic('2021-01', 63, 0.15), 24);
    expect(t.coverage!).toBeGreaterThanOrEqual(60);
    expect(t.mape!).toBeLessThan(20);
  });

  it('forecasts the next months with the events the calendar holds for them', () => {
    const series = synthetic('2021-01', 60); // to 2025-12
    const f = forecast(series, (m) => (m === '2026-03' ? ['election'] : eventsOf(m)), 6);
    expect(f.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const [jan, feb, mar, apr] = f;
    expect(feb!.expected).toBeGreaterThan(jan!.expected * 1.3);
    expect(mar!.events).toEqual(['election']);
    expect(mar!.expected).toBeGreaterThan(apr!.expected * 1.3);
    for (const p of f) {
      expect(p.low).toBeLessThanOrEqual(p.expected);
      expect(p.high).toBeGreaterThanOrEqual(p.expected);
    }
  });

  it('needs a year of history, and its band never goes below zero', () => {
    expect(() => fitModel(synthetic('2025-01', 11))).toThrow(/12 months/);
    expect(forecast(synthetic('2025-01', 11), () => [])).toEqual([]);
    expect(band(0.5, 0.3).low).toBe(0);
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
});
