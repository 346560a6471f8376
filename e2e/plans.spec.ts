/**
 * Plans journey (issue #3): the Office imports the OCR-damaged 2021 plan, fixes a field in the
 * review and saves it, assigns a task; the unit head posts progress with an evidence file; the
 * Office sees the roll-up.
 */
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

const SEED = path.resolve(import.meta.dirname, '../examples/ke-hoach-2021-ban-ocr.txt');
const SUMMARY = 'Triển khai thực hiện Quy chế dân chủ ở cơ sở năm 2021 (bản nhập)';

async function loginAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  return page;
}

test('import a plan, assign a task, report progress with evidence, see the roll-up', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await loginAs(browser, 'vanphong');
  await office.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await office.getByRole('link', { name: 'Nhập từ văn bản' }).click();
  await office.locator('input[type=file]').setInputFiles(SEED);
  await office.getByRole('button', { name: 'Đọc văn bản' }).click();
  await expect(office.getByText('Kiểm tra từng trường', { exact: false })).toBeVisible({ timeout: 30_000 });
  // The OCR'd title is shown with its source; the user corrects it.
  const summary = office.getByLabel('Trích yếu');
  await expect(summary).toHaveValue(/Quy ch/);
  await summary.fill(SUMMARY);
  await expect(office.getByText('Nghị định 04/2015/NĐ-CP', { exact: false }).first()).toBeVisible();
  await office.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(office.getByRole('heading', { name: new RegExp(SUMMARY.replace(/[()]/g, '.')) })).toBeVisible();
  const planUrl = office.url();
  // The header editor: an emptied summary is named under it and nothing is sent.
  let patched = 0;
  office.on('request', (r) => {
    if (r.method() === 'PATCH' && /\/api\/plans\/[^/]+$/.test(r.url())) patched++;
  });
  await office.getByRole('button', { name: 'Sửa', exact: true }).first().click();
  const header = office.getByRole('dialog');
  await header.getByRole('textbox', { name: 'Trích yếu' }).fill('');
  await header.getByRole('button', { name: 'Lưu' }).click();
  await expect(header.getByRole('textbox', { name: 'Trích yếu' })).toHaveAccessibleDescription(/không được để trống/);
  expect(patched).toBe(0);
  await header.getByRole('button', { name: 'Hủy' }).click();
  await expect(header).toBeHidden();
  // The item editor: an emptied item is named under it and nothing is sent.
  let itemPatched = 0;
  office.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().includes('/api/plan-items/')) itemPatched++;
  });
  await office.getByRole('button', { name: 'Sửa', exact: true }).nth(1).click();
  const itemDialog = office.getByRole('dialog');
  await itemDialog.getByRole('textbox', { name: 'Mục' }).fill('');
  await itemDialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(itemDialog.getByRole('textbox', { name: 'Mục' })).toHaveAccessibleDescription(/không được để trống/);
  expect(itemPatched).toBe(0);
  await itemDialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(itemDialog).toBeHidden();
  // A unit's plan with an empty item: named under it, no plan created.
  let created = 0;
  office.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/plans')) created++;
  });
  await office.getByRole('button', { name: '+ Kế hoạch của đơn vị' }).click();
  const unitPlan = office.getByRole('dialog');
  await unitPlan.getByRole('button', { name: 'Lưu' }).click();
  await expect(unitPlan.getByRole('textbox', { name: 'Mục 1' })).toHaveAccessibleDescription(/không được để trống/);
  expect(created).toBe(0);
  await unitPlan.getByRole('button', { name: 'Hủy' }).click();
  await expect(unitPlan).toBeHidden();

  // Assign a task on item II.6 (citizen reception) to Phòng Quản lý khoa học.
  await office.getByRole('button', { name: 'Giao nhiệm vụ' }).first().click();
  const dialog = office.getByRole('dialog');
  // Saved with nothing chosen: the task schema's words under the fields, nothing sent.
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Tên nhiệm vụ' })).toHaveAccessibleDescription(/không được để trống/);
  await expect(dialog.getByText('bắt buộc phải nhập')).toHaveCount(2);
  await dialog.getByRole('combobox', { name: 'Mục' }).click();
  await office.getByRole('option', { name: /^II\.6 / }).click();
  await dialog.getByLabel('Tên nhiệm vụ').fill('Tổ chức tiếp công dân định kỳ tại phòng');
  await dialog.getByRole('combobox', { name: 'Đơn vị chủ trì' }).click();
  await office.getByRole('option', { name: 'Phòng Quản lý khoa học', exact: true }).click();
  await dialog.getByLabel('Hạn').fill('30/12/2021');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();

  // The unit head reports progress with a file.
  const head = await loginAs(browser, 'truongphong');
  await head.goto(planUrl);
  await head.getByRole('tab', { name: /Nhiệm vụ/ }).click();
  await head.getByRole('link', { name: 'Tổ chức tiếp công dân định kỳ tại phòng' }).click();
  await head.getByLabel('Tiến độ (%)').fill('40');
  await head.getByLabel('Nội dung thực hiện').fill('Đã tổ chức 2 buổi tiếp công dân, lập biên bản đầy đủ.');
  await head
    .locator('input[type=file]')
    .setInputFiles({ name: 'Biên bản tiếp công dân.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nbien ban\n%%EOF') });
  await head.getByRole('button', { name: 'Lưu' }).click();
  await expect(head.getByText('Biên bản tiếp công dân.pdf')).toBeVisible();
  await expect(head.getByText('Đã tổ chức 2 buổi tiếp công dân', { exact: false })).toBeVisible();

  // The Office sees the roll-up.
  await office.reload();
  await office.getByRole('tab', { name: 'Tổng hợp tiến độ' }).click();
  await expect(office.getByRole('row', { name: /Phòng Quản lý khoa học.*40%/ })).toBeVisible();
});

test('the legal document form names what is missing before anything is sent, then saves', async ({ browser }) => {
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/plans/documents');
  let posted = 0;
  office.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/legal-documents')) posted++;
  });
  await office.getByRole('button', { name: 'Thêm', exact: true }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Số, ký hiệu' })).toHaveAccessibleDescription(/không được để trống/);
  await expect(dialog.getByRole('textbox', { name: 'Loại văn bản' })).toHaveAccessibleDescription(/không được để trống/);
  expect(posted).toBe(0);
  const symbol = `${Date.now() % 100000}/TB-E2E`;
  await dialog.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(symbol);
  await dialog.getByRole('textbox', { name: 'Loại văn bản' }).fill('Thông báo');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  expect(posted).toBe(1);
  await expect(office.getByText(symbol).first()).toBeVisible();
});
