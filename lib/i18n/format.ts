import type { Messages } from './types';

/** The calendar and clock fields of an instant as seen in one time zone. */
export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: string;
  monthName: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(intlLocale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${intlLocale}|${timeZone}`;
  let formatter = partsFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale, {
      timeZone,
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(key, formatter);
  }
  return formatter;
}

const numericFormatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour and minute of `date` in `timeZone`, independent of the server's zone. */
export function zonedParts(date: Date, timeZone: string, intlLocale: string): ZonedParts {
  let numeric = numericFormatters.get(timeZone);
  if (!numeric) {
    numeric = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    numericFormatters.set(timeZone, numeric);
  }
  const n: Record<string, number> = {};
  for (const part of numeric.formatToParts(date)) {
    if (part.type !== 'literal') n[part.type] = Number(part.value);
  }
  const named: Record<string, string> = {};
  for (const part of formatterFor(intlLocale, timeZone).formatToParts(date)) {
    if (part.type === 'weekday' || part.type === 'month') named[part.type] = part.value;
  }
  return {
    year: n.year!,
    month: n.month!,
    day: n.day!,
    hour: n.hour!,
    minute: n.minute!,
    weekday: named.weekday!,
    monthName: named.month!,
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "Kamis, 20 Juni 2024 | 14:05 WIB" */
export function formatDateTime(iso: string, messages: Messages, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, messages.intlLocale);
  return `${p.weekday}, ${p.day} ${p.monthName} ${p.year} | ${pad(p.hour)}:${pad(p.minute)} ${messages.timeZoneLabel}`;
}

/** "14:05 WIB" */
export function formatTime(iso: string, messages: Messages, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, messages.intlLocale);
  return `${pad(p.hour)}:${pad(p.minute)} ${messages.timeZoneLabel}`;
}

/** "20 Juni" */
export function formatDayMonth(iso: string, messages: Messages, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, messages.intlLocale);
  return `${p.day} ${p.monthName}`;
}

/** "20 Juni 2024" */
export function formatDate(iso: string, messages: Messages, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, messages.intlLocale);
  return `${p.day} ${p.monthName} ${p.year}`;
}

/** "Juni 2024" */
export function formatMonth(iso: string, messages: Messages, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, messages.intlLocale);
  return `${p.monthName} ${p.year}`;
}

/** "2024-06": a sortable key for the month an instant falls in, in `timeZone`. */
export function monthKey(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone, 'en-US');
  return `${p.year}-${pad(p.month)}`;
}
