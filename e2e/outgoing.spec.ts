/**
 * The register of outgoing documents (issue #14 point 1): the văn thư gives the plan its number
 * from the register; the plan shows it instead of "chờ văn thư cấp số", the register lists it,
 * and the plan shows its overall progress. axe-core finds no critical or serious violation.
 */
import { expect, test } from '@playwright/test';
import { login, seriousViolations } from './axe';

test.use({ bypassCSP: true });

test('the văn thư numbers the plan from the register; the plan and the register show the number', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'vanphong');
  const plans = (await (await page.request.get('/api/plans?year=2021')).json()) as {
    id: string;
    unit: unknown;
    numberSymbol: string | null;
    summary: string;
  }[];
  const plan = plans.find((p) => p.unit === null && !p.numberSymbol)!;
  await page.goto(`/plans/${plan.id}`);
  await expect(page.getByText('chờ văn thư cấp số').first()).toBeVisible();
  // The plan's overall progress, as the dashboard and the consolidated report count it.
  await expect(page.getByText(/^Tiến độ chung: \d+\/\d+ nhiệm vụ hoàn thành, \d+ quá hạn$/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Tiến độ chung của kế hoạch: \d+%$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Cấp số', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Cấp số, ký hiệu từ sổ văn bản đi' });
  await expect(dialog.getByLabel('Ngày ban hành')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cấp số' }).click();
  await expect(page.getByText(/^Đã cấp số \d{2,}\/KH-SKHCN$/)).toBeVisible();
  const symbol = ((await page.getByText(/^Đã cấp số \d{2,}\/KH-SKHCN$/).textContent()) ?? '').replace('Đã cấp số ', '');
  await expect(page.getByText('chờ văn thư cấp số')).toHaveCount(0);
  await expect(page.getByText(`Số, ký hiệu: ${symbol}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cấp số', exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: 'Sổ văn bản đi' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đi' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(symbol) });
  await expect(row).toContainText(plan.summary);
  await expect(row.getByRole('link', { name: 'Kế hoạch trong hệ thống' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A notice registered by hand takes the next number of its own type.
  await page.getByRole('button', { name: 'Cấp số văn bản' }).click();
  const form = page.getByRole('dialog', { name: 'Cấp số văn bản' });
  await form.getByLabel('Tên loại và trích yếu').fill('Lịch tiếp công dân tháng 12');
  await form.getByRole('button', { name: 'Cấp số văn bản' }).click();
  await expect(page.getByText(/^Đã cấp số \d{2,}\/TB-SKHCN$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Thông báo Lịch tiếp công dân tháng 12/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
