/**
 * Dân bàn journey (issue #10): a staff member comments, anonymously to leadership, on a passage of
 * the draft 2027 democracy plan; the Office sees the comment without its author and classifies
 * it as partly accepted with a reason; leadership does not see who wrote it; the Office records
 * an extraordinary conference at quorum and a vote that passes with more than half of those
 * present, then the board the conference elects from the agency's people, which opens the board's
 * new term, the previous board handing over. axe-core finds no critical or serious violation.
 */
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

const COMMENT = 'Đề nghị tổ chức hội nghị trong tháng 02/2027, trước Tết Nguyên đán.';
const PLAN = 'Dự thảo Kế hoạch thực hiện dân chủ ở cơ sở năm 2027';

test('a staff comment on a draft is classified by the Office; a conference vote is recorded', async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. A staff member opens the draft from the navigation and comments on passage 5, anonymously.
  const staff = await loginAs(browser, 'canbo');
  await staff.getByRole('link', { name: 'Lấy ý kiến', exact: true }).click();
  await expect(staff.getByRole('heading', { name: 'Lấy ý kiến cán bộ, công chức, viên chức' })).toBeVisible();
  await expect(staff.getByText('Chờ bạn góp ý')).toBeVisible();
  await staff.getByRole('link', { name: PLAN }).click();
  await expect(staff.getByRole('heading', { name: PLAN })).toBeVisible();
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.getByRole('button', { name: 'Góp ý đoạn này 5' }).click();
  await staff.getByLabel(/Ý kiến của bạn/).fill(COMMENT);
  await staff.getByLabel(/Ẩn danh với lãnh đạo/).check();
  await staff.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(staff.getByText(COMMENT)).toBeVisible();
  await expect(staff.getByTestId('comment').filter({ hasText: COMMENT })).toContainText('Phạm Thị Mai · Ý kiến của tôi');

  // 2. The Office sees it without its author and classifies it as partly accepted, with a reason.
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/consultations');
  await office.getByRole('link', { name: PLAN }).click();
  const card = office.getByTestId('comment').filter({ hasText: COMMENT });
  await expect(card).toContainText('Ẩn danh');
  await expect(card).not.toContainText('Phạm Thị Mai');
  await card.getByText('Tiếp thu một phần').click();
  await card.getByRole('button', { name: 'Tổng hợp' }).click();
  await expect(office.getByText(/Lý do.*không tiếp thu hoặc tiếp thu một phần/).first()).toBeVisible();
  await card.getByLabel(/Lý do/).fill('Giữ thời hạn của Điều 51 Luật; khuyến khích tổ chức sớm.');
  await card.getByRole('button', { name: 'Tổng hợp' }).click();
  await expect(card.locator('.mantine-Badge-root', { hasText: 'Tiếp thu một phần' })).toBeVisible();
  // Who answered is the union's to monitor, not the Office's (it would unmask the anonymous comment).
  await expect(office.getByRole('heading', { name: 'Giám sát của Công đoàn: mức độ tham gia' })).toHaveCount(0);

  // 3. Leadership reads the comment and its outcome, never its author.
  const leader = await loginAs(browser, 'lanhdao');
  await leader.goto('/consultations');
  await leader.getByRole('link', { name: PLAN }).click();
  const seen = leader.getByTestId('comment').filter({ hasText: COMMENT });
  await expect(seen).toContainText('Tiếp thu một phần');
  await expect(leader.getByText('Phạm Thị Mai')).toHaveCount(0);

  // 4. The Office convenes an extraordinary conference on the union's proposal, records attendance and a vote.
  await office.getByRole('link', { name: 'Hội nghị CBCCVC', exact: true }).click();
  await expect(office.getByRole('heading', { name: 'Hội nghị cán bộ, công chức, viên chức, người lao động' })).toBeVisible();
  await expect(office.getByRole('link', { name: /năm 2026$/ })).toBeVisible();
  await office.getByRole('button', { name: 'Tổ chức hội nghị' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByLabel('Loại hội nghị').click();
  await office.getByRole('option', { name: 'Bất thường' }).click();
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  await dialog.getByLabel('Đề nghị của').click();
  await office.getByRole('option', { name: 'Ban Chấp hành công đoàn' }).click();
  await dialog.getByLabel(/Ngày dự kiến họp/).fill(today);
  await dialog.getByLabel(/Ngày dự kiến họp/).press('Tab');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(office.getByRole('heading', { name: /bất thường năm/ })).toBeVisible();
  const convened = Number(
    await office
      .getByText(/^Được triệu tập:/)
      .locator('b')
      .textContent(),
  );
  const quorum = Math.ceil((convened * 2) / 3);
  await office.getByLabel('Có mặt').fill(String(quorum));
  await office.getByRole('button', { name: 'Ghi số người dự' }).click();
  await expect(office.getByText('Đủ 2/3').first()).toBeVisible();
  await office.getByLabel('Nội dung biểu quyết').fill('Bổ sung kinh phí tổ chức Ngày hội văn hóa cơ quan');
  await office.getByRole('button', { name: 'Thêm nội dung' }).click();
  const item = 'Bổ sung kinh phí tổ chức Ngày hội văn hóa cơ quan';
  const yes = Math.floor(quorum / 2) + 1;
  await office.getByLabel(`Tán thành: ${item}`, { exact: true }).fill(String(yes));
  await office.getByLabel(`Không biểu quyết: ${item}`, { exact: true }).fill(String(quorum - yes));
  await office.getByRole('button', { name: `Ghi biểu quyết: ${item}` }).click();
  await expect(office.getByRole('row', { name: new RegExp(item) }).getByText('Thông qua', { exact: true })).toBeVisible();
  expect(await seriousViolations(office)).toEqual([]);

  // 5. The conference elects the People's Inspection Board from the agency's people; the board's
  // module opens the new term and the previous board hands over its open work (Art. 60).
  await office.getByRole('combobox', { name: 'Trưởng ban', exact: true }).click();
  await office.getByRole('option', { name: /^Võ Văn Sơn/ }).click();
  await office.getByLabel('Ủy viên', { exact: true }).and(office.locator('input')).click();
  for (const name of ['Hồ Thị Yến', 'Phạm Thị Mai', 'Bùi Văn Khánh', 'Đoàn Văn Ân'])
    await office.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await office.keyboard.press('Escape');
  await office.getByRole('button', { name: 'Ghi kết quả bầu' }).click();
  await expect(office.getByText('Võ Văn Sơn · Trưởng ban')).toBeVisible();
  await expect(office.getByText('Đoàn Văn Ân · Ủy viên')).toBeVisible();
  await expect(office.getByRole('button', { name: 'Ghi kết quả bầu' })).toHaveCount(0);

  const board = await loginAs(browser, 'thanhtra');
  await board.goto('/inspection');
  await expect(board.getByText(/Hội nghị cán bộ, công chức, viên chức, người lao động bất thường năm/).first()).toBeVisible();
  await expect(board.getByRole('heading', { name: 'Các nhiệm kỳ trước' })).toBeVisible();
  await expect(board.getByText(/bàn giao cho Ban mới ngày/)).toBeVisible();
  await expect(board.getByText(/^Bàn giao: .* kiến nghị chưa được trả lời/)).toBeVisible();
  expect(await seriousViolations(board)).toEqual([]);
});

test('the issued democracy regulation is listed as a version and opens as its disclosure', async ({ browser }) => {
  const staff = await loginAs(browser, 'canbo');
  await staff.goto('/consultations');
  const versions = staff.getByTestId('regulation-versions');
  await expect(versions).toContainText('Quy chế đã ban hành sau khi lấy ý kiến');
  const row = versions.getByRole('row', { name: /Phiên bản 1/ });
  await expect(row).toContainText('125/QĐ-SKHCN');
  await expect(row).toContainText('Đang có hiệu lực');
  expect(await seriousViolations(staff)).toEqual([]);
  await row.getByRole('link', { name: 'Mục công khai' }).click();
  await expect(
    staff.getByRole('heading', { name: 'Quy chế thực hiện dân chủ trong hoạt động của Sở (sửa đổi, bổ sung) (phiên bản 1)' }),
  ).toBeVisible();
});

test('staff open the documents circulated before the 2026 conference and see who is convened', async ({ browser }) => {
  const staff = await loginAs(browser, 'canbo');
  await staff.goto('/conferences');
  await staff.getByRole('link', { name: 'Hội nghị cán bộ, công chức, viên chức, người lao động năm 2026', exact: true }).click();
  const docs = staff.getByTestId('conference-documents');
  await expect(docs).toContainText('Báo cáo kết quả thực hiện nhiệm vụ năm 2025');
  await expect(docs).toContainText('Gửi ngày 27/01/2026');
  await expect(docs).toContainText('trước ngày họp 10 ngày');
  await expect(staff.getByText(/Triệu tập toàn thể \d+ người lao động/)).toBeVisible();
  expect(await seriousViolations(staff)).toEqual([]);
  const download = staff.waitForEvent('download');
  await docs.getByRole('link', { name: 'Dự thảo Quy chế chi tiêu nội bộ năm 2026' }).click();
  expect((await download).suggestedFilename()).toBe('Du-thao-quy-che-chi-tieu-2026.txt');
});
