/** Issue #14 point 4: each unit records its own progress on a task; the task's is the lead unit's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Session;
let lead: Session; // truongphong: head of Phòng Quản lý khoa học (QLKH)
let co: Session; // tpkhtc: head of Phòng Kế hoạch - Tài chính (KHTC)
let unitId: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('vanphong');
  lead = await t.login('truongphong');
  co = await t.login('tpkhtc');
  const list = (await t.call(office, { method: 'GET', url: '/api/units?all=true' })).json() as { id: string; code: string }[];
  unitId = Object.fromEntries(list.map((u) => [u.code, u.id]));
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
    const plans = (await t.call(office, { method: 'GET', url: '/api/plans?year=2021' })).json() as { id: string; unit: unknown }[];
    const plan = (await t.call(office, { method: 'GET', url: `/api/plans/${plans.find((p) => p.unit === null)!.id}` })).json();
    const item = plan.sections.flatMap((s: { items: { id: string }[] }) => s.items)[0];
    const created = await t.call(office, {
      method: 'POST',
      url: `/api/plans/${plan.id}/tasks`,
      payload: { itemId: item.id, title: 'Nhiệm vụ hai đơn vị', leadUnitId: unitId.QLKH, coUnitIds: [unitId.KHTC], dueOn: '2021-10-30' },
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
      [unitId.QLKH, 'lead', 40],
      [unitId.KHTC, 'co', 70],
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
        'Nhiệm vụ hai đơn vị: Phòng Kế hoạch - Tài chính 70% (phối hợp)',
        'Nhiệm vụ hai đơn vị: Phòng Quản lý khoa học 40%',
      ]),
    );
  });
});
