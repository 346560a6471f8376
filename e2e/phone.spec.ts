/**
 * The everyday work on a phone (issue #14 points 6 and 7): on a phone the plan's tasks
 * and the reception book are cards, not squeezed tables, and a recurrence reads in words; the
 * portal takes a tracking code typed in lower case with spaces; the audit log speaks Vietnamese.
 */
import { expect, test } from '@playwright/test';
import { login } from './axe';

test('a phone gets cards, recurrences in words, and the portal takes a code as typed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'vanphong');

  // The 2021 plan's tasks: cards, one carrying "định kỳ 6 tháng" instead of "↻ 6 th".
  await page.goto('/plans');
  await page
    .getByRole('link', { name: /^KẾ HOẠCH Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021$/ })
    .click();
  await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
  const cards = page.locator('article');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByText('định kỳ 6 tháng', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('↻')).toHaveCount(0);
  await expect(page.locator('main table >> visible=true')).toHaveCount(0);
  // Nothing runs off the right edge of the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The reception book: one card per line, its case codes as links.
  await page.goto('/reception');
  await page.getByRole('tab', { name: 'Sổ tiếp công dân' }).click();
  await expect(page.getByRole('button', { name: /Xem chi tiết|Chi tiết/ }).first()).toBeVisible();
  await expect(page.locator('main table >> visible=true')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The audit log names what happened in Vietnamese, never "auth.login".
  await page.goto('/audit');
  await expect(page.getByText('đăng nhập', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('auth.login')).toHaveCount(0);

  // The portal: a code typed in lower case with spaces is tidied and looked up, not refused.
  await page.goto('/portal');
  await page.waitForURL(/\/portal\/[^/]+$/);
  await page.getByRole('tab', { name: 'Tra cứu' }).click();
  const code = page.getByLabel('Mã tra cứu');
  await code.fill('kn 7k2m q9xd 4rtv');
  await code.blur();
  await expect(code).toHaveValue('KN-7K2M-Q9XD-4RTV');
  await page.getByRole('button', { name: 'Tra cứu' }).last().click();
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy đơn');
  // The language button is whole on a phone.
  const lang = page.getByRole('button', { name: 'English' });
  await expect(lang).toBeVisible();
  const box = await lang.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
});
