/**
 * The People's Inspection Board journey (issue #11): `thanhtra` plans a supervision of citizen
 * reception and the app refuses a start whose notice day has passed (Decree 59/2023 Art. 22),
 * then accepts the earliest lawful start; a finding becomes a recommendation; `lanhdao` answers
 * it within its 15 days (Law 10/2022 Art. 63(1)(c)); the board's quarterly report downloads as
 * .docx. axe-core finds no critical or serious violation on the board's page.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

/** Tomorrow in Vietnam, dd/mm/yyyy. */
function tomorrowDmy(): string {
  const d = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

test('the board plans, finds and recommends; the head answers; the quarterly report downloads', async ({ browser }) => {
  test.setTimeout(180_000);
  const board = await loginAs(browser, 'thanhtra', { acceptDownloads: true });
  await board.getByRole('link', { name: 'Ban Thanh tra nhân dân' }).first().click();
  await expect(board.getByRole('heading', { name: 'Ban Thanh tra nhân dân' })).toBeVisible();
  await expect(board.getByRole('table', { name: 'Thành viên' })).toContainText('Võ Văn Sơn');
  await expect(board.getByRole('table', { name: 'Thành viên' })).toContainText('Trưởng ban');
  expect(await seriousViolations(board)).toEqual([]);

  // Plan a supervision of citizen reception starting tomorrow: too late to notify 5 working days before.
  await board.getByRole('tab', { name: 'Kiểm tra, giám sát' }).click();
  await board.getByRole('button', { name: 'Lập kế hoạch kiểm tra, giám sát' }).click();
  const dialog = board.getByRole('dialog');
  await dialog.getByLabel('Tên cuộc kiểm tra, giám sát').fill('Giám sát việc tiếp công dân tháng 12');
  await dialog.getByLabel('Đối tượng', { exact: false }).first().fill('Văn phòng Sở (bộ phận tiếp công dân)');
  await dialog.getByLabel('Nội dung').fill('Lịch tiếp công dân, sổ tiếp công dân và thời hạn trả lời công dân.');
  await dialog.getByLabel('Ngày bắt đầu').fill(tomorrowDmy());
  await dialog.getByLabel('Ngày bắt đầu').press('Tab');
  const late = dialog.getByRole('status');
  await expect(late).toContainText('Đã quá hạn thông báo');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Nghị định 59/2023/NĐ-CP, Điều 22').first()).toBeVisible();
  await expect(dialog).toBeVisible();

  // The earliest lawful start the app names is accepted.
  const earliest = /sớm nhất bắt đầu từ ngày (\d{2}\/\d{2}\/\d{4})/.exec((await late.textContent()) ?? '')![1]!;
  await dialog.getByLabel('Ngày bắt đầu').fill(earliest);
  await dialog.getByLabel('Ngày bắt đầu').press('Tab');
  await expect(dialog.getByRole('status')).toContainText('Thông báo cho đối tượng chậm nhất ngày');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const planned = board.getByRole('article', { name: 'Giám sát việc tiếp công dân tháng 12' });
  await expect(planned).toContainText('Đã lập kế hoạch');
  await expect(planned).toContainText(`Ngày bắt đầu ${earliest}`);

  // The inspection under way: findings by majority, then a recommendation to the head.
  const underway = board.getByRole('article', { name: /Kiểm tra việc thực hiện Nghị quyết hội nghị/ });
  await underway.getByRole('button', { name: 'Biên bản, kết luận' }).click();
  await dialog.getByRole('textbox', { name: 'Biên bản', exact: true }).fill('Biên bản kiểm tra tại Phòng Kế hoạch - Tài chính.');
  await dialog.getByRole('textbox', { name: 'Kết luận', exact: true }).fill('Chưa công khai bảng chi thu nhập tăng thêm quý III.');
  await dialog.getByLabel('Số thành viên tán thành').fill('4');
  await dialog.getByLabel('Số thành viên không tán thành').fill('1');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(underway).toContainText('Đã kết luận');
  await underway.getByRole('button', { name: 'Kiến nghị với Thủ trưởng' }).click();
  await dialog.getByLabel('Nội dung kiến nghị (tóm tắt)').fill('Công khai bảng chi thu nhập tăng thêm quý III');
  await dialog.getByRole('button', { name: 'Kiến nghị với Thủ trưởng' }).click();
  await expect(dialog).toBeHidden();

  // The head answers within the 15 days.
  const head = await loginAs(browser, 'lanhdao', { acceptDownloads: true });
  await head.goto('/inspection?tab=recommendations');
  const rec = head.getByRole('article', { name: 'Công khai bảng chi thu nhập tăng thêm quý III' });
  await expect(rec).toContainText('Trong hạn');
  expect(await seriousViolations(head)).toEqual([]);
  await rec.getByRole('button', { name: 'Trả lời kiến nghị' }).click();
  await head.getByRole('dialog').getByLabel('Kết quả giải quyết').fill('Đã công khai tại cuộc họp giao ban ngày hôm nay.');
  await head.getByRole('dialog').getByRole('button', { name: 'Trả lời kiến nghị' }).click();
  await expect(head.getByRole('dialog')).toBeHidden();
  await expect(rec).toContainText('Đã trả lời đúng hạn');

  // The board's quarterly report to the union.
  await board.reload();
  await board.getByRole('tab', { name: 'Báo cáo' }).click();
  const [download] = await Promise.all([
    board.waitForEvent('download'),
    board.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click(),
  ]);
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(text).toContain('BÁO CÁO');
  expect(text).toContain('Ban Thanh tra nhân dân');
  expect(text).toContain('Công khai bảng chi thu nhập tăng thêm quý III');
  expect(text).toContain('Đã trả lời đúng hạn');
});

test('a civil servant writes to the suggestion box anonymously and sees no findings', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('canbo');
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  await page.goto('/inspection');
  await expect(page.getByRole('tab', { name: 'Kiến nghị' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Hộp thư góp ý' }).click();
  await page.getByLabel('Góp ý gửi Ban Thanh tra nhân dân').fill('Đề nghị Ban giám sát việc bình xét thi đua cuối năm.');
  await expect(page.getByLabel('Gửi ẩn danh')).toBeChecked();
  await page.getByRole('button', { name: 'Gửi góp ý' }).click();
  await expect(page.getByText('Đã gửi góp ý').first()).toBeVisible();
});

test('the Office registers a Front supervision and records the agency response', async ({ browser }) => {
  const office = await loginAs(browser, 'vanphong', { acceptDownloads: true });
  await office.goto('/inspection?tab=front');
  await expect(office.getByRole('article', { name: /Ủy ban MTTQ Việt Nam tỉnh giám sát việc tiếp công dân/ })).toContainText('Đã trả lời');
  // Before any toast: the notifications' close button has no name (a platform matter, not this page's).
  expect(await seriousViolations(office)).toEqual([]);
  await office.getByRole('button', { name: 'Ghi nhận' }).click();
  const dialog = office.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Nội dung', exact: true })
    .fill('Hội Cựu chiến binh giám sát việc giải quyết phản ánh của hội viên');
  await dialog.getByLabel('Ý kiến, kiến nghị nhận được').fill('Đề nghị trả lời bằng văn bản các phản ánh về thủ tục đo lường.');
  await dialog.getByLabel('Cơ quan trả lời trước ngày').fill(tomorrowDmy());
  await dialog.getByLabel('Cơ quan trả lời trước ngày').press('Tab');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const item = office.getByRole('article', { name: 'Hội Cựu chiến binh giám sát việc giải quyết phản ánh của hội viên' });
  await expect(item).toContainText('Chờ trả lời');
  await item.getByRole('button', { name: 'Trả lời' }).click();
  await dialog.getByLabel('Nội dung trả lời').fill('Sở đã trả lời bằng văn bản 03 phản ánh.');
  await dialog.getByRole('button', { name: 'Trả lời' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('Đã trả lời');
});

test('the Office records a training course and the head leaves the list of the untrained', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/inspection?tab=training');
  await expect(office.getByRole('article', { name: 'Tập huấn kỹ năng tiếp công dân, đối thoại với người dân' })).toContainText(
    'Tai-lieu-ky-nang-tiep-cong-dan.txt',
  );
  const gaps = office.getByRole('table', { name: 'Người làm việc với dân chưa được bồi dưỡng' });
  await expect(gaps).toContainText('Đặng Quốc Bảo');
  expect(await seriousViolations(office)).toEqual([]);
  await office.getByRole('button', { name: 'Ghi nhận lớp tập huấn' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('Bồi dưỡng kỹ năng hòa giải cho lãnh đạo Sở');
  await dialog.getByLabel('Nội dung chi tiết').fill('Kỹ năng hòa giải, đối thoại khi giải quyết khiếu nại.');
  await dialog.getByLabel('Người truyền đạt').fill('Sở Tư pháp');
  await dialog.getByRole('combobox', { name: 'Kỹ năng' }).click();
  await office.getByRole('option', { name: 'Hòa giải' }).click();
  await dialog.getByRole('combobox', { name: 'Người tham dự' }).fill('Đặng Quốc');
  await office.getByRole('option', { name: 'Đặng Quốc Bảo' }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(office.getByRole('article', { name: 'Bồi dưỡng kỹ năng hòa giải cho lãnh đạo Sở' })).toContainText('Đặng Quốc Bảo');
  await expect(gaps).not.toContainText('Đặng Quốc Bảo');
});
