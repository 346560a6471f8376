/**
 * The holiday calendar's entry form (issue #9): checked against the request schema the server
 * uses, so a day left out or a name left empty is named under its field, in Vietnamese, before
 * anything is sent; a complete entry is saved into the year's draft.
 */
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

test('the Office adds a day to the calendar; an incomplete one is named under its fields', async ({ browser }) => {
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/calendar');
  let posted = 0;
  office.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/calendar\/\d+\/entries$/.test(r.url())) posted++;
  });
  await office.getByRole('button', { name: 'Thêm ngày' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Ngày' })).toHaveAccessibleDescription(/bắt buộc phải nhập/);
  await expect(dialog.getByRole('textbox', { name: 'Tên', exact: true })).toHaveAccessibleDescription(/không được để trống/);
  expect(await seriousViolations(office)).toEqual([]);
  expect(posted).toBe(0);

  const year = await office.evaluate(() => new Date().getFullYear());
  await dialog.getByRole('textbox', { name: 'Ngày' }).fill(`24/12/${year}`);
  await dialog.getByRole('textbox', { name: 'Tên', exact: true }).fill('Nghỉ thử nghiệm');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  expect(posted).toBe(1);
  await expect(office.getByText('Nghỉ thử nghiệm').first()).toBeVisible();
  // The change queued a recomputation of the open cases' deadlines; the page follows it to its end (issue #17).
  await expect(office.getByTestId('calendar-recompute')).toContainText(/Lần tính lại thời hạn gần nhất .* xong lúc/, { timeout: 60_000 });
});

test('confirming a year needs its basis, named under the field before anything is sent', async ({ browser }) => {
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/calendar');
  let posted = 0;
  office.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/calendar\/\d+\/confirm$/.test(r.url())) posted++;
  });
  await office.getByRole('button', { name: 'Xác nhận lịch năm' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Căn cứ' }).fill('   ');
  await dialog.getByRole('button', { name: 'Xác nhận lịch năm' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Căn cứ' })).toHaveAccessibleDescription(/không được để trống/);
  expect(await seriousViolations(office)).toEqual([]);
  expect(posted).toBe(0);
  // Not confirmed here: the year in force stays as other journeys expect it.
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
});

test('the deadline calculator names an empty day count before asking, then computes', async ({ browser }) => {
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/calendar');
  let asked = 0;
  office.on('request', (r) => {
    if (r.method() === 'GET' && r.url().includes('/api/calendar/compute')) asked++;
  });
  const days = office.getByRole('textbox', { name: 'Số ngày' });
  await days.fill('');
  await office.getByRole('button', { name: 'Tính', exact: true }).click();
  // The same words as the server's for days=0 (ZComputeQuery reads an empty count as 0).
  await expect(days).toHaveAccessibleDescription(/phải lớn hơn hoặc bằng 1/);
  expect(asked).toBe(0);
  await days.fill('10');
  await office.getByRole('button', { name: 'Tính', exact: true }).click();
  await expect(office.locator('[aria-live="polite"]').getByText(/^\d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  expect(asked).toBe(1);
});
