/**
 * axe-core inside the browser journeys (issue #14 point 8): the critical and serious violations
 * of the page as it stands. The app's CSP forbids inline scripts, so specs that use this set
 * `test.use({ bypassCSP: true })`.
 */
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export type Violation = { id: string; impact: string; nodes: string[] };

/**
 * The critical and serious axe-core violations of the page once its animations have ended.
 * @param options.exclude CSS selectors axe skips, for parts another module owns (e.g. the shared
 *   notifier's toasts) and is tested for elsewhere.
 */
export async function seriousViolations(page: Page, options: { exclude?: string[] } = {}): Promise<Violation[]> {
  // A dialog fading in is half transparent: measure colours once transitions have ended.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (exclude) => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document | { exclude: string[][] },
          o: object,
        ) => Promise<{
          violations: {
            id: string;
            impact: string;
            nodes: { target: string[]; html: string; any: { data?: Record<string, unknown> }[] }[];
          }[];
        }>;
      };
    };
    const ctx = exclude.length ? { exclude: exclude.map((x) => [x]) } : document;
    const r = await w.axe.run(ctx, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n) => {
          // For contrast, the colours and ratio axe measured: what to fix, at a glance.
          const d = n.any[0]?.data;
          const colours = d && 'contrastRatio' in d ? ` [${d.fgColor} on ${d.bgColor}: ${d.contrastRatio}]` : '';
          return `${n.target.join(' ')} ${n.html.slice(0, 160)}${colours}`;
        }),
      }));
  }, options.exclude ?? []);
}

/** Log in on this page as a demo user (password `danchu-demo`) and wait for the dashboard. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('danchu-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển' }).waitFor();
}

/**
 * A new browser context logged in as a demo user, for journeys where several people act in turn.
 * @param contextOptions e.g. `{ acceptDownloads: true }` for a journey that downloads a file.
 */
export async function loginAs(browser: Browser, username: string, contextOptions: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(contextOptions)).newPage();
  await login(page, username);
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển' })).toBeVisible();
  return page;
}
