/**
 * The monthly volume forecast of grievances (issue #13; seed plan II.4: "forecast complaints and
 * denunciations in the election period"), pure and explainable so a leader can judge it:
 *
 *   expected(month) = level × season(month of year) × uplift(sensitive events of that month)
 *
 * - level: the mean of the last 12 ordinary (not sensitive) months, each divided by its season;
 * - season: for each month of the year, its ordinary months' mean over the overall ordinary mean,
 *   shrunk towards 1 by n/(n+1) so one odd year does not make a season;
 * - uplift: for each kind of sensitive event the Office records (election, land recovery, Tết…),
 *   the mean ratio of the actual count to the ordinary expectation over the past months with that
 *   event, also shrunk towards 1; a kind never seen uses the mean of all sensitive months;
 * - interval: an 80% band, Poisson noise plus the model's relative error measured by the back-test
 *   (or in-sample when the history is too short to back-test).
 *
 * The back-test refits the model on the months before each of the last months and compares its
 * forecast with what came, so the error shown is the error the leader would have seen.
 */

/** One month of history: its count and the kinds of sensitive events that fell in it. */
export type MonthCount = { month: string; count: number; events: readonly string[] };

export type ForecastModel = {
  level: number;
  /** Season factor by month of the year (index 0 = January). */
  season: number[];
  /** Uplift by event kind; `*` is the mean over all sensitive months. */
  uplift: Record<string, number>;
  /** Relative error (root mean square) of the fit on its own history. */
  relError: number;
  months: number;
};

export type ForecastPoint = { month: string; expected: number; low: number; high: number; events: readonly string[] };

export type BacktestRow = { month: string; actual: number; expected: number; low: number; high: number; events: readonly string[] };

export type Backtest = {
  rows: BacktestRow[];
  /** Mean absolute error, in cases per month. */
  mae: number | null;
  /** Mean absolute percentage error over months with cases, in %. */
  mape: number | null;
  /** Share of months whose actual count fell inside the 80% band, in %. */
  coverage: number | null;
};

/** The 80% two-sided normal quantile. */
const Z80 = 1.2816;
/** The fewest months a model is fitted on. */
export const MIN_HISTORY = 12;

const monthOfYear = (month: string) => Number(month.slice(5, 7)) - 1;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The month after `month` ("2026-12" → "2027-01"). */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Fits the model on a run of consecutive months.
 * @throws Error when fewer than MIN_HISTORY months are given.
 */
export function fitModel(history: readonly MonthCount[]): ForecastModel {
  if (history.length < MIN_HISTORY) throw new Error(`forecast needs at least ${MIN_HISTORY} months, got ${history.length}`);
  const ordinary = history.filter((h) => h.events.length === 0);
  const base = ordinary.length ? ordinary : history;
  const overall = mean(base.map((h) => h.count)) || 1;
  const season = Array.from({ length: 12 }, (_, m) => {
    const xs = base.filter((h) => monthOfYear(h.month) === m).map((h) => h.count);
    if (!xs.length) return 1;
    const raw = mean(xs) / overall;
    return (raw * xs.length + 1) / (xs.length + 1);
  });
  const recent = base.slice(-12);
  const level = mean(recent.map((h) => h.count / (season[monthOfYear(h.month)] || 1))) || overall;
  const ratios = new Map<string, number[]>();
  for (const h of history) {
    if (!h.events.length) continue;
    const r = h.count / Math.max(0.5, level * season[monthOfYear(h.month)]!);
    for (const k of ['*', ...new Set(h.events)]) ratios.set(k, [...(ratios.get(k) ?? []), r]);
  }
  const uplift: Record<string, number> = { '*': 1 };
  for (const [k, rs] of ratios) uplift[k] = (rs.reduce((a, b) => a + b, 0) + 1) / (rs.length + 1);
  const model: ForecastModel = { level, season, uplift, relError: 0, months: history.length };
  const errs = history.map((h) => {
    const e = expectedCount(model, h.month, h.events);
    return e > 0 ? (h.count - e) / e : 0;
  });
  model.relError = Math.sqrt(mean(errs.map((e) => e * e)));
  return model;
}

/** The model's expected count for a month with the given sensitive events (the largest uplift applies). */
export function expectedCount(model: ForecastModel, month: string, events: readonly string[]): number {
  const lift = events.length ? Math.max(...events.map((k) => model.uplift[k] ?? model.uplift['*'] ?? 1)) : 1;
  return model.level * (model.season[monthOfYear(month)] ?? 1) * lift;
}

/** The 80% band around an expected count, given the model's relative error. */
export function band(expected: number, relError: number): { low: number; high: number } {
  const half = Z80 * Math.sqrt(expected + (relError * expected) ** 2);
  return { low: round1(Math.max(0, expected - half)), high: round1(expected + half) };
}

/**
 * Rolling-origin back-test: for each of the last `months` months that has at least MIN_HISTORY
 * months before it, fit on those months only, forecast it, and compare.
 */
export function backtest(series: readonly MonthCount[], months = 12): Backtest {
  const rows: BacktestRow[] = [];
  for (let i = Math.max(MIN_HISTORY, series.length - months); i < series.length; i++) {
    const model = fitModel(series.slice(0, i));
    const h = series[i]!;
    const e = expectedCount(model, h.month, h.events);
    rows.push({ month: h.month, actual: h.count, expected: round1(e), ...band(e, model.relError), events: h.events });
  }
  if (!rows.length) return { rows, mae: null, mape: null, coverage: null };
  const withCases = rows.filter((r) => r.actual > 0);
  return {
    rows,
    mae: round1(mean(rows.map((r) => Math.abs(r.actual - r.expected)))),
    mape: withCases.length ? round1(100 * mean(withCases.map((r) => Math.abs(r.actual - r.expected) / r.actual))) : null,
    coverage: round1((100 * rows.filter((r) => r.actual >= r.low && r.actual <= r.high).length) / rows.length),
  };
}

/**
 * Forecasts the `horizon` months after the series, each with the events the calendar holds for
 * it; the band uses the back-test's error when there are at least 6 back-tested months.
 */
export function forecast(
  series: readonly MonthCount[],
  eventsOf: (month: string) => readonly string[],
  horizon = 6,
  tested: Backtest = backtest(series),
): ForecastPoint[] {
  if (series.length < MIN_HISTORY) return [];
  const model = fitModel(series);
  const rel =
    tested.rows.length >= 6
      ? Math.sqrt(mean(tested.rows.map((r) => (r.expected > 0 ? ((r.actual - r.expected) / r.expected) ** 2 : 0))))
      : model.relError;
  const out: ForecastPoint[] = [];
  let month = series[series.length - 1]!.month;
  for (let i = 0; i < horizon; i++) {
    month = nextMonth(month);
    const events = eventsOf(month);
    const e = expectedCount(model, month, events);
    out.push({ month, expected: round1(e), ...band(e, rel), events });
  }
  return out;
}
