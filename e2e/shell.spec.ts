/**
 * The shell's header after its dropdowns left the first page (issue #17): the search results, the
 * notifications and the user menu load on first use, the toasts' container with the first toast,
 * and each still works as before — by mouse and by keyboard, focus coming back to the trigger.
 */
import { expect, test, type Page } from '@playwright/test';
import { login } from './axe';

/** The names of the app's files the page has fetched so far. */
/** Whether the focus is inside the open menu (Mantine moves it there once the menu shows). */
async function focusInMenu(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="menu"]'))).toBe(true);
}

function fetched(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([A-Za-z-]+)-[\w-]+\.(?:js|css)$/.exec(new URL(r.url()).pathname);
    if (m) files.push(m[1]!);
  });
  return files;
}

test('the user menu and the notifications load on first use and work from mouse and keyboard', async ({ page }) => {
  const files = fetched(page);
  await login(page, 'vanphong');
  await page.waitForLoadState('networkidle');
  // Drawing the shell and the dashboard fetched neither the menus nor the toasts.
  expect(files).not.toContain('ShellMenus');
  expect(files).not.toContain('Toasts');

  const account = page.getByRole('button', { name: /^Tài khoản: / });
  await expect(account).toHaveAttribute('aria-haspopup', 'menu');
  await expect(account).toHaveAttribute('aria-expanded', 'false');
  await account.click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Đổi mật khẩu' })).toBeVisible();
  expect(files).toContain('ShellMenus');
  await expect(page.getByRole('button', { name: /^Tài khoản: / })).toHaveAttribute('aria-expanded', 'true');
  // The focus goes into it; Escape closes it and gives the focus back to its button.
  await focusInMenu(page);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: /^Tài khoản: / })).toBeFocused();
  // Opened again from the keyboard, an item takes you to its page.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Đổi mật khẩu' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);

  // The bell: a fresh page, reached with the keyboard, opened with Enter (it loads then).
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  const bell = page.getByRole('button', { name: /^Thông báo/ });
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toContainText('Thông báo');
  await focusInMenu(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(page.getByRole('button', { name: /^Thông báo/ })).toBeFocused();

  // The user menu switches the language and back.
  await page.getByRole('button', { name: /^Tài khoản: / }).click();
  await page.getByRole('menuitem', { name: /English/ }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitem', { name: /Tiếng Việt/ }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
});

test('the search box keeps what is typed while its results load, and a result opens its page', async ({ page }) => {
  const files = fetched(page);
  await login(page, 'vanphong');
  const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // Typed key by key: the input is never replaced under the typing.
  await box.pressSequentially('khoa hoc', { delay: 30 });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('khoa hoc');
  expect(files).toContain('ShellMenus');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const results = page.locator(`#${await box.getAttribute('aria-controls')}`);
  await expect(results).toBeVisible();
  await expect(results).toHaveAttribute('role', 'dialog');
  const hit = results.getByRole('button', { name: /Phòng Quản lý khoa học/ }).first();
  await expect(hit).toBeVisible();
  // The results sit under the box.
  const [b, r] = [await box.boundingBox(), await results.boundingBox()];
  expect(r!.y).toBeGreaterThanOrEqual(b!.y + b!.height - 1);
  // A click in the box leaves them open; Escape closes them.
  await box.click();
  await expect(results).toBeVisible();
  await box.press('Escape');
  await expect(results).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.press('ArrowLeft');
  await box.pressSequentially(' ');
  await expect(results).toBeVisible();
  // A click elsewhere closes them too; then a result opens its page.
  await page.getByRole('heading', { name: 'Bảng điều khiển' }).click();
  await expect(results).toBeHidden();
  await box.focus();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/org\/units\/[0-9a-f-]{36}$/);
  await expect(box).toHaveValue('');
});

test('the first toast brings its container, and a select keeps its own dropdown style', async ({ page }) => {
  const files = fetched(page);
  await login(page, 'vanphong');
  await page.getByRole('link', { name: 'Đơn vị', exact: true }).first().click();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã đơn vị').fill('VOTRUNG');
  await dialog.getByLabel('Tên đơn vị').fill('Tổ Văn thư vỏ trang');
  await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  // The select's list is a popover too: its own padding wins over the popover's, as in
  // @mantine/core/styles.css, although the popover's sheet now comes in a later file.
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  const dropdown = listbox.locator('xpath=ancestor::*[contains(@class, "mantine-Popover-dropdown")][1]');
  await expect(dropdown).toHaveCSS('padding-top', '4px');
  await page.getByRole('option', { name: 'Khác' }).click();
  await dialog.getByLabel('Ngày hiệu lực').fill('01/12/2026');
  await dialog.getByLabel('Biên chế').fill('2');
  expect(files).not.toContain('Toasts');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Đã tạo đơn vị' });
  await expect(toast).toBeVisible();
  expect(files).toContain('Toasts');
  // Styled (its sheet came with it) and closable by a named button.
  await expect(toast).toHaveCSS('display', 'flex');
  await toast.getByRole('button', { name: 'Đóng thông báo' }).click();
  await expect(toast).toBeHidden();
});

test('a failed download of the menus or of the toasts leaves the app working, and is tried again', async ({ page }) => {
  await login(page, 'vanphong');
  // Offline for the menus' code: the button stays, the app stays, an error toast says why.
  await page.route('**/assets/ShellMenus-*.js', (r) => r.abort());
  await page.getByRole('button', { name: /^Tài khoản: / }).click();
  const toast = page.locator('.mantine-Notification-root');
  await expect(toast).toContainText('Không tải được phần này của ứng dụng');
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await toast.getByRole('button', { name: 'Đóng thông báo' }).click();
  await expect(toast).toHaveCount(0);
  // Back online: the next click opens the menu.
  await page.unroute('**/assets/ShellMenus-*.js');
  await page.getByRole('button', { name: /^Tài khoản: / }).click();
  await expect(page.getByRole('menuitem', { name: 'Đổi mật khẩu' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Offline for the toasts' container on a fresh page: the toast waits, the app stays.
  await page.goto('/org/units');
  await page.route('**/assets/Toasts-*.js', (r) => r.abort());
  const create = async (code: string, name: string) => {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã đơn vị').fill(code);
    await dialog.getByLabel('Tên đơn vị').fill(name);
    await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
    await page.getByRole('option', { name: 'Khác' }).click();
    await dialog.getByLabel('Ngày hiệu lực').fill('01/12/2026');
    await dialog.getByLabel('Biên chế').fill('1');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
  };
  await create('VOMANG1', 'Tổ thử mạng một');
  await expect(page.getByRole('cell', { name: 'Tổ thử mạng một' })).toBeVisible();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  // Back online: the next toast brings the container, and both toasts show.
  await page.unroute('**/assets/Toasts-*.js');
  await create('VOMANG2', 'Tổ thử mạng hai');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(2);
});
