import type { ContentStore } from './store';
import type { Article } from './types';

/**
 * Most stories on one timeline page. A running story that fits is one page; a longer one is an
 * index of years and months with a page per year (when the year fits), per month, or per part of
 * a month, so every page stays bounded however large the archive grows.
 */
export const TIMELINE_PAGE_MAX = 100;

export interface TimelineMonth {
  /** "2024-06" */
  key: string;
  /** Oldest first. */
  articles: Article[];
}

/** One page of a timeline. */
export interface TimelinePeriod {
  /** Its URL segment: "2024" (a year), "2024-06" (a month) or "2024-06-2" (part 2 of a month); "" for a single page. */
  key: string;
  kind: 'all' | 'year' | 'month';
  /** 1-based part of a month split because it does not fit; `parts` is how many it has. */
  part: number;
  parts: number;
  months: TimelineMonth[];
  count: number;
}

export interface TimelineYear {
  year: string;
  count: number;
  /** Each month with its count and the period (page) it begins on. */
  months: { key: string; count: number; period: string }[];
}

export interface TagTimeline {
  total: number;
  /** Every period, oldest first. A story that fits one page has one period, keyed "". */
  periods: TimelinePeriod[];
  years: TimelineYear[];
}

/** Groups stories, oldest first, by month. */
function byMonth(oldestFirst: Article[], monthOf: (a: Article) => string): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const article of oldestFirst) {
    const key = monthOf(article);
    const last = months.at(-1);
    if (last?.key === key) last.articles.push(article);
    else months.push({ key, articles: [article] });
  }
  return months;
}

/** Cut into pages of at most `max` stories: whole years, else whole months, else parts of a month. */
export function timelineOf(newestFirst: Article[], monthOf: (a: Article) => string, max = TIMELINE_PAGE_MAX): TagTimeline {
  const months = byMonth([...newestFirst].reverse(), monthOf);
  const total = newestFirst.length;
  const years: TimelineYear[] = [];
  for (const month of months) {
    const year = month.key.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, count: 0, months: [] });
    const entry = years.at(-1)!;
    entry.count += month.articles.length;
    entry.months.push({ key: month.key, count: month.articles.length, period: '' });
  }
  if (total <= max) return { total, periods: [{ key: '', kind: 'all', part: 1, parts: 1, months, count: total }], years };
  const periods: TimelinePeriod[] = [];
  let at = 0;
  for (const year of years) {
    const ofYear = months.slice(at, at + year.months.length);
    at += year.months.length;
    if (year.count <= max) {
      periods.push({ key: year.year, kind: 'year', part: 1, parts: 1, months: ofYear, count: year.count });
      for (const m of year.months) m.period = year.year;
      continue;
    }
    ofYear.forEach((month, i) => {
      const parts = Math.ceil(month.articles.length / max);
      for (let part = 1; part <= parts; part++) {
        const articles = month.articles.slice((part - 1) * max, part * max);
        periods.push({ key: part === 1 ? month.key : `${month.key}-${part}`, kind: 'month', part, parts, months: [{ key: month.key, articles }], count: articles.length });
      }
      year.months[i]!.period = month.key;
    });
  }
  return { total, periods, years };
}

/** Where a tag's story begins: the timeline's first page ("" when the story fits one page). */
export function firstPeriodKey(content: ContentStore, slug: string): string {
  return tagTimeline(content, slug)?.periods[0]?.key ?? '';
}

/** Per store and tag, the last timeline worked out, while the tag's stories stay the same. */
const cache = new WeakMap<ContentStore, Map<string, { stories: Article[]; timeline: TagTimeline }>>();

/** A tag's timeline (undefined when there is no such tag). */
export function tagTimeline(content: ContentStore, slug: string): TagTimeline | undefined {
  if (!content.tag(slug)) return undefined;
  const stories = content.storiesByTag(slug);
  let perTag = cache.get(content);
  if (!perTag) cache.set(content, (perTag = new Map()));
  const kept = perTag.get(slug);
  // A scheduled story coming out changes the list: same length and newest means the same stories.
  if (kept && kept.stories.length === stories.length && kept.stories[0] === stories[0]) return kept.timeline;
  const timeline = timelineOf(stories, (a) => content.monthOf(a));
  perTag.set(slug, { stories, timeline });
  return timeline;
}
