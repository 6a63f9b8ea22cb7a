/** i18next set-up: zh-CN first, en-US switchable; the choice is remembered on this machine. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../api/errors.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

const KEY = 'xt.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLang(lang: Lang): void {
  try { localStorage.setItem(KEY, lang); } catch { /* storage unavailable: keep the choice for this session */ }
}

export function setupI18n(lang: Lang = initialLang()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
      lng: lang,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
      initImmediate: false,
    } as Parameters<typeof i18n.init>[0]);
  }
  return i18n;
}

export { i18n };
