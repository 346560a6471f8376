/**
 * What the logs may say (issue #16 point 4): never a query's parameters, a request body or a
 * query string. A portal denunciation's self-identifying text and its tracking code reached the
 * error log through a failed query's parameters (Law 25/2018 Art. 8(3)).
 */

/**
 * Whether a string holds a character no text field may hold: NUL and the other C0 controls except
 * tab and line breaks, lone surrogates, U+FFFE and U+FFFF. PostgreSQL refuses NUL in text; XML
 * (.docx exports) refuses the controls.
 */
export function hasBadChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    if (c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * The path of the first string (value or key) holding a bad character, e.g. `parties.0.identity.name`;
 * `null` when there is none. Depth-limited: a body deeper than 40 levels is refused as a whole.
 */
export function findBadText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return hasBadChar(value) ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > 40) return path.join('.') || 'body';
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    if (hasBadChar(k)) return [...path, '[key]'].join('.');
    const found = findBadText(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** A message with a failed query's parameters cut off and a quoted input value hidden. */
export function safeMessage(message: string): string {
  return message
    .replace(/\n?\s*params:[\s\S]*$/i, ' [params redacted]')
    .replace(/(: )"[\s\S]*"$/, '$1"[redacted]"')
    .slice(0, 2000);
}

type ErrLike = { name?: string; message?: string; code?: string; stack?: string; cause?: unknown };

/** An error as the logs may carry it: type, code, a safe message and the stack frames, nothing else. */
export function safeErr(err: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!err || typeof err !== 'object') return { type: 'Error', message: safeMessage(String(err)), stack: '' };
  const e = err as ErrLike;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 20)
    .join('\n');
  return {
    type: e.name ?? 'Error',
    ...(e.code ? { code: String(e.code) } : {}),
    message: safeMessage(e.message ?? ''),
    stack: frames,
    ...(e.cause && depth < 3 ? { cause: safeErr(e.cause, depth + 1) } : {}),
  };
}

/** The request as the logs may carry it: the route's pattern (no ids, no tracking codes), never the query string. */
export function safeReq(req: { method: string; url: string; routeOptions?: { url?: string }; id: string }) {
  const url = req.routeOptions?.url ?? req.url.split('?')[0] ?? '';
  return { method: req.method, url, id: req.id };
}
