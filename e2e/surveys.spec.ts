/**
 * Surveys journey (issue 13): the Office finds the 2026 SIPAS survey's public link and QR code; a
 * citizen opens the link on a phone, answers without an account; the leader's index for that
 * unit's services updates, on the survey page drilled down to the unit, and the dashboard shows it.
 */
import { expect, test } from '@playwright/test';
import { loginAs, seriousViolations } from './axe';

test.use({ bypassCSP: true });

test('a citizen answers the SIPAS survey on a phone; the leader sees the index move for the unit', async ({ browser }) => {
  test.setTimeout(150_000);
  // The Office: the survey's public link and its QR code.
  const office = await loginAs(browser, 'vanphong');
  await office.getByRole('link', { name: 'Khảo sát', exact: true }).click();
  await office.getByRole('link', { name: /Khảo sát sự hài lòng \(SIPAS\)/ }).click();
  await office.getByRole('tab', { name: 'Kênh thu phiếu' }).click();
  const qr = office.getByRole('img', { name: 'Mã QR mở phiếu khảo sát' });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const link = (await office.getByTestId('public-link').textContent())!;
  expect(link).toMatch(/\/portal\/skhcn-qng\/surveys\/[a-z0-9]+$/);

  // The leader: the index of Chi cục TĐC before.
  const leader = await loginAs(browser, 'lanhdao');
  await expect(leader.getByText(/Chỉ số hài lòng/).first()).toBeVisible();
  await leader.getByRole('link', { name: 'Khảo sát', exact: true }).click();
  await leader.getByRole('link', { name: /Khảo sát sự hài lòng \(SIPAS\)/ }).click();
  await expect(leader.getByTestId('overall-index')).toContainText('%');
  const total = (await leader.getByTestId('responses').textContent())!;
  await leader.getByRole('button', { name: /Chi cục Tiêu chuẩn/ }).click();
  await expect(leader.getByTestId('responses')).not.toHaveText(total);
  const before = Number(await leader.getByTestId('responses').textContent());
  const beforeIndex = await leader.getByTestId('overall-index').textContent();
  expect(before).toBeGreaterThan(10);

  // A citizen on a phone, no account: scans the QR code (opens the link), answers.
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' })
  ).newPage();
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole('heading', { name: /Khảo sát sự hài lòng \(SIPAS\)/ })).toBeVisible();
  await phone.getByRole('combobox', { name: 'Dịch vụ ông/bà đã sử dụng' }).click();
  await phone.getByRole('option', { name: 'Kiểm định, hiệu chuẩn phương tiện đo' }).click();
  for (const q of ['Công chức có thái độ giao tiếp lịch sự', 'Công chức chú ý lắng nghe ý kiến', 'Kết quả nhận được đúng quy định']) {
    await phone
      .getByRole('radiogroup', { name: q })
      .getByRole('radio', { name: /^5 — Rất hài lòng/ })
      .check();
  }
  await phone
    .getByRole('radiogroup', { name: 'Thời hạn giải quyết đúng quy định' })
    .getByRole('radio', { name: /^4 — Hài lòng/ })
    .check();
  // A conditional question appears only when it applies.
  await expect(phone.getByRole('radiogroup', { name: 'Bao nhiêu lần?' })).toHaveCount(0);
  await phone
    .getByRole('radiogroup', { name: /đi lại nhiều lần/ })
    .getByRole('radio', { name: 'Có' })
    .check();
  await phone.getByRole('radiogroup', { name: 'Bao nhiêu lần?' }).getByRole('radio', { name: '2 lần' }).check();
  // Nothing is squeezed: the page does not scroll sideways on the phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await expect(phone.getByRole('heading', { name: 'Cảm ơn ông/bà đã trả lời khảo sát!' })).toBeVisible();
  // The same phone cannot answer twice.
  await phone.reload();
  await phone.getByRole('combobox', { name: 'Dịch vụ ông/bà đã sử dụng' }).click();
  await phone.getByRole('option', { name: 'Kiểm định, hiệu chuẩn phương tiện đo' }).click();
  await phone.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await expect(phone.getByText(/đã được trả lời từ thiết bị/)).toBeVisible();

  // The leader's figures for the unit update.
  await leader.reload();
  await expect(leader.getByTestId('responses')).toHaveText(String(Number(total) + 1));
  // Progress against the survey's quotas: the total target and each service's quota.
  await expect(leader.getByTestId('quota-progress')).toContainText(`${Number(total) + 1}/400`);
  await expect(leader.getByTestId('quota-progress')).toContainText('Dịch vụ: Kiểm định, hiệu chuẩn phương tiện đo');
  await leader.getByRole('button', { name: /Chi cục Tiêu chuẩn/ }).click();
  await expect(leader.getByTestId('responses')).toHaveText(String(before + 1));
  await expect(leader.getByTestId('overall-index')).not.toHaveText(beforeIndex!);

  // On the leader's phone, the dashboard by pillar: the satisfaction card under "Dân thụ hưởng"
  // counts the new answer for the unit, and its row drills down to that unit's figures.
  const leaderPhone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' })
  ).newPage();
  await leaderPhone.goto('/login');
  await leaderPhone.getByLabel('Tên đăng nhập').fill('lanhdao');
  await leaderPhone.getByLabel('Mật khẩu').fill('danchu-demo');
  await leaderPhone.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(leaderPhone.getByRole('heading', { name: 'Việc chờ bạn' })).toBeVisible();
  await expect(leaderPhone.getByTestId('waiting-inspection.to_answer')).toBeVisible();
  const benefit = leaderPhone.getByTestId('pillar-benefit');
  await expect(benefit.getByRole('heading', { name: 'Dân thụ hưởng' })).toBeVisible();
  const sipasCard = benefit.getByTestId('pillar-card-surveys.sipas');
  await expect(sipasCard).toContainText('%');
  const unitRow = sipasCard.getByRole('listitem').filter({ hasText: /Chi cục Tiêu chuẩn/ });
  await expect(unitRow).toContainText(`${before + 1} phiếu`);
  // Every pillar has its cards; nothing is squeezed sideways on the phone.
  for (const p of ['know', 'discuss', 'do', 'inspect', 'supervise', 'benefit'])
    await expect(leaderPhone.getByTestId(`pillar-${p}`)).toBeVisible();
  expect(await leaderPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(leaderPhone)).toEqual([]);
  await unitRow.getByRole('link', { name: /Chi cục Tiêu chuẩn/ }).click();
  await expect(leaderPhone).toHaveURL(/\/surveys\/[0-9a-f-]+\?unitId=/);
  await expect(leaderPhone.getByTestId('responses')).toHaveText(String(before + 1));
});
