import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  number(n: number): string;
  /** A calendar date (`2026-12-01`), shown as that same day wherever the tablet's clock is set. */
  date(isoDate: string): string;
  /** A moment, in the tablet's own time zone. */
  dateTime(iso: string): string;
  percent(fraction: number): string;
  bytes(n: number): string;
}

/** Number and date formats of one language, through Intl. */
export function formattersFor(lang: string): Formatters {
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  const kb = new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const mb = new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return {
    number: (n) => num.format(n),
    date: (iso) => {
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : day.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : moment.format(d);
    },
    percent: (f) => pct.format(f),
    bytes: (n) => (n < 1024 * 1024 ? kb.format(Math.max(1, n / 1024)) : mb.format(n / (1024 * 1024))),
  };
}

/**
 * The locale to format in: the browser's own when it is a variant of the UI language (an en-GB browser shows
 * English with day-month dates), otherwise the UI language itself.
 */
export function formatLocale(lang: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => formattersFor(formatLocale(lang, navigator.languages ?? [])), [lang]);
}
