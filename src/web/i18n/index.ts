/** i18next with Vietnamese first and English second; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';
import { setApiLocale } from '../api';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('danchu.lang') : null;
export const initialLanguage: 'vi' | 'en' = saved === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
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
