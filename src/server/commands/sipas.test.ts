import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sipasCommand } from './sipas';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return sipasCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
    code,
    out: out.join(''),
    err: err.join(''),
  }));
}

const dir = mkdtempSync(path.join(tmpdir(), 'sipas-'));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('danchu sipas compute (issue 13 contract)', () => {
  it('prints exactly the contract JSON', async () => {
    const f = file('ok.csv', 'respondent,element,criterion,answer\nr1,1,1.1,5\nr2,1,1.1,2\nr1,1,1.2,0\nr2,1,1.2,\nr1,2,2.1,4\n');
    const r = await run(['compute', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      overall: 75,
      elements: [
        { element: '1', index: 50, valid: 2 },
        { element: '2', index: 100, valid: 1 },
      ],
      criteria: [
        { criterion: '1.1', element: '1', index: 50, valid: 2 },
        { criterion: '1.2', element: '1', index: null, valid: 0 },
        { criterion: '2.1', element: '2', index: 100, valid: 1 },
      ],
    });
  });
  it('exits 2 naming the line of a malformed file, and nothing on stdout', async () => {
    const f = file('bad.csv', 'respondent,element,criterion,answer\nr1,1,1.1,5\nr2,1,1.1,9\n');
    const r = await run(['compute', f, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/line 3/);
    expect(r.err).toMatch(/dòng 3/);
  });
  it('exits 2 on a missing file or bad usage', async () => {
    expect((await run(['compute', path.join(dir, 'nope.csv'), '--json'])).code).toBe(2);
    expect((await run(['compute'])).code).toBe(2);
    expect((await run(['frobnicate', 'x'])).code).toBe(2);
  });
});
