import { describe, expect, it } from 'vitest';
import { timelineOf } from './timeline';
import type { Article } from './types';

/** Stories newest first, as the store lists a tag: `perMonth[i]` stories in month i from `start`. */
function stories(start: { year: number; month: number }, perMonth: number[]): Article[] {
  const list: Article[] = [];
  perMonth.forEach((n, i) => {
    const month = start.month - 1 + i;
    const key = `${start.year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (let k = 0; k < n; k++) list.push({ slug: `${key}-${k}`, publishedAt: `${key}-01T00:00:00+07:00`, key } as unknown as Article);
  });
  return list.reverse();
}
const monthOf = (a: Article) => (a as unknown as { key: string }).key;
const slugs = (months: { articles: Article[] }[]) => months.flatMap((m) => m.articles.map((a) => a.slug));

describe('a timeline by period', () => {
  it('is one page, oldest first by month, when the whole story fits', () => {
    const t = timelineOf(stories({ year: 2023, month: 11 }, [2, 1, 3]), monthOf, 10);
    expect(t.periods).toHaveLength(1);
    expect(t.periods[0]).toMatchObject({ key: '', kind: 'all', count: 6 });
    expect(t.periods[0]!.months.map((m) => m.key)).toEqual(['2023-11', '2023-12', '2024-01']);
    expect(slugs(t.periods[0]!.months)[0]).toBe('2023-11-0');
    expect(t.years).toEqual([
      { year: '2023', count: 3, months: [{ key: '2023-11', count: 2, period: '' }, { key: '2023-12', count: 1, period: '' }] },
      { year: '2024', count: 3, months: [{ key: '2024-01', count: 3, period: '' }] },
    ]);
  });

  it('is a page per year when a year fits, per month when it does not, and per part of a month past that', () => {
    // 2023: 8 stories (fits in 10) · 2024: January 4, February 25 (three parts), March 6.
    const t = timelineOf(stories({ year: 2023, month: 10 }, [3, 3, 2, 4, 25, 6]), monthOf, 10);
    expect(t.periods.map((p) => [p.key, p.kind, p.count])).toEqual([
      ['2023', 'year', 8],
      ['2024-01', 'month', 4],
      ['2024-02', 'month', 10],
      ['2024-02-2', 'month', 10],
      ['2024-02-3', 'month', 5],
      ['2024-03', 'month', 6],
    ]);
    expect(t.years[1]!.months.map((m) => m.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(t.years[0]!.months.every((m) => m.period === '2023')).toBe(true);
  });

  it('keeps every story once, in order, on pages that never pass the bound, at the size of a big tag', () => {
    // A tag with 5,591 stories over 40 months, unevenly.
    const perMonth = Array.from({ length: 40 }, (_, i) => (i * 97) % 260 + 10);
    perMonth[39]! += 5591 - perMonth.reduce((a, b) => a + b, 0);
    const all = stories({ year: 2022, month: 1 }, perMonth);
    expect(all).toHaveLength(5591);
    const t = timelineOf(all, monthOf);
    expect(t.total).toBe(5591);
    expect(Math.max(...t.periods.map((p) => p.count))).toBeLessThanOrEqual(100);
    expect(t.periods.flatMap((p) => slugs(p.months))).toEqual(all.map((a) => a.slug).reverse());
    expect(new Set(t.periods.map((p) => p.key)).size).toBe(t.periods.length);
    expect(t.years.reduce((sum, y) => sum + y.count, 0)).toBe(5591);
  });
});
