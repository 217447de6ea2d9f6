import { siteConfig } from '../config';
import { en } from './en';
import { id } from './id';
import * as format from './format';
import type { Locale, Messages } from './types';

export type { Locale, Messages } from './types';

export const locales: Record<Locale, Messages> = { id, en };

/** The messages of the configured locale. */
export const t: Messages = locales[siteConfig.locale];

/** Date formatters bound to the configured locale and Asia/Jakarta. */
export const dates = {
  dateTime: (iso: string) => format.formatDateTime(iso, t, siteConfig.timeZone),
  date: (iso: string) => format.formatDate(iso, t, siteConfig.timeZone),
  time: (iso: string) => format.formatTime(iso, t, siteConfig.timeZone),
  month: (iso: string) => format.formatMonth(iso, t, siteConfig.timeZone),
  monthKey: (iso: string) => format.monthKey(iso, siteConfig.timeZone),
};
