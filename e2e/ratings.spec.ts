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
  // Figures pulled from the cases and reports modules, each with how it was counted.
  await expect(head.getByText(/Đếm buổi tiếp công dân đã tiếp/).first()).toBeVisible();
  await expect(head.getByText(/Kỳ báo cáo có hạn nộp từ 01\/01\/2026/).first()).toBeVisible();
  await expect(head.getByText('Chưa có số liệu (chức năng chưa triển khai)')).toHaveCount(0);
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

test('the Office keeps the criteria sets and sees the agency’s own rating and the comparison', async ({ browser }) => {
  test.setTimeout(150_000);
  const office = await loginAs(browser, 'vanphong');
  await office.goto('/ratings');
  // The agency's own self-assessment toward the province, beside its units, with figures of every unit.
  await expect(office.getByText('Cơ quan tự đánh giá với tỉnh')).toBeVisible();
  await expect(office.getByRole('table', { name: 'So sánh điểm thẩm định giữa các đơn vị và các năm' })).toContainText('Cả cơ quan');
  await office.getByRole('link', { name: 'Sở Khoa học và Công nghệ' }).first().click();
  await expect(office.getByText(/Cả cơ quan = tổng của \d+ đơn vị/).first()).toBeVisible();

  await office.goto('/ratings/criteria');
  await expect(office.getByRole('heading', { name: 'Bộ tiêu chí đánh giá công tác dân vận' })).toBeVisible();
  await expect(office.getByText('áp dụng năm 2019–2025')).toBeVisible();
  await expect(office.getByText('áp dụng năm 2026 →')).toBeVisible();
  expect(await seriousViolations(office)).toEqual([]);
  await office.getByRole('button', { name: 'Thêm phiên bản mới' }).click();
  await office.getByLabel('Văn bản quyết định').fill('Quyết định 12/QĐ-UBND ngày 05/01/2027 của UBND tỉnh Quảng Ngãi');
  await office.getByRole('textbox', { name: 'Ngày có hiệu lực' }).fill('05/01/2027');
  await office.getByRole('textbox', { name: 'Mã 1.2', exact: true }).fill('1.1');
  await office.getByRole('button', { name: 'Lưu phiên bản' }).click();
  // The set's own check names the field: the item code used twice.
  await expect(office.getByText('mã tiêu chí 1.1 bị trùng').first()).toBeVisible();
  await office.getByRole('textbox', { name: 'Mã 1.2', exact: true }).fill('1.2');
  await office.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await expect(office.getByText('áp dụng năm 2027 →')).toBeVisible();
  await expect(office.getByText('áp dụng năm 2026', { exact: true })).toBeVisible();
});
