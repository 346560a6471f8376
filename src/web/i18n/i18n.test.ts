import { describe, expect, it } from 'vitest';
import { loadAllResources } from './index';

// Merging every catalogue throws on a key defined twice (it would blank the app).
const { vi, en } = await loadAllResources();

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('UI translations', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    expect(keys(vi).length).toBeGreaterThan(150);
  });
  it('are non-empty, NFC, and really translated', () => {
    const flatVi = Object.fromEntries(
      keys(vi).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], vi)]),
    );
    const flatEn = Object.fromEntries(
      keys(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]),
    );
    for (const k of Object.keys(flatVi)) {
      expect(String(flatVi[k]).length, k).toBeGreaterThan(0);
      expect(flatVi[k], k).toBe(String(flatVi[k]).normalize('NFC'));
      expect(String(flatEn[k]).length, k).toBeGreaterThan(0);
    }
    // Vietnamese text has Vietnamese letters somewhere in most strings.
    const vietnamese = Object.values(flatVi).filter((s) =>
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i.test(String(s)),
    );
    expect(vietnamese.length / Object.keys(flatVi).length).toBeGreaterThan(0.7);
  });
});
