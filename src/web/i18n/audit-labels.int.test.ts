/**
 * Every kind of record and every action the audit log holds has a label in both languages, so
 * the audit page never shows a raw code such as `case` or `auth.login` (issues #9 and #14). The
 * demo agency exercises every module; a module that adds a record type adds its labels.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../server/platform/db';
import { createTestApp, type TestApp } from '../../server/test/harness';
import type { Messages } from '../module';
import { loadAllResources } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const audit = (m: Messages) => m.audit as Messages;

describe('audit log labels', () => {
  it('has a Vietnamese and an English label for every record type and action in the demo', async () => {
    const rows = rowsOf<{ entity_type: string; action: string }>(
      await t.db.owner.execute(sql`select distinct entity_type, action from audit_log`),
    );
    expect(rows.length).toBeGreaterThan(30);
    const RESOURCES = await loadAllResources();
    const missing: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const a = audit(RESOURCES[lang]);
      for (const r of rows) {
        if (typeof a[`type_${r.entity_type}`] !== 'string') missing.push(`${lang}: audit.type_${r.entity_type}`);
        const verb = r.action.slice(r.action.lastIndexOf('.') + 1);
        if (typeof a[`verb_${verb}`] !== 'string') missing.push(`${lang}: audit.verb_${verb} (${r.action})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('offers the filters from what the agency’s log holds, to those who may read the log', async () => {
    const office = await t.login('vanphong');
    const res = await t.call(office, { method: 'GET', url: '/api/audit/facets' });
    expect(res.statusCode).toBe(200);
    const f = res.json() as { entityTypes: string[]; actions: string[] };
    expect(f.entityTypes).toContain('case');
    expect(f.actions).toContain('case.assign');
    const staff = await t.login('canbo');
    expect((await t.call(staff, { method: 'GET', url: '/api/audit/facets' })).statusCode).toBe(403);
  });
});
