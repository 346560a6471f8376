/**
 * Accessibility of every page (issue #14 point 8): axe-core finds no critical and no serious
 * violation on any page of the staff app and the portal, each opened as the role that uses it,
 * detail pages included (the first plan, task, case, cycle and unit of the demo); and the main
 * flow works from the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { login, seriousViolations, type Violation } from './axe';

test.use({ bypassCSP: true });

/** Opens `path`, waits until the page has its h1 and no loader, returns the violations. */
async function scan(page: Page, path: string): Promise<Violation[]> {
  await page.goto(path);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 15_000 });
  return seriousViolations(page);
}

/** The first link on `list` whose href matches `re`, as a path. */
async function firstLink(page: Page, list: string, re: RegExp): Promise<string | null> {
  await page.goto(list);
  await page.waitForLoadState('networkidle');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => re.test(h)) ?? null;
}

const STAFF_PAGES: Record<string, string[]> = {
  vanphong: [
    '/',
    '/plans',
    '/plans/tasks',
    '/plans/documents',
    '/plans/import',
    '/reports',
    '/cases',
    '/cases/oversight',
    '/reception',
    '/org/units',
    '/org/people',
    '/calendar',
    '/audit',
    '/account/password',
  ],
  lanhdao: ['/', '/plans', '/reports', '/cases/oversight'],
  truongphong: ['/', '/plans/tasks', '/reports'],
  thanhtra: ['/', '/cases'],
  admin: ['/', '/org/people', '/audit'],
};

for (const [user, pages] of Object.entries(STAFF_PAGES)) {
  test(`no critical or serious violation on the pages of ${user}`, async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, user);
    const found: Record<string, Violation[]> = {};
    const paths = [...pages];
    if (user === 'vanphong') {
      for (const [list, re] of [
        ['/plans', /^\/plans\/[0-9a-f-]{36}$/],
        ['/cases', /^\/cases\/[0-9a-f-]{36}$/],
        ['/reports', /^\/reports\/[0-9a-f-]{36}$/],
        ['/org/units', /^\/org\/units\/[0-9a-f-]{36}$/],
      ] as const) {
        const p = await firstLink(page, list, re);
        expect(p, `a detail link on ${list}`).not.toBeNull();
        paths.push(p!);
      }
      const plan = paths.find((p) => /^\/plans\/[0-9a-f-]{36}$/.test(p))!;
      const task = await firstLink(page, plan, /^\/plans\/[0-9a-f-]{36}\/tasks\/[0-9a-f-]{36}$/);
      if (task) paths.push(task);
      const cycle = paths.find((p) => /^\/reports\/[0-9a-f-]{36}$/.test(p))!;
      paths.push(`${cycle}/agency`);
    }
    for (const p of paths) {
      const v = await scan(page, p);
      if (v.length) found[p] = v;
    }
    expect(found).toEqual({});
  });
}

test('no critical or serious violation on the portal, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const found: Record<string, Violation[]> = {};
  for (const p of ['/portal', '/login']) {
    const v = await scan(page, p);
    if (v.length) found[p] = v;
  }
  // The demo has one agency: the portal goes straight to it.
  await page.goto('/portal');
  await page.waitForURL(/\/portal\/[^/]+$/);
  const agency = new URL(page.url()).pathname;
  const v = await scan(page, agency);
  if (v.length) found[agency] = v;
  expect(found).toEqual({});
});

test('signs in and finds a task from the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await page.keyboard.type('vanphong');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  await page.keyboard.type('danchu-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  // A skip link comes first, then the navigation: Tab reaches "Kế hoạch" and Enter opens it.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim().startsWith('Kế hoạch'));
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plans$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
