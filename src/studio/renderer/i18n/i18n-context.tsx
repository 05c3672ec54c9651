import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, ja, type MessageKey } from './messages.js';

export type Lang = 'ja' | 'en';
type I18n = { lang: Lang; setLang: (l: Lang) => void; t: (key: MessageKey, vars?: Record<string, string | number>) => string; yen: (n: number) => string };

const STORAGE_KEY = 'tariff-studio.lang';
const I18nContext = createContext<I18n | null>(null);

/** "1", "+1" or "-1" (a count as shown) takes the singular of `{n|change|changes}`. */
const SINGULAR = /^[+\-−]?1$/u;

/**
 * Fills `{name}` with its value, and `{name|one|other}` with the word for the value's number
 * (English plurals: "1 change", "2 changes"; Japanese has no such word and does not use it).
 */
export const fill = (text: string, vars?: Record<string, string | number>): string =>
  vars
    ? text
        .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/gu, (m, k: string, one: string, other: string) => (k in vars ? (SINGULAR.test(String(vars[k])) ? one : other) : m))
        .replace(/\{(\w+)\}/gu, (m, k: string) => (k in vars ? String(vars[k]) : m))
    : text;

/** Yen as the terms print it: 24,000円 in Japanese, ¥24,000 in English. */
export const formatYen = (n: number, lang: Lang): string => (lang === 'ja' ? `${n.toLocaleString('ja-JP')}円` : `¥${n.toLocaleString('en-US')}`);

const initialLang = (): Lang => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    document.documentElement.lang = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Storage may be unavailable; the choice then lasts for this window.
    }
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => fill((lang === 'ja' ? ja : en)[key], vars), yen: (n) => formatYen(n, lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
