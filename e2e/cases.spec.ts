/**
 * Cases journey (issue #5): a citizen sends feedback on the public portal and gets a tracking
 * code; the Office registers a walk-in denunciation and assigns it; a colleague who is not
 * assigned cannot see the denouncer; the handler reveals the identity (logged), assesses
 * complexity and extends the time limit by decision; the citizen's codes show the status.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

const DENOUNCER = 'Trương Thị Bảo Mật';
const DENOUNCER_PHONE = '0905 246 810';
const CODE = /[A-Z]{2,3}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

async function loginAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  return page;
}

async function choose(page: Page, label: string, option: RegExp | string) {
  // Mantine marks required labels with an asterisk: match the label's start.
  await page
    .getByRole('dialog')
    .getByLabel(new RegExp(`^${label}( \\*)?$`))
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

async function lookUp(page: Page, code: string) {
  await page.getByRole('tab', { name: 'Tra cứu' }).click();
  await page.getByPlaceholder('Ví dụ: PA-XXXX-XXXX-XXXX').fill(code);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
}

test('portal feedback, a walk-in denunciation assigned, masked, revealed by its handler and extended by decision', async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. A citizen, without an account, sends feedback on the portal and gets a code.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/portal');
  await expect(citizen.getByRole('heading', { name: /Gửi phản ánh, kiến nghị, khiếu nại, tố cáo/ })).toBeVisible();
  await citizen.getByLabel('Tiêu đề').fill('Đèn đường trước cổng Trung tâm Ứng dụng bị hỏng');
  await citizen
    .getByLabel('Nội dung')
    .fill(
      'Đèn chiếu sáng trước cổng Trung tâm Ứng dụng tiến bộ khoa học và công nghệ hỏng đã hai tuần, buổi tối rất tối, đề nghị kiểm tra sửa chữa.',
    );
  await citizen.getByRole('button', { name: 'Gửi đơn' }).click();
  await expect(citizen.getByText('Cơ quan đã tiếp nhận đơn của bạn')).toBeVisible({ timeout: 60_000 });
  const feedbackCode = (await citizen.getByText(CODE).first().textContent())!.match(CODE)![0];
  expect(feedbackCode.startsWith('PA-')).toBe(true);

  // 2. The Office registers a walk-in denunciation, assigns it and accepts it.
  const office = await loginAs(browser, 'vanphong');
  await office.getByRole('link', { name: 'Đơn thư', exact: true }).click();
  await expect(office.getByRole('heading', { name: 'Đơn thư, vụ việc' })).toBeVisible();
  // The citizen's feedback is already in the register.
  await expect(office.getByText('Đèn đường trước cổng Trung tâm Ứng dụng bị hỏng')).toBeVisible();
  await office.getByRole('button', { name: 'Tiếp nhận đơn' }).click();
  const intake = office.getByRole('dialog');
  await intake.getByText('Tố cáo', { exact: true }).click();
  await choose(office, 'Nguồn đơn', 'Trực tiếp (tiếp công dân)');
  await intake.getByLabel('Trích yếu').fill('Tố cáo cán bộ kiểm định thu tiền ngoài quy định tại chợ Ba Tơ');
  await intake
    .getByLabel('Nội dung đơn')
    .fill(
      'Người tố cáo trình bày: ngày 10 tháng trước, tại chợ Ba Tơ, cán bộ kiểm định cân yêu cầu các hộ kinh doanh nộp thêm 50.000 đồng mỗi cân mà không có biên lai.',
    );
  await intake.getByLabel('Họ và tên').first().fill(DENOUNCER);
  await intake.getByLabel('Điện thoại').first().fill(DENOUNCER_PHONE);
  await intake.getByRole('button', { name: 'Vào sổ' }).click();
  await expect(office.getByRole('heading', { name: /TC-\d{4}-\d{4}/ })).toBeVisible();
  const caseUrl = office.url();
  await expect(office.getByText('Đã che theo Điều 8, 47 Luật Tố cáo').first()).toBeVisible();
  await expect(office.locator('body')).not.toContainText(DENOUNCER);
  const denunciationCode = (await office.getByText(CODE).first().textContent())!.match(CODE)![0];

  await office.getByRole('button', { name: 'Giao xử lý' }).click();
  await choose(office, 'Đơn vị xử lý', 'Phòng Quản lý khoa học');
  await choose(office, 'Người xử lý', /Lê Minh Tuấn/);
  await choose(office, 'Người có thẩm quyền giải quyết', /Đặng Quốc Bảo/);
  await office.getByRole('dialog').getByRole('button', { name: 'Giao xử lý' }).click();
  await expect(office.getByText(/Giao Phòng Quản lý khoa học xử lý/)).toBeVisible();
  await office.getByRole('button', { name: 'Thụ lý', exact: true }).click();
  await office.getByRole('dialog').getByLabel('Số, ký hiệu văn bản (nếu có)').fill('25/QĐ-SKHCN');
  await office.getByRole('dialog').getByRole('button', { name: 'Thụ lý', exact: true }).click();
  await expect(office.getByText('Giải quyết tố cáo').first()).toBeVisible();

  // 3. A colleague who is not assigned cannot see the case, let alone the denouncer.
  const colleague = await loginAs(browser, 'canbo');
  await colleague.goto(caseUrl);
  await expect(colleague.getByText('Không tìm thấy').first()).toBeVisible();
  await expect(colleague.locator('body')).not.toContainText(DENOUNCER);
  await colleague.goto('/cases');
  await expect(colleague.getByRole('heading', { name: 'Đơn thư, vụ việc' })).toBeVisible();
  await expect(colleague.getByText('Tố cáo cán bộ kiểm định thu tiền ngoài quy định')).toHaveCount(0);

  // 4. The handler sees the case masked, reveals the denouncer with a reason (logged)…
  const handler = await loginAs(browser, 'truongphong');
  await handler.goto(caseUrl);
  await expect(handler.getByText('Đã che theo Điều 8, 47 Luật Tố cáo').first()).toBeVisible();
  await expect(handler.locator('body')).not.toContainText(DENOUNCER);
  await handler.getByRole('button', { name: 'Xem thông tin' }).first().click();
  await handler.getByRole('dialog').getByLabel('Lý do cần xem').fill('Liên hệ người tố cáo để làm rõ thời gian, địa điểm vụ việc');
  await handler.getByRole('dialog').getByRole('button', { name: 'Xem và ghi nhật ký' }).click();
  await expect(handler.getByRole('dialog').getByText(DENOUNCER)).toBeVisible();
  await handler.keyboard.press('Escape');
  await expect(handler.getByText(/xem thông tin người tố cáo 1/).first()).toBeVisible();

  // … assesses the case as complex and extends it by decision (Law 25/2018 Art. 30; Decree 31/2019 Art. 3).
  await handler.getByRole('button', { name: 'Đánh giá tính phức tạp' }).click();
  await handler
    .getByRole('dialog')
    .getByLabel(/^a\) Một nội dung nhưng phải xác minh/)
    .check();
  await handler.getByRole('dialog').getByRole('button', { name: 'Đánh giá tính phức tạp' }).click();
  await expect(handler.getByText(/Đánh giá: phức tạp/)).toBeVisible();
  await handler.getByRole('button', { name: 'Gia hạn', exact: true }).click();
  await handler.getByRole('dialog').getByLabel('Số, ký hiệu quyết định gia hạn').fill('31/QĐ-SKHCN');
  await handler.getByRole('dialog').getByRole('button', { name: 'Gia hạn', exact: true }).click();
  await expect(handler.getByText('Gia hạn giải quyết 30 ngày theo Quyết định 31/QĐ-SKHCN')).toBeVisible();

  // 5. The codes show the status on the portal, without any name.
  await lookUp(citizen, feedbackCode);
  await expect(citizen.getByText('Mới tiếp nhận').first()).toBeVisible();
  await lookUp(citizen, denunciationCode);
  await expect(citizen.getByText('Đang giải quyết').first()).toBeVisible();
  await expect(citizen.getByText('Gia hạn giải quyết').first()).toBeVisible();
  await expect(citizen.locator('body')).not.toContainText(DENOUNCER);
  await expect(citizen.locator('body')).not.toContainText('Lê Minh Tuấn');
});
