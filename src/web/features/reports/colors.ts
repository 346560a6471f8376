/**
 * Badge colours of report states. A light badge gets the darkest shade of its colour as text so
 * it keeps a 4.5:1 contrast (WCAG 1.4.3; axe color-contrast); orange and yellow never reach it on
 * their light background, so they are not used.
 */
export const REPORT_STATUS_COLORS: Record<string, string> = {
  not_started: 'gray',
  draft: 'indigo',
  submitted: 'blue',
  returned: 'grape',
  accepted: 'green',
};

/** Green's darkest shade falls short of 4.5:1 on its light background (4.1:1): a darker green (6.5:1). */
const TEXT: Record<string, string> = { green: '#1b5e20' };

/** Props of a light badge of `color` whose text is readable. */
export function lightBadge(color: string): { color: string; variant: 'light'; c: string } {
  return { color, variant: 'light', c: TEXT[color] ?? `${color}.9` };
}
