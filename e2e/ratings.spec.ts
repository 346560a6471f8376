/**
 * Rating journey (issue #12): a unit head self-assesses with a figure pulled from the cases
 * module and one piece of evidence, the Office appraises and publishes, and the proposal for
 * commendation appears; axe-core finds no critical or serious violation on the sheet.
 */
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

test('a unit head self-assesses, the Office appraises and publishes, a commendation is proposed', async ({ browser }) => {
  test.setTimeout(150_000);
  const head = await loginAs(browser, 'truongphong');
  await head.getByRole('link', { name: 'Đánh giá xếp loại' }).click();
  await expect(head.getByRole('heading', { name: 'Đánh giá, xếp loại công tác dân vận' })).toBeVisible();
  await head.getByRole('link', { name: 'Phòng Quản lý khoa học' }).click();
  await expect(head.getByRole('heading', { name: /Phiếu đánh giá 2026 — Phòng Quản lý khoa học/ })).toBeVisible();
  // A figure pulled from the cases module, with how it was counted; a missing module says so.
  await expect(head.getByText(/Đếm buổi tiếp công dân đã tiếp/).first()).toBeVisible();
  await expect(head.getByText('Chưa có số liệu (chức năng chưa triển khai)').first()).toBeVisible();
  expect(await seriousViolations(head)).toEqual([]);

  const scores: Record<string, string> = {
    '1.1': '10',
    '1.2': '10',
    '2.1': '6',
    '2.2': '5',
    '2.3': '5',
    '2.4': '4',
    '3.1': '15',
    '4.1': '10',
    '4.2': '10',
    '5.1': '10',
    '6.1': '8',
    '7.1': '5',
  };
  for (const [code, v] of Object.entries(scores)) await head.getByRole('textbox', { name: `Tự chấm ${code}`, exact: true }).fill(v);
  await head.getByRole('textbox', { name: 'Giải trình, minh chứng 1.1' }).fill('Kế hoạch số 05/KH-QLKH ngày 15/01/2026');
  // The first item (1.1) has the first file input of the sheet.
  await head
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: 'ke-hoach-qlkh-2026.txt', mimeType: 'text/plain', buffer: Buffer.from('Kế hoạch công tác dân vận 2026') });
  await head.getByRole('button', { name: 'Gửi Văn phòng thẩm định' }).click();
  await expect(head.getByText('Chờ thẩm định').first()).toBeVisible();
  await expect(head.getByTestId('Tổng điểm tự chấm')).toHaveText(/^98 — Tốt/);
  await expect(head.getByRole('link', { name: /ke-hoach-qlkh-2026\.txt/ })).toBeVisible();
  const url = head.url();

  const office = await loginAs(browser, 'vanphong');
  await office.goto(url);
  await office.getByRole('textbox', { name: 'Điểm thẩm định 6.1', exact: true }).fill('6');
  await office.getByRole('button', { name: 'Lưu thẩm định' }).click();
  await expect(office.getByText('cần nêu lý do khi điều chỉnh điểm tự chấm', { exact: true })).toBeVisible();
  await office.getByRole('textbox', { name: 'Lý do điều chỉnh 6.1', exact: true }).fill('Mô hình mới triển khai, chưa có kết quả đánh giá');
  await office.getByRole('button', { name: 'Lưu thẩm định' }).click();
  await expect(office.getByTestId('Tổng điểm thẩm định')).toHaveText(/^96 — Tốt/);

  await office.goto('/ratings');
  await office.getByRole('button', { name: 'Công bố kết quả đã thẩm định' }).click();
  await expect(office.getByRole('row', { name: /Phòng Quản lý khoa học/ })).toContainText('Đã công bố');
  await office.getByRole('button', { name: 'Lập đề nghị khen thưởng' }).click();
  await expect(office.getByRole('row', { name: /Phòng Quản lý khoa học.*Giấy khen tập thể hoàn thành xuất sắc/ })).toBeVisible();
  await expect(office.getByText(/Xếp loại “Tốt” công tác dân vận năm 2026 \(96 điểm\)/)).toBeVisible();
});
