import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_REGISTRY } from './deadlines';
import { LAW_136_2025_DAY_BEFORE, LAW_136_2025_EFFECTIVE } from './legal-dates';

/** Every non-test TypeScript file under src/domain, relative paths. */
function domainSources(dir = import.meta.dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return domainSources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the date of Law 136/2025/QH15 (issue #9: one named constant)', () => {
  it('is 01/07/2026, and the day before is 30/06/2026', () => {
    expect(LAW_136_2025_EFFECTIVE).toBe('2026-07-01');
    expect(LAW_136_2025_DAY_BEFORE).toBe('2026-06-30');
  });

  it('is where the 2026 rule versions change', () => {
    for (const id of ['KN-ACCEPT', 'KN-L1', 'KN-L2']) {
      const [v1, v2] = DEFAULT_RULE_REGISTRY.versions(id);
      expect([v1?.validTo, v2?.validFrom], id).toEqual([LAW_136_2025_DAY_BEFORE, LAW_136_2025_EFFECTIVE]);
    }
  });

  it('is written as a date literal only in legal-dates.ts', () => {
    const repeats = domainSources()
      .filter((f) => path.basename(f) !== 'legal-dates.ts')
      .filter((f) => /['"`]2026-0(7-01|6-30)['"`]/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(import.meta.dirname, f));
    expect(repeats).toEqual([]);
  });
});
