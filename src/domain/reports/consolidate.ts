/**
 * Consolidation of unit reports into one agency report (issue #4): sections merged under each
 * plan item, indicators summed, a per-unit table, and the units that are missing or late.
 * A unit merged into another during the period is reported under its successor (DOMAIN.md §1.3:
 * reports aggregate across predecessor units), so totals neither drop nor double-count it.
 * Pure functions: no I/O.
 */

export type IndicatorDef = { code: string; name: string; unit: string; definition?: string };
export type UnitRef = { id: string; name: string };

export type UnitReportInput = {
  unit: UnitRef;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  lateDays: number | null;
  sections: { key: string; text: string }[];
  indicators: Record<string, number | null>;
};

export type ConsolidationInput = {
  sections: { key: string; title: string }[];
  indicators: IndicatorDef[];
  /** Units that had to report (in force during the period). */
  expectedUnits: UnitRef[];
  reports: UnitReportInput[];
  /** predecessor unit id → successor (a merger that took effect during the period). */
  mergedInto: Record<string, UnitRef>;
  /** Only accepted reports count by default; the Office may choose to include submitted ones. */
  include?: ('accepted' | 'submitted')[];
};

export type Consolidated = {
  sections: { key: string; title: string; parts: { unit: string; text: string }[] }[];
  indicators: { code: string; name: string; unit: string; total: number; byUnit: Record<string, number> }[];
  unitTable: { unit: string; status: UnitReportInput['status'] | 'missing'; lateDays: number | null; includes: string[] }[];
  missing: string[];
  late: { unit: string; days: number }[];
};

/** Merge unit reports into the agency report. */
export function consolidate(input: ConsolidationInput): Consolidated {
  const include = new Set(input.include ?? ['accepted']);
  const owner = (u: UnitRef): UnitRef => input.mergedInto[u.id] ?? u;
  const counted = input.reports.filter((r) => include.has(r.status as 'accepted' | 'submitted'));
  // Group by the unit that answers for the report today (successor for merged units).
  const groups = new Map<string, { unit: UnitRef; reports: UnitReportInput[] }>();
  for (const r of counted) {
    const o = owner(r.unit);
    const g = groups.get(o.id) ?? { unit: o, reports: [] };
    g.reports.push(r);
    groups.set(o.id, g);
  }
  const sections = input.sections.map((s) => ({
    key: s.key,
    title: s.title,
    parts: [...groups.values()].flatMap((g) =>
      g.reports
        .map((r) => ({ r, text: r.sections.find((x) => x.key === s.key)?.text.trim() ?? '' }))
        .filter((x) => x.text)
        .map((x) => ({ unit: x.r.unit.id === g.unit.id ? g.unit.name : `${g.unit.name} (${x.r.unit.name})`, text: x.text })),
    ),
  }));
  const indicators = input.indicators.map((d) => {
    const byUnit: Record<string, number> = {};
    let total = 0;
    for (const g of groups.values()) {
      const v = g.reports.reduce((sum, r) => sum + (r.indicators[d.code] ?? 0), 0);
      byUnit[g.unit.name] = v;
      total += v;
    }
    return { code: d.code, name: d.name, unit: d.unit, total, byUnit };
  });
  const reportOf = new Map(input.reports.map((r) => [r.unit.id, r]));
  const unitTable = input.expectedUnits.map((u) => {
    const r = reportOf.get(u.id);
    const merged = input.reports.filter((x) => input.mergedInto[x.unit.id]?.id === u.id).map((x) => x.unit.name);
    return { unit: u.name, status: r ? r.status : ('missing' as const), lateDays: r?.lateDays ?? null, includes: merged };
  });
  const missing = unitTable.filter((u) => u.status === 'missing' || u.status === 'draft' || u.status === 'returned').map((u) => u.unit);
  const late = input.reports.filter((r) => (r.lateDays ?? 0) > 0).map((r) => ({ unit: r.unit.name, days: r.lateDays! }));
  return { sections, indicators, unitTable, missing, late };
}

/** Lateness has one definition (issue #14 point 3): see `standing.ts`. */
export { daysLate } from './standing';
