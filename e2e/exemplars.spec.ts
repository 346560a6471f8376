/**
 * "Dân vận khéo" models journey (issue #12): a unit head registers a model, launches it and adds
 * evidence with a file; the Office records the council's evaluation and the recognition; the model
 * is found without diacritics; axe-core finds no critical or serious violation on the pages.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

async function pickDate(page: Page | Locator, label: string, dmy: string) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(dmy);
}

test('a unit head registers and runs a model, the Office evaluates and recognises it', async ({ browser }) => {
  test.setTimeout(120_000);
  const head = await loginAs(browser, 'truongphong');
  await head.getByRole('link', { name: 'Mô hình Dân vận khéo' }).click();
  await expect(head.getByRole('heading', { name: 'Mô hình “Dân vận khéo”' })).toBeVisible();
  await expect(head.getByRole('link', { name: 'Cân đối chứng tại chợ — người mua tự kiểm tra' })).toBeVisible();
  expect(await seriousViolations(head)).toEqual([]);

  await head.getByRole('button', { name: 'Đăng ký mô hình' }).click();
  const form = head.getByRole('dialog');
  await form.getByLabel('Tên mô hình').fill('Góp ý dự thảo trực tuyến của công chức');
  await pickDate(form, 'Ngày bắt đầu', '05/01/2026');
  await form.getByLabel('Mục tiêu').fill('Mọi dự thảo của Phòng đều được công chức góp ý trước khi trình.');
  await form.getByLabel('Sản phẩm kiểm chứng được').fill('Bảng tổng hợp góp ý');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(head.getByRole('heading', { name: 'Góp ý dự thảo trực tuyến của công chức' })).toBeVisible();
  await expect(head.getByText('Phòng Quản lý khoa học').first()).toBeVisible();
  await head.getByRole('button', { name: 'Triển khai' }).click();
  await expect(head.getByText('Đang triển khai').first()).toBeVisible();

  await pickDate(head, 'Ngày ghi nhận', '30/06/2026');
  await head.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('6 tháng: 12 dự thảo, 85 lượt góp ý.');
  await head.getByLabel('Số liệu').fill('Lượt góp ý');
  await head.getByLabel('Giá trị').fill('85');
  await head
    .locator('input[type=file]')
    .setInputFiles({ name: 'tong-hop-gop-y.txt', mimeType: 'text/plain', buffer: Buffer.from('Tổng hợp góp ý 6 tháng') });
  await head.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await expect(head.getByText('6 tháng: 12 dự thảo, 85 lượt góp ý.')).toBeVisible();
  await expect(head.getByRole('link', { name: /tong-hop-gop-y\.txt/ })).toBeVisible();
  // Only the Office evaluates.
  await expect(head.getByRole('button', { name: 'Ghi kết quả đánh giá' })).toHaveCount(0);
  const url = head.url();

  const office = await loginAs(browser, 'vanphong');
  await office.goto(url);
  await office.getByRole('button', { name: 'Ghi kết quả đánh giá' }).click();
  const dialog = office.getByRole('dialog');
  await pickDate(dialog, 'Ngày đánh giá', '20/11/2026');
  await dialog.getByLabel('Hội đồng').fill('Hội đồng đánh giá mô hình của Sở');
  await dialog.getByLabel('Thành viên 1').fill('Đặng Quốc Bảo');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByText(/80 \/ Điểm đạt 70 — Đạt/)).toBeVisible();
  await expect(office.getByText('Đã đánh giá').first()).toBeVisible();
  // After a reload: the "saved" toast's close button is the shell's, not this page's.
  await office.reload();
  await expect(office.getByText('Hội đồng đánh giá mô hình của Sở').first()).toBeVisible();
  expect(await seriousViolations(office)).toEqual([]);

  await office.getByRole('button', { name: 'Ghi nhận công nhận' }).click();
  await office.getByRole('dialog').getByLabel('Quyết định (số, ngày)').fill('12/QĐ-SKHCN ngày 25/11/2026');
  await pickDate(office.getByRole('dialog'), 'Ngày công nhận', '25/11/2026');
  await office.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByText('Đã công nhận').first()).toBeVisible();
  await expect(office.getByText(/Cấp Sở — 12\/QĐ-SKHCN/)).toBeVisible();

  await office.goto('/models');
  await office.getByLabel('Tìm mô hình (không cần dấu)').fill('gop y du thao');
  await expect(office.getByRole('link', { name: 'Góp ý dự thảo trực tuyến của công chức' })).toBeVisible();
  await expect(office.getByRole('link', { name: 'Cân đối chứng tại chợ — người mua tự kiểm tra' })).toHaveCount(0);
});
