/**
 * The review of an imported plan (issues #15 and #14 point 9): the OCR-damaged 2021 plan is
 * read, its item texts come back restored with each changed word marked (source and confidence
 * at hand), the deadlines it found are proposed as tasks and report cycles, a likely duplicate
 * of the plan already in the system is flagged, and axe-core finds no critical or serious
 * accessibility violation on the import page, before or after the upload.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';

const SEED = path.resolve(import.meta.dirname, '../examples/ke-hoach-2021-ban-ocr.txt');

// The app's CSP forbids inline scripts; the test browser lets axe-core in.
test.use({ bypassCSP: true });

test('the review marks restored words, proposes tasks and cycles, warns of a duplicate, and is accessible', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  await page.goto('/plans/import');
  await expect(page.getByRole('button', { name: 'Đọc văn bản' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('input[type=file]').setInputFiles(SEED);
  await page.getByRole('button', { name: 'Đọc văn bản' }).click();
  await expect(page.getByText('Kiểm tra từng trường', { exact: false })).toBeVisible({ timeout: 60_000 });

  // The damaged text was restored: words are marked with their source and confidence.
  await expect(page.getByText('Văn bản bị mất dấu hoặc lỗi nhận dạng', { exact: false })).toBeVisible();
  const marks = page.locator('[data-testid=restored-item] mark');
  expect(await marks.count()).toBeGreaterThan(20);
  await expect(marks.first()).toHaveAttribute('title', /gốc: “.+”, độ tin cậy \d+%/);
  await expect(page.locator('[data-testid=restored-item]').first()).toContainText('Văn bản trong tệp');
  // Item II.1 is saved restored ("Triển khai thực hiện…"), not as the OCR had it ("Trién khai thuc hién…").
  await expect(page.getByLabel('II.1', { exact: true })).toHaveValue(/^Triển khai thực hiện/);

  // The plan of 2021 is already in the system.
  await expect(page.getByTestId('duplicate-warning').first()).toContainText('Có thể trùng');

  // The reporting deadlines become proposed report cycles.
  const proposals = page.getByTestId('proposals');
  await expect(proposals).toContainText('6 tháng đầu năm 2021');
  await expect(proposals).toContainText('năm 2021');
  await expect(proposals.getByRole('checkbox').first()).toBeChecked();

  expect(await seriousViolations(page)).toEqual([]);

  // Saving creates the plan and the checked cycles.
  await page.getByLabel('Trích yếu').fill('Thực hiện Quy chế dân chủ ở cơ sở năm 2021 (bản nhập lại)');
  await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page.getByText(/Đã tạo \d+ nhiệm vụ và [1-9]\d* kỳ báo cáo/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: /bản nhập lại/ })).toBeVisible();
});
