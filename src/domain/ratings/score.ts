/**
 * Scoring of the year-end rating of dân vận work (DOMAIN.md §4): a criteria set is versioned data
 * loaded from the province's decision (Quảng Ngãi 436/QĐ-UBND/2019 for the demo agency, whose text
 * is not public; comparable: Bến Tre 07/2023/QĐ-UBND, Hưng Yên 04/2025/QĐ-UBND). The rules are a
 * 100-point scale in criterion groups, deduction points, bonus points with a cap, and bands
 * (commonly Tốt ≥ 90, Khá 70–< 90, Trung bình 50–< 70, Yếu < 50). Pure: no I/O.
 */

/** How an item counts: points earned up to `max`, points taken off (up to `max`), or bonus points. */
export type ItemKind = 'score' | 'deduction' | 'bonus';

export type CriteriaItem = {
  /** Stable code within the set ("1.1", "T.2"). */
  code: string;
  title: string;
  kind: ItemKind;
  /** The most this item gives (score, bonus) or takes off (deduction). */
  max: number;
  /**
   * A figure another module contributes (the registry's indicator code) that suggests the points:
   * `perUnit` points for each counted unit, capped at `max`; for a score item with `perUnit` < 0 the
   * suggestion starts from `max` and loses |perUnit| per counted unit.
   */
  indicator?: string | null;
  perUnit?: number | null;
  /** What the unit must show (the evidence the decision asks for). */
  evidence?: string | null;
};

export type CriteriaGroup = { code: string; title: string; items: CriteriaItem[] };
export type Band = { name: string; min: number };

export type CriteriaSetBody = {
  groups: CriteriaGroup[];
  /** Highest first is not required; `bandOf` sorts them. */
  bands: Band[];
  /** Bonus points counted at most (the decision's cap); null: no cap beyond each item's `max`. */
  bonusCap: number | null;
  /** Whether deductions may take the total below zero (most decisions floor it at 0). */
  allowNegative: boolean;
  /** Days after publication during which a unit may appeal its rating. */
  appealDays: number;
};

export type CriteriaSetVersion = { id: string; effectiveFrom: string };

/** Points given to each item (missing items count 0). */
export type ItemPoints = Record<string, number | null | undefined>;

export type ScoreBreakdown = { base: number; deductions: number; bonus: number; bonusUncapped: number; total: number; band: string | null };

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Every item of a set, flat. */
export function itemsOf(set: Pick<CriteriaSetBody, 'groups'>): CriteriaItem[] {
  return set.groups.flatMap((g) => g.items);
}

/** The largest possible base score (sum of the score items' maximums; 100 in the decisions seen). */
export function maxBase(set: Pick<CriteriaSetBody, 'groups'>): number {
  return round2(
    itemsOf(set)
      .filter((i) => i.kind === 'score')
      .reduce((s, i) => s + i.max, 0),
  );
}

/**
 * The total of a rating: each item's points clamped to [0, max] (a unit cannot claim more than the
 * decision gives, nor a deduction be negative), bonuses capped at `bonusCap`, and the total never
 * below zero unless the set allows it.
 */
export function scoreRating(set: CriteriaSetBody, points: ItemPoints): ScoreBreakdown {
  let base = 0;
  let deductions = 0;
  let bonus = 0;
  for (const item of itemsOf(set)) {
    const p = clamp(Number(points[item.code] ?? 0) || 0, 0, item.max);
    if (item.kind === 'score') base += p;
    else if (item.kind === 'deduction') deductions += p;
    else bonus += p;
  }
  const capped = set.bonusCap === null ? bonus : Math.min(bonus, set.bonusCap);
  let total = base - deductions + capped;
  if (!set.allowNegative) total = Math.max(0, total);
  total = round2(total);
  return {
    base: round2(base),
    deductions: round2(deductions),
    bonus: round2(capped),
    bonusUncapped: round2(bonus),
    total,
    band: bandOf(set.bands, total),
  };
}

/** The band of a total: the band with the highest minimum the total reaches (Tốt ≥ 90 takes exactly 90). */
export function bandOf(bands: readonly Band[], total: number): string | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => total >= b.min)?.name ?? null;
}

/** Points an indicator's value suggests for an item (see `CriteriaItem.perUnit`), or null when the item has no rule. */
export function suggestedPoints(item: CriteriaItem, value: number): number | null {
  if (item.perUnit === null || item.perUnit === undefined) return null;
  if (item.kind === 'score' && item.perUnit < 0) return round2(clamp(item.max + item.perUnit * value, 0, item.max));
  return round2(clamp(item.perUnit * value, 0, item.max));
}

/**
 * The criteria set a rating year uses: the latest version in force on the last day of the year
 * (a decision issued during the year governs that year's rating), or null when none was yet.
 */
export function setForYear<S extends CriteriaSetVersion>(sets: readonly S[], year: number): S | null {
  const end = `${year}-12-31`;
  return [...sets].filter((s) => s.effectiveFrom <= end).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
}

/** Problems in a criteria set an editor must fix (codes unique, positive maximums, bands distinct); empty when fine. */
export function checkCriteriaSet(set: CriteriaSetBody): { field: string; vi: string; en: string }[] {
  const out: { field: string; vi: string; en: string }[] = [];
  const seen = new Set<string>();
  itemsOf(set).forEach((i) => {
    if (seen.has(i.code))
      out.push({ field: `items.${i.code}`, vi: `mã tiêu chí ${i.code} bị trùng`, en: `item code ${i.code} is used twice` });
    seen.add(i.code);
    if (!(i.max > 0)) out.push({ field: `items.${i.code}.max`, vi: 'điểm tối đa phải lớn hơn 0', en: 'the maximum must be above 0' });
  });
  if (new Set(set.bands.map((b) => b.min)).size !== set.bands.length)
    out.push({ field: 'bands', vi: 'hai mức xếp loại có cùng điểm sàn', en: 'two bands have the same minimum' });
  if (set.bands.length === 0) out.push({ field: 'bands', vi: 'cần ít nhất một mức xếp loại', en: 'at least one band is needed' });
  return out;
}
