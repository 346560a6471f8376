/**
 * Disclosures journey (issue #10): the Office registers the 2027 plan for all staff and publishes
 * it; a staff member finds it in "Công khai" and acknowledges it, and the Office sees who has not
 * read it yet; a budget item published to the public appears on the portal under the agency with
 * its document, and internal items do not. Then (second part) a consultation collects two staff
 * comments, the Office classifies them, ends it and publishes the explanation, which staff find as
 * an Art. 46(10) disclosure; the Office replaces in the registry a document a posted item cites,
 * and the sweep ("Rà soát ngay", the daily job's function) shows it withdrawn with the reason.
 * axe-core finds no critical or serious violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });
// One journey in two chained parts (issue #10): the second goes on from what the first published.
test.describe.configure({ mode: 'serial' });
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

  // The Office prints the notice board from the browser: the plan posted on the board is on it.
  await office.goto('/disclosures');
  await office.getByRole('link', { name: 'In bảng tin' }).click();
  await expect(office.getByRole('heading', { name: 'NIÊM YẾT CÔNG KHAI THÔNG TIN' })).toBeVisible();
  const sheet = office.getByRole('table', { name: 'NIÊM YẾT CÔNG KHAI THÔNG TIN' });
  await expect(sheet).toContainText(PLAN);
  await expect(sheet).toContainText('01/KH-SKHCN');
  await expect(office.getByRole('button', { name: 'In bảng tin' })).toBeVisible();
  expect(await seriousViolations(office, NOTIFIER)).toEqual([]);
});

/** A date `days` from today in Vietnam, as the date fields take it (dd/mm/yyyy). */
function dmy(days: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));
}

test('two staff comments are answered and the explanation disclosed; the sweep withdraws an item whose document was replaced', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const DRAFT = 'Dự thảo Chương trình công tác năm 2027 của Văn phòng Sở';
  const EXPLAINED = `Giải trình tiếp thu ý kiến: ${DRAFT}`;
  const ACCEPTED = 'Đề nghị bổ sung chỉ tiêu số hóa hồ sơ lưu trữ.';
  const REJECTED = 'Đề nghị lùi hội nghị cán bộ sang tháng 4/2027.';

  // 1. The Office plans a consultation of two staff (Art. 55): Phạm Thị Mai and Lê Minh Tuấn.
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/consultations');
  await office.getByRole('button', { name: 'Lập kế hoạch lấy ý kiến' }).click();
  const plan = office.getByRole('dialog');
  await plan.getByLabel(/^Tên dự thảo/).fill(DRAFT);
  await plan
    .getByLabel(/^Toàn văn dự thảo/)
    .fill('I. Mục tiêu: hoàn thành chuyển đổi số hồ sơ.\nII. Hội nghị cán bộ, công chức, viên chức trong quý I năm 2027.');
  await plan.getByRole('combobox', { name: 'Đối tượng lấy ý kiến' }).click();
  await office.getByRole('option', { name: 'Đại biểu được chọn' }).click();
  await plan.getByLabel('Đại biểu', { exact: true }).and(office.locator('input')).click();
  await office.getByRole('option', { name: 'Phạm Thị Mai' }).click();
  await office.getByRole('option', { name: 'Lê Minh Tuấn' }).click();
  await office.keyboard.press('Escape');
  await plan.getByLabel(/^Ngày bắt đầu/).fill(dmy(0));
  await plan.getByLabel(/^Ngày bắt đầu/).press('Tab');
  await plan.getByLabel(/^Ngày kết thúc/).fill(dmy(7));
  await plan.getByLabel(/^Ngày kết thúc/).press('Tab');
  await plan.getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByRole('heading', { name: DRAFT })).toBeVisible();
  const consultationUrl = office.url();

  // 2. Each of them comments on a passage of the draft.
  for (const [user, passage, text] of [
    ['canbo', 1, ACCEPTED],
    ['truongphong', 2, REJECTED],
  ] as const) {
    const page = await loginAs(browser, user);
    await page.goto(consultationUrl);
    await page.getByRole('button', { name: `Góp ý đoạn này ${passage}` }).click();
    await page.getByLabel(/Ý kiến của bạn/).fill(text);
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect(page.getByTestId('comment').filter({ hasText: text })).toContainText('Ý kiến của tôi');
    await page.context().close();
  }

  // 3. The Office classifies both (accepted; not accepted, with the reason), ends the consultation
  //    now that everyone consulted has answered, and publishes the explanation (Art. 55).
  await office.goto(consultationUrl);
  await expect(office.getByText('2/2 người đã góp ý')).toBeVisible();
  const first = office.getByTestId('comment').filter({ hasText: ACCEPTED });
  await first.getByRole('button', { name: 'Tổng hợp' }).click();
  await expect(first.locator('.mantine-Badge-root', { hasText: 'Tiếp thu' })).toBeVisible();
  const second = office.getByTestId('comment').filter({ hasText: REJECTED });
  await second.getByText('Không tiếp thu').click();
  await second.getByLabel(/Lý do/).fill('Điều 51 khoản 1 Luật: hội nghị chậm nhất 03 tháng sau khi kết thúc năm công tác.');
  await second.getByRole('button', { name: 'Tổng hợp' }).click();
  await expect(second.locator('.mantine-Badge-root', { hasText: 'Không tiếp thu' })).toBeVisible();
  await office.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
  await expect(office.getByText('Đã kết thúc', { exact: true }).first()).toBeVisible();
  await office
    .getByLabel('Giải trình tiếp thu ý kiến (Điều 55)')
    .fill('Văn phòng tiếp thu 01 ý kiến (bổ sung chỉ tiêu số hóa); không tiếp thu 01 ý kiến vì thời hạn hội nghị do Luật quy định.');
  await office.getByRole('button', { name: 'Công khai giải trình' }).click();
  await expect(office.getByText(/^Giải trình tiếp thu ý kiến \(Điều 55\) — Công khai ngày/)).toBeVisible();
  expect(await seriousViolations(office, NOTIFIER)).toEqual([]);

  // 4. Staff find the explanation in the disclosure register (Art. 46(10)) and acknowledge it.
  const staff = await loginAs(browser, 'canbo');
  await staff.goto('/disclosures?view=unread');
  await staff.getByRole('link', { name: EXPLAINED }).click();
  await expect(staff.getByRole('heading', { name: EXPLAINED })).toBeVisible();
  await expect(staff.getByText(/^10\. /).first()).toBeVisible();
  await staff.getByRole('button', { name: 'Tôi đã đọc' }).click();
  await expect(staff.getByText('Đã xác nhận đã đọc').first()).toBeVisible();

  // 5. The Office registers the rules of 2026 in the legal registry, posts an item citing them,
  //    then records in the registry that the 2027 decision replaced them.
  const stamp = Date.now() % 100000;
  const OLD = `${stamp}/QĐ-E2E`;
  const NEW = `${stamp + 1}/QĐ-E2E`;
  await office.goto('/plans/documents');
  for (const symbol of [OLD, NEW]) {
    await office.getByRole('button', { name: 'Thêm', exact: true }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(symbol);
    await dialog.getByRole('textbox', { name: 'Loại văn bản' }).fill('Quyết định');
    await dialog.getByRole('textbox', { name: 'Trích yếu' }).fill(`Nội quy cơ quan (${symbol})`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
  }
  const ITEM = 'Nội quy làm việc của cơ quan năm 2026';
  await office.goto('/disclosures');
  await office.getByRole('button', { name: 'Đăng ký nội dung công khai' }).click();
  const form = office.getByRole('dialog');
  await form.getByLabel(/^Nội dung/).fill(ITEM);
  await form.getByRole('combobox', { name: 'Nhóm nội dung (Điều 46)' }).click();
  await office.getByRole('option', { name: /^9\. / }).click();
  await form.getByLabel('Số, ký hiệu văn bản').fill(OLD);
  await form.getByRole('combobox', { name: 'Văn bản trong danh mục văn bản căn cứ' }).fill(OLD);
  await office.getByRole('option', { name: new RegExp(`^${OLD}`) }).click();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByRole('heading', { name: ITEM })).toBeVisible();
  await office.getByRole('button', { name: 'Công khai ngay' }).click();
  await office.getByRole('dialog').getByRole('button', { name: 'Công khai ngay' }).click();
  await expect(office.getByText('Đang công khai').first()).toBeVisible();
  const itemUrl = office.url();

  await office.goto('/plans/documents');
  await office
    .getByRole('row', { name: new RegExp(OLD) })
    .getByRole('button', { name: 'Sửa' })
    .click();
  const edit = office.getByRole('dialog');
  await edit.getByRole('combobox', { name: 'Hiệu lực' }).click();
  await office.getByRole('option', { name: 'Đã được thay thế' }).click();
  await edit.getByRole('combobox', { name: 'đã được thay thế bởi' }).fill(NEW);
  await office.getByRole('option', { name: new RegExp(`^${NEW}`) }).click();
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();

  // 6. Today's sweep: the item citing the replaced document is withdrawn with the reason; the Office
  //    runs the sweep now ("Rà soát ngay", the nightly job's function) for what else is due.
  await office.goto('/disclosures');
  const sweep = office.getByTestId('disclosure-sweep');
  const row = sweep.getByRole('row', { name: new RegExp(ITEM) });
  await expect(row).toContainText('Đã gỡ hôm nay');
  await expect(row).toContainText(`${OLD} đã được thay thế bởi ${NEW}`);
  await expect(sweep.getByText('Sẽ gỡ').first()).toBeVisible();
  expect(await seriousViolations(office, NOTIFIER)).toEqual([]);
  await sweep.getByRole('button', { name: 'Rà soát ngay' }).click();
  await expect(office.getByText(/^Đã rà soát: \d+ nội dung được gỡ hôm nay/)).toBeVisible();
  await expect(sweep.getByText('Sẽ gỡ')).toHaveCount(0);
  await office.goto(itemUrl);
  await expect(office.getByText('Đã gỡ (lưu trữ)').first()).toBeVisible();
  await expect(office.getByText(new RegExp(`${OLD} đã được thay thế bởi ${NEW}`)).first()).toBeVisible();

  // Staff find it among the withdrawn items, with the reason (it stays retrievable, Art. 48(4)).
  await staff.goto('/disclosures?view=archive');
  await staff.getByRole('link', { name: ITEM }).click();
  await expect(staff.getByText(new RegExp(`${OLD} đã được thay thế bởi ${NEW}`)).first()).toBeVisible();
});
