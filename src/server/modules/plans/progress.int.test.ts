/** Issue #14 point 4: each unit records its own progress on a task; the task's is the lead unit's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TUnit } from '../../../contracts/org';
import { type Factories, factories } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

// Its own units, heads and plan (test/factories.ts), so no change to the demo breaks it.
let t: TestApp;
let f: Factories;
let office: Session;
let lead: Session; // head of the lead unit
let co: Session; // head of the co-operating unit
let leadUnit: TUnit;
let coUnit: TUnit;
beforeAll(async () => {
  t = await createTestApp();
  f = factories(t);
  office = await (await f.office()).officer.login();
  const a = await f.team({ name: 'Phòng Quản lý khoa học (thử)' });
  const b = await f.team({ name: 'Phòng Kế hoạch - Tài chính (thử)' });
  [leadUnit, coUnit] = [a.unit, b.unit];
  lead = await a.head.login();
  co = await b.head.login();
});
afterAll(async () => t?.close());

type Task = {
  id: string;
  progress: number;
  status: string;
  unitProgress: { unit: { id: string; name: string }; role: string; progress: number | null; status: string | null }[];
};

describe('progress per unit on a task', () => {
  it('keeps the lead unit’s 40% when a co-operating unit reports 70%, and shows both', async () => {
    const { plan } = await f.plan({ year: 2021 });
    const item = plan.sections.flatMap((s) => s.items)[0]!;
    // The Office assigns the task through the API, as it does in the app.
    const created = await t.call(office, {
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: { itemId: item.id, title: 'Nhiệm vụ hai đơn vị', leadUnitId: leadUnit.id, coUnitIds: [coUnit.id], dueOn: '2021-10-30' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as Task).id;
    const report = (s: Session, progress: number, status = 'in_progress') =>
      t.call(s, { method: 'POST', url: `/api/tasks/${id}/progress`, payload: { progress, status, note: `Báo cáo ${progress}%` } });

    let r = await report(co, 30);
    expect(r.statusCode, r.body).toBe(200);
    let task = (r.json() as { task: Task }).task;
    // A co-operating unit's work starts the task but does not set its progress.
    expect([task.progress, task.status]).toEqual([0, 'in_progress']);

    await report(lead, 40);
    r = await report(co, 70);
    task = (r.json() as { task: Task }).task;
    expect(task.progress).toBe(40);
    expect(task.unitProgress.map((u) => [u.unit.id, u.role, u.progress])).toEqual([
      [leadUnit.id, 'lead', 40],
      [coUnit.id, 'co', 70],
    ]);

    // The co-operating unit finishing its part does not finish the task; the lead unit does.
    task = ((await report(co, 100, 'done')).json() as { task: Task }).task;
    expect([task.progress, task.status]).toEqual([40, 'in_progress']);
    task = ((await report(lead, 100, 'done')).json() as { task: Task }).task;
    expect([task.progress, task.status]).toEqual([100, 'done']);

    const audit = (await t.call(office, { method: 'GET', url: `/api/audit?entityType=task&entityId=${id}` })).json() as {
      rows: { action: string; summary: string }[];
    };
    expect(audit.rows.filter((a) => a.action === 'task.progress').map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Nhiệm vụ hai đơn vị: Phòng Kế hoạch - Tài chính (thử) 70% (phối hợp)',
        'Nhiệm vụ hai đơn vị: Phòng Quản lý khoa học (thử) 40%',
      ]),
    );
  });
});
