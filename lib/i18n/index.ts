import { env } from '../env';
import { en } from './en';
import { id } from './id';
import * as format from './format';
import type { Locale, Messages } from './types';
import { TIME_ZONE } from './zone';

export type { Locale, Messages } from './types';

export const locales: Record<Locale, Messages> = { id, en };

/** The messages of the configured locale. */
export const t: Messages = locales[env().WARTA_LOCALE];

/** Date formatters bound to the configured locale and Asia/Jakarta. */
export const dates = {
  dateTime: (iso: string) => format.formatDateTime(iso, t, TIME_ZONE),
  date: (iso: string) => format.formatDate(iso, t, TIME_ZONE),
  time: (iso: string) => format.formatTime(iso, t, TIME_ZONE),
  dayMonth: (iso: string) => format.formatDayMonth(iso, t, TIME_ZONE),
  month: (iso: string) => format.formatMonth(iso, t, TIME_ZONE),
  monthKey: (iso: string) => format.monthKey(iso, TIME_ZONE),
};
