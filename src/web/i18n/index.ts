/**
 * i18next with Vietnamese first and English second; the choice is kept in localStorage. The
 * resources are the shell's own texts plus every web module's namespaces (`modules.ts`).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLocale } from '../api';
import type { Messages } from '../module';
import { WEB_MODULES } from '../modules';
import { en } from './en';
import { vi } from './vi';

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

export const RESOURCES = {
  vi: mergeMessages([vi, ...WEB_MODULES.map((m) => m.messages.vi)]),
  en: mergeMessages([en, ...WEB_MODULES.map((m) => m.messages.en)]),
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('danchu.lang') : null;
export const initialLanguage: 'vi' | 'en' = saved === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: RESOURCES.vi }, en: { translation: RESOURCES.en } },
  lng: initialLanguage,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
setApiLocale(initialLanguage);
if (typeof document !== 'undefined') document.documentElement.lang = initialLanguage;

export function setLanguage(lang: 'vi' | 'en') {
  localStorage.setItem('danchu.lang', lang);
  setApiLocale(lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Pick the label in the current language from a {vi, en} pair. */
export function label(l: { vi: string; en: string }): string {
  return i18n.language === 'en' ? l.en : l.vi;
}

export default i18n;
