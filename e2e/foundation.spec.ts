/**
 * Foundation journeys (issue #2): the Office logs in, sees the dashboard, creates a unit and
 * finds it in the audit log; a civil servant is not offered unit administration.
 */
import { expect, test, type Page } from '@playwright/test';

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
}

test('the Office creates a unit and sees it in the audit log', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await login(page, 'vanphong');
  // The dashboard shows real counts from the demo agency.
  await expect(page.getByText('Đơn vị đang hoạt động')).toBeVisible();

  await page.getByRole('link', { name: 'Đơn vị', exact: true }).first().click();
  await expect(page.getByRole('cell', { name: 'Phòng Quản lý khoa học' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã đơn vị').fill('TCD');
  await dialog.getByLabel('Tên đơn vị').fill('Tổ Tiếp công dân');
  await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  await page.getByRole('option', { name: 'Khác' }).click();
  await dialog.getByLabel('Ngày hiệu lực').fill('01/12/2026');
  await dialog.getByLabel('Biên chế').fill('3');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Tổ Tiếp công dân' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Tổ Tiếp công dân/ })).toContainText('01/12/2026');

  await page.getByRole('link', { name: 'Nhật ký', exact: true }).first().click();
  // The log says what happened in words, not 'unit.create' (issue #14 point 7).
  const row = page.getByRole('row', { name: /Tổ Tiếp công dân/ }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('tạo mới');
  await expect(page.getByText('unit.create')).toHaveCount(0);
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});

test('a civil servant is not offered unit administration', async ({ page }) => {
  await login(page, 'canbo');
  await page.getByRole('link', { name: 'Đơn vị', exact: true }).first().click();
  await expect(page.getByRole('cell', { name: 'Phòng Quản lý khoa học' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm đơn vị' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nhật ký', exact: true })).toHaveCount(0);
});

test('a bad form value is named next to its field and nothing is lost', async ({ page }) => {
  await login(page, 'vanphong');
  await page.getByRole('link', { name: 'Đơn vị', exact: true }).first().click();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  // Nothing filled in: the request schema's own words under each field, before anything is sent.
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/units')) posted++;
  });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByLabel('Tên đơn vị')).toHaveAccessibleDescription(/không được để trống/);
  await expect(dialog.getByText('Hãy chọn loại đơn vị')).toBeVisible();
  await dialog.getByLabel('Mã đơn vị').fill('V P');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('chỉ gồm chữ, số và . _ -')).toBeVisible();
  expect(posted).toBe(0);
  await dialog.getByLabel('Mã đơn vị').fill('VP');
  await dialog.getByLabel('Tên đơn vị').fill('Trùng mã với Văn phòng');
  await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  await page.getByRole('option', { name: 'Khác' }).click();
  await dialog.getByLabel('Ngày hiệu lực').fill('01/01/2026');
  await dialog.getByLabel('Biên chế').fill('1');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText(/đang được dùng/).first()).toBeVisible();
  // The dialog keeps what was typed.
  await expect(dialog.getByLabel('Tên đơn vị')).toHaveValue('Trùng mã với Văn phòng');
});

test('the password form says what is wrong under each field, in its own words and the server’s', async ({ page }) => {
  await login(page, 'canbo');
  await page.goto('/account/password');
  await page.getByRole('textbox', { name: 'Mật khẩu hiện tại' }).fill('sai-mat-khau');
  await page.getByRole('textbox', { name: 'Mật khẩu mới', exact: true }).fill('ngan');
  await page.getByRole('textbox', { name: 'Nhập lại mật khẩu mới' }).fill('khac');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('mật khẩu mới phải có ít nhất 10 ký tự')).toBeVisible();
  await page.getByRole('textbox', { name: 'Mật khẩu mới', exact: true }).fill('mat-khau-moi-du-dai');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Hai lần nhập mật khẩu mới không khớp')).toBeVisible();
  // The form is valid; the server refuses the current password and says so under that field.
  await page.getByRole('textbox', { name: 'Nhập lại mật khẩu mới' }).fill('mat-khau-moi-du-dai');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('textbox', { name: 'Mật khẩu hiện tại' })).toHaveAccessibleDescription(/mật khẩu hiện tại không đúng/);
});

test('the person form names each bad field before anything is sent, then saves', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/org/people');
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog');
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/people')) posted++;
  });
  await dialog.getByLabel('Tên đăng nhập').fill('Sai Ten');
  await dialog.getByLabel('Mật khẩu ban đầu').fill('ngan');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('chỉ gồm chữ thường không dấu, số và . _ -')).toBeVisible();
  await expect(dialog.getByLabel('Họ và tên')).toHaveAccessibleDescription(/không được để trống/);
  await expect(dialog.getByText('mật khẩu phải có ít nhất 10 ký tự')).toBeVisible();
  expect(posted).toBe(0);
  const username = `moi.${Date.now()}`;
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ và tên').fill('Người Mới Thử');
  await dialog.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai-2026');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  expect(posted).toBe(1);
  await page.getByLabel('Tìm người (không cần dấu)').fill(username);
  await expect(page.getByText('Người Mới Thử').first()).toBeVisible();
});
