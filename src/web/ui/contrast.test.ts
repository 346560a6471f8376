import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './contrast';

describe('colour contrast (WCAG 1.4.3)', () => {
  it('computes the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's gray-6 on white, the "dimmed" text axe flagged: below 4.5.
    expect(contrastRatio('#868e96', '#ffffff')).toBeLessThan(4.5);
  });
  it('darkens every palette colour just enough for its light background and for white', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const fixed = readableOn(shades[9], [shades[1], '#ffffff', '#f8f9fa']);
      expect(contrastRatio(fixed, shades[1]), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(fixed, '#f8f9fa'), name).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('leaves a colour that already reads well unchanged', () => {
    expect(readableOn('#212529', ['#ffffff'])).toBe('#212529');
  });
});
