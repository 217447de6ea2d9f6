import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatDate, formatDateTime, formatDayMonth, formatMonth, formatTime, monthKey } from './format';
import { id } from './id';

const JAKARTA = 'Asia/Jakarta';

describe('Indonesian dates in WIB', () => {
  it('formats the seed article’s time as Kontan does', () => {
    expect(formatDateTime('2024-06-20T14:05:00+07:00', id, JAKARTA)).toBe('Kamis, 20 Juni 2024 | 14:05 WIB');
  });

  it('converts other offsets to Jakarta time, so a story is never a day off', () => {
    // 20:30 UTC on 19 June is 03:30 on 20 June in Jakarta.
    expect(formatDateTime('2024-06-19T20:30:00Z', id, JAKARTA)).toBe('Kamis, 20 Juni 2024 | 03:30 WIB');
    expect(formatDateTime('2024-06-19T23:59:00-05:00', id, JAKARTA)).toBe('Kamis, 20 Juni 2024 | 11:59 WIB');
  });

  it('does not depend on the server’s time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2024-12-31T23:30:00+07:00', id, JAKARTA)).toBe('31 Desember 2024');
    } finally {
      process.env.TZ = before;
    }
  });

  it('uses a 24-hour clock with two digits', () => {
    expect(formatDateTime('2025-01-06T00:05:00+07:00', id, JAKARTA)).toBe('Senin, 6 Januari 2025 | 00:05 WIB');
  });

  it('names months for the timeline and gives sortable month keys', () => {
    expect(formatMonth('2023-09-13T19:30:00+07:00', id, JAKARTA)).toBe('September 2023');
    expect(formatMonth('2024-02-20T15:10:00+07:00', id, JAKARTA)).toBe('Februari 2024');
    expect(monthKey('2024-01-31T20:00:00Z', JAKARTA)).toBe('2024-02');
  });

  it('formats the same instant in English when that locale is chosen', () => {
    expect(formatDateTime('2024-06-20T14:05:00+07:00', en, JAKARTA)).toBe('Thursday, 20 June 2024 | 14:05 WIB');
  });
});

describe('locale modules', () => {
  it('give every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    expect(id.readAlso).toBe('Baca Juga');
    expect(id.readingTime(3)).toBe('3 menit baca');
  });
});

describe('times of live-report entries', () => {
  it('are the Jakarta time, and the day and month when a report spans days', () => {
    expect(formatTime('2024-06-19T20:30:00Z', id, JAKARTA)).toBe('03:30 WIB');
    expect(formatDayMonth('2024-06-19T20:30:00Z', id, JAKARTA)).toBe('20 Juni');
  });
});
