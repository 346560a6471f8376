/**
 * Disclosures journey (issue #10): the Office registers the 2027 plan for all staff and publishes
 * it; a staff member finds it in "Công khai" and acknowledges it, and the Office sees who has not
 * read it yet; a budget item published to the public appears on the portal under the agency with
 * its document, and internal items do not. axe-core finds no critical or serious violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });
// Toasts come from the shared notifier (ui/notify.ts), whose close button is not this module's.
const NOTIFIER = { exclude: ['.mantine-Notification-root'] };

const PLAN = 'Kế hoạch công tác năm 2027 của Sở';
const BUDGET = 'Dự toán thu, chi ngân sách năm 2027 được giao';

async function register(office: Page, title: string, category: RegExp, sourceRef: string) {
  await office.getByRole('button', { name: 'Đăng ký nội dung công khai' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByLabel(/^Nội dung/).fill(title);
  await dialog.getByRole('combobox', { name: 'Nhóm nội dung (Điều 46)' }).click();
  await office.getByRole('option', { name: category }).click();
  await dialog.getByLabel('Số, ký hiệu văn bản').fill(sourceRef);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByRole('heading', { name: title })).toBeVisible();
  // Publish-by with its explanation (DC-PUBLISH on the agency calendar).
  await expect(office.getByText(/DC-PUBLISH/).first()).toBeVisible();
  await office.getByRole('button', { name: 'Công khai ngay' }).click();
  await office.getByRole('dialog').getByRole('button', { name: 'Công khai ngay' }).click();
  await expect(office.getByText('Đang công khai').first()).toBeVisible();
  await expect(office.getByText(/DC-POST-MIN/).first()).toBeVisible();
}

test('the Office publishes the 2027 plan, a staff member acknowledges it, the public sees public items', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await loginAs(browser, 'vanphong');
  await office.getByRole('link', { name: 'Công khai', exact: true }).click();
  await expect(office.getByRole('heading', { name: 'Công khai thông tin' })).toBeVisible();
  expect(await seriousViolations(office, NOTIFIER)).toEqual([]);

  await register(office, PLAN, /^2\. /, '01/KH-SKHCN');
  const planUrl = office.url();
  await expect(office.getByText(/0\/\d+ người đã đọc/)).toBeVisible();
  expect(await seriousViolations(office, NOTIFIER)).toEqual([]);

  // A staff member sees it among what awaits their acknowledgement, and acknowledges it.
  const staff = await loginAs(browser, 'canbo');
  await staff.goto('/disclosures?view=unread');
  await staff.getByRole('link', { name: PLAN }).click();
  await staff.getByRole('button', { name: 'Tôi đã đọc' }).click();
  await expect(staff.getByText('Đã xác nhận đã đọc').first()).toBeVisible();

  // The Office sees her among those who read it.
  await office.goto(planUrl);
  await expect(office.getByText(/1\/\d+ người đã đọc/)).toBeVisible();
  await expect(office.getByText(/Phạm Thị Mai ·/)).toBeVisible();

  // A budget item (category 3: public by default) goes to the portal; the plan (staff only) does not.
  await office.goto('/disclosures');
  await register(office, BUDGET, /^3\. /, '05/QĐ-UBND');
  const portal = await (await browser.newContext()).newPage();
  await portal.goto('/portal/skhcn-qng');
  await portal.getByRole('link', { name: /Thông tin công khai/ }).click();
  await expect(portal.getByRole('heading', { name: BUDGET })).toBeVisible();
  await expect(portal.getByRole('heading', { name: 'Kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 của Sở' })).toBeVisible();
  await expect(portal.getByText(PLAN)).toHaveCount(0);
  expect(await seriousViolations(portal, NOTIFIER)).toEqual([]);
});
