/**
 * Small helpers for the cards modules put on the dashboard by pillar (issue #13): figures are
 * written the Vietnamese way (decimal comma), and a rate is judged against its target.
 */
import type { PillarTone } from './module';

const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A number as written in Vietnamese ("82,5"). */
export function viNumber(n: number): string {
  return VI.format(n);
}

/** A percentage ("82,5%"), or "—" when there is nothing to count. */
export function viPercent(n: number | null): string {
  return n === null ? '—' : `${VI.format(n)}%`;
}

/** The share done on time, in %, to two decimals; null when nothing was due. */
export function rate(done: number, due: number): number | null {
  return due === 0 ? null : Math.round((10000 * done) / due) / 100;
}

/** On track at or above the target, to watch within `margin` points below it, behind further down. */
export function toneOfRate(value: number | null, target: number, margin = 10): PillarTone {
  if (value === null) return 'info';
  if (value >= target) return 'ok';
  return value >= target - margin ? 'watch' : 'behind';
}

/** A count of late things: none is on track, some is behind. */
export function toneOfLate(n: number): PillarTone {
  return n > 0 ? 'behind' : 'ok';
}
