import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../i18n/en.json' with { type: 'json' };
import nb from '../../i18n/nb.json' with { type: 'json' };
import nn from '../../i18n/nn.json' with { type: 'json' };
import type { Locale } from '../shared/types.js';

export const LANGUAGES: readonly Locale[] = ['nb', 'nn', 'en'];
const STORAGE_KEY = 'landsby.lang';

function isLanguage(value: unknown): value is Locale {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'nb';
  } catch {
    return 'nb';
  }
}

/** Shows the app in `language`, remembers it in this browser and tells the page (`<html lang>`). */
export function applyLanguage(language: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts until the page is closed.
  }
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nb',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
