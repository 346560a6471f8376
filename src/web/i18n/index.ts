/**
 * i18next with Vietnamese first and English second; the choice is kept in localStorage.
 *
 * The first page carries only what the shell shows (issue #17): its own Vietnamese texts and each
 * module's `shellMessages` (navigation labels, search result types). A module's own catalogue
 * loads with its pages, in the current language only (`loadModuleTexts`, awaited by the router
 * before a page shows, so no key ever flashes untranslated); English loads when it is chosen.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from '../api';
import type { Messages, WebModule } from '../module';
import { WEB_MODULES } from '../modules';
import { vi } from './vi';

export type Lang = 'vi' | 'en';

/** Merge namespaces; two modules defining the same key is a programming error. */
export function mergeMessages(parts: readonly Messages[]): Messages {
  const out: Messages = {};
  const put = (target: Messages, source: Messages, path: string) => {
    for (const [k, v] of Object.entries(source)) {
      const here = target[k];
      if (typeof v === 'string') {
        if (here !== undefined) throw new Error(`UI text ${path}${k} defined twice`);
        target[k] = v;
      } else {
        if (typeof here === 'string') throw new Error(`UI text ${path}${k} defined twice`);
        const child = here ?? {};
        target[k] = child;
        put(child, v, `${path}${k}.`);
      }
    }
  };
  for (const p of parts) put(out, p, '');
  return out;
}

/** The shell's texts in one language: its own and every module's `shellMessages`. */
function shellOf(lang: Lang, own: Messages): Messages {
  return mergeMessages([own, ...WEB_MODULES.flatMap((m) => (m.shellMessages ? [m.shellMessages[lang]] : []))]);
}
async function shellTexts(lang: Lang): Promise<Messages> {
  return shellOf(lang, lang === 'vi' ? vi : (await import('./en')).en);
}

/**
 * Every text of the app in both languages, merged (duplicates throw): for tests and checks,
 * never for the browser.
 */
export async function loadAllResources(): Promise<Record<Lang, Messages>> {
  const all = async (lang: Lang) =>
    mergeMessages([await shellTexts(lang), ...(await Promise.all(WEB_MODULES.map((m) => m.messages[lang]())))]);
  return { vi: await all('vi'), en: await all('en') };
}

/** What has been added to i18next: the shell and module catalogues, by language. */
const loaded: Record<Lang, Map<string, Promise<void>>> = { vi: new Map(), en: new Map() };

function add(lang: Lang, name: string, load: () => Promise<Messages>): Promise<void> {
  let p = loaded[lang].get(name);
  if (!p) {
    p = load().then((m) => {
      // Deep merge: modules share namespaces (`audit`, `nav`); the unit test rejects duplicate keys.
      i18n.addResourceBundle(lang, 'translation', m, true, false);
    });
    p.catch(() => loaded[lang].delete(name)); // a failed chunk may be fetched again
    loaded[lang].set(name, p);
  }
  return p;
}

/** The modules whose catalogues a module's pages need: its own and those it `uses`. */
export function modulesFor(module: WebModule): WebModule[] {
  if (module.uses === '*') return [...WEB_MODULES];
  const names = new Set([module.name, ...(module.uses ?? [])]);
  return WEB_MODULES.filter((m) => names.has(m.name));
}

function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}
/** The language being switched to, while its texts load. */
let switchingTo: Lang | null = null;

/** Load (once) the catalogues a module's pages need, in the current language (and the one coming). */
export async function loadModuleTexts(module: WebModule): Promise<void> {
  const langs = new Set<Lang>([currentLang(), ...(switchingTo ? [switchingTo] : [])]);
  await Promise.all([...langs].flatMap((lang) => modulesFor(module).map((m) => add(lang, m.name, m.messages[lang]))));
}

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('danchu.lang') : null;
export const initialLanguage: Lang = saved === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: shellOf('vi', vi) } },
  partialBundledLanguages: true,
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
loaded.vi.set('', Promise.resolve());

/**
 * Switch the language: the shell's texts and those of every module already shown are fetched in
 * the new language first, so the page turns over at once and never shows a bare key.
 */
export async function setLanguage(lang: Lang): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem('danchu.lang', lang);
  const shown = [...loaded[currentLang()].keys()];
  switchingTo = lang;
  try {
    await Promise.all([
      add(lang, '', () => shellTexts(lang)),
      ...WEB_MODULES.filter((m) => shown.includes(m.name)).map((m) => add(lang, m.name, m.messages[lang])),
    ]);
  } finally {
    switchingTo = null;
  }
  setApiLocale(lang);
  await i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Resolves when the chosen language's shell texts are in: the app renders after it (main.tsx). */
export const i18nReady: Promise<void> = initialLanguage === 'en' ? setLanguage('en') : Promise.resolve();
setApiLocale('vi');
if (typeof document !== 'undefined') document.documentElement.lang = 'vi';

/** Pick the label in the current language from a {vi, en} pair. */
export function label(l: { vi: string; en: string }): string {
  return i18n.language === 'en' ? l.en : l.vi;
}

export default i18n;
