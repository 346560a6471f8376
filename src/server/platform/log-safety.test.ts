import { describe, expect, it } from 'vitest';
import { findBadText, hasBadChar, safeErr, safeMessage } from './log-safety';

describe('invalid characters (issue #16)', () => {
  it.each([
    ['NUL', 'a\u0000b', true],
    ['bell', 'a\u0007', true],
    ['lone high surrogate', 'x\uD800', true],
    ['lone low surrogate', '\uDC00x', true],
    ['U+FFFF', '\uFFFF', true],
    ['tab and line breaks', 'a\tb\r\nc', false],
    ['a real pair (emoji)', 'ok 😀', false],
    ['Vietnamese', 'Nguyễn Văn Ấn', false],
  ])('%s', (_n, s, bad) => expect(hasBadChar(s)).toBe(bad));

  it('names the path of the first bad string, keys included', () => {
    expect(findBadText({ a: [{ b: 'x' }, { c: 'y\u0000' }] })).toBe('a.1.c');
    expect(findBadText({ 'k\u0000': 1 })).toBe('[key]');
    expect(findBadText('\u0000')).toBe('body');
    expect(findBadText({ a: 'fine', n: 5 })).toBeNull();
  });
});

describe('what an error says in the log', () => {
  it('cuts a failed query’s parameters and a quoted input', () => {
    expect(safeMessage('Failed query: select $1\nparams: Nguyễn,ABC')).toBe('Failed query: select $1 [params redacted]');
    expect(safeMessage('invalid input syntax for type uuid: "Nguyễn Văn A"')).toBe('invalid input syntax for type uuid: "[redacted]"');
    const e = Object.assign(new Error('Failed query: x\nparams: secret'), { params: ['secret'], query: 'x' });
    const out = JSON.stringify(safeErr(e));
    expect(out).not.toContain('secret');
    expect(out).toContain('Failed query');
  });
});
