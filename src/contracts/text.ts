/**
 * Shortening text for labels and excerpts without cutting a word in half ("khiếu k…"), shared by
 * the server (search excerpts, task titles) and the web (select labels). Issue #14 point 7.
 */

/** `s` cut to at most `max` characters at a word boundary, with "…" when something was cut. */
export function clipWords(s: string, max: number): string {
  const t = s.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  // A single very long word (a URL, a code) is cut where it must be; otherwise at the last space.
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,.;:–—-]+$/u, '')}…`;
}

/**
 * `s` cut to at most `max` characters at word boundaries on both sides, keeping position `at`
 * inside: a search excerpt around a match.
 */
export function excerptAround(s: string, at: number, max: number): string {
  if (s.length <= max) return s;
  let start = Math.max(0, Math.min(at - Math.floor(max / 4), s.length - max));
  if (start > 0) {
    const next = s.slice(start).search(/\s/);
    if (next >= 0 && next < max / 4) start += next + 1;
  }
  const body = clipWords(s.slice(start), max);
  return (start > 0 ? '…' : '') + body;
}
