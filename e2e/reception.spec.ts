/**
 * The register book a page at a time (issue #17: the book was sent whole, 1.5 MB at a large
 * agency): the year's first fifty lines, "Xem thêm" for the rest, and a line's detail read whole.
 */
import { expect, test } from '@playwright/test';
import { login } from './axe';

test('the register book shows fifty lines, loads the rest on demand, and opens a line whole', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'vanphong');
  const me = await (await page.request.get('/api/me')).json();
  const year = new Date().getFullYear();
  // The demo's book of this year holds fewer than a page: write lines until it holds more than one.
  const before = await (await page.request.get(`/api/reception/entries?year=${year}`)).json();
  const toWrite = Math.max(0, 56 - before.total);
  const day = `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`;
  for (let i = 0; i < toWrite; i++) {
    const res = await page.request.post('/api/reception/entries', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        receivedOn: day,
        visitors: [{ name: `Nguyễn Văn Khách ${i + 1}`, address: 'Thôn 3, xã Tịnh Ấn Tây' }],
        content: `Kiến nghị sửa đường liên thôn số ${i + 1}`,
        parts: [{ kind: 'petition', subject: `Kiến nghị sửa đường liên thôn số ${i + 1}`, content: 'Đường hư hỏng sau mưa lũ' }],
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  const total = before.total + toWrite;

  await page.goto('/reception?tab=register');
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(page.getByText(`Đang hiện 50 / ${total} lượt tiếp`)).toBeVisible();
  await page.getByRole('button', { name: 'Xem thêm' }).click();
  await expect(rows).toHaveCount(total);
  await expect(page.getByText(`Đang hiện ${total} / ${total} lượt tiếp`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xem thêm' })).toHaveCount(0);

  // The newest line first; its detail is read whole, with the reply date's reckoning.
  await rows.first().getByRole('button').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Nguyễn Văn Khách', { exact: false }).first()).toBeVisible();
  await expect(dialog.getByText('ngày làm việc thứ 10', { exact: false })).toBeVisible();
});

test("the schedule's publication deadline explains itself when hovered, asked only then", async ({ page }) => {
  await login(page, 'vanphong');
  const me = await (await page.request.get('/api/me')).json();
  const year = new Date().getFullYear();
  // A session of this year for certain, hosted by an officer of the Office.
  const hosts = (await (await page.request.get('/api/reception/hosts')).json()) as { id: string; kind: string }[];
  const officer = hosts.find((h) => h.kind === 'officer') ?? hosts[0]!;
  const created = await page.request.post('/api/reception/sessions', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { date: `${year}-12-28`, hostKind: officer.kind, hostId: officer.id, mode: 'in_person', place: 'Phòng tiếp công dân (thử lịch)' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const id = (await created.json()).id as string;

  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/publish-by')) asked.push(r.url());
  });
  await page.goto('/reception');
  const row = page.locator('main table tbody tr', { hasText: 'Phòng tiếp công dân (thử lịch)' });
  await expect(row).toHaveCount(1);
  expect(asked).toHaveLength(0);
  await row.locator('[tabindex="0"]').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Điều 24');
  expect(asked.some((u) => u.includes(id))).toBe(true);
});
