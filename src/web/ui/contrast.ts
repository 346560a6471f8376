/**
 * Colour contrast by WCAG 2.x (success criterion 1.4.3: 4.5:1 for text). Mantine's light badges
 * and coloured text (yellow-9 on yellow-1, green-9 on green-1, grey "dimmed" text) fall below it;
 * axe found 1,181 serious violations, nearly all of this kind (issue #14 point 8). The theme
 * darkens each text colour just enough, so the palette keeps its hue.
 */

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = Number.parseInt(full.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `fg` darkened (mixed toward black in small steps) until it reaches `min` contrast against
 * every colour of `backgrounds`; unchanged when it already does.
 */
export function readableOn(fg: string, backgrounds: string[], min = 4.6): string {
  let c = rgb(fg);
  for (let i = 0; i < 40; i++) {
    const h = hex(c);
    if (backgrounds.every((bg) => contrastRatio(h, bg) >= min)) return h;
    c = c.map((v) => v * 0.95) as [number, number, number];
  }
  return hex(c);
}
