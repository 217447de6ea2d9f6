import type { TagTimeline, Taxon, TimelinePeriod } from '@/lib/content';
import type { Crumb } from './Breadcrumb';
import { dates, t } from '@/lib/i18n';
import { routes } from '@/lib/routes';

/** Home › Topics › the tag (› Timeline, on a period's page). */
export function timelineCrumbs(tag: Taxon, withIndex: boolean): Crumb[] {
  const crumbs = [
    { name: t.home, href: routes.home() },
    { name: t.topics, href: routes.tags() },
    { name: tag.name, href: routes.tag(tag.slug) },
  ];
  return withIndex ? [...crumbs, { name: t.timeline, href: routes.timeline(tag.slug) }] : crumbs;
}

/** A month key ("2024-06") as a date in that month, for the month's name. */
const midMonth = (key: string) => `${key}-15T12:00:00+07:00`;

/** What a reader calls a period: "2024", "Juni 2024", "Juni 2024 (bagian 2 dari 3)". */
export function periodName(period: TimelinePeriod): string {
  if (period.kind === 'year') return period.key;
  const month = dates.month(midMonth(period.months[0]!.key));
  return period.parts > 1 ? t.timelinePart(month, period.part, period.parts) : month;
}

/** The index of a long timeline: every year and month with its count, each a link to its page. */
export function TimelineIndex({ slug, timeline }: { slug: string; timeline: TagTimeline }) {
  const first = timeline.periods[0]!;
  return (
    <section aria-labelledby="indeks-linimasa" className="mt-8">
      <p className="text-lg">
        <a href={routes.timelinePeriod(slug, first.key)} className="font-semibold text-link underline underline-offset-2">
          {t.timelineStart(periodName(first))} ›
        </a>
      </p>
      <h2 id="indeks-linimasa" className="mt-8 font-serif text-2xl font-bold">
        {t.timelineIndex}
      </h2>
      <p className="mt-2 text-ink-muted">{t.timelineIndexIntro(timeline.periods.length)}</p>
      <ol className="mt-6 space-y-6">
        {timeline.years.map((year) => (
          <li key={year.year}>
            <h3 className="font-serif text-xl font-bold">
              {year.year} <span className="font-sans text-base font-normal text-ink-muted">· {t.storyCount(year.count)}</span>
            </h3>
            <ul className="mt-2 flex flex-wrap gap-2">
              {year.months.map((month) => (
                <li key={month.key}>
                  <a
                    href={`${routes.timelinePeriod(slug, month.period)}${month.period === year.year ? `#bulan-${month.key}` : ''}`}
                    className="inline-flex min-h-11 items-center gap-1.5 rounded border border-rule px-3 hover:border-accent"
                  >
                    <span className="font-semibold">{dates.month(midMonth(month.key))}</span>
                    <span className="text-sm text-ink-muted">{month.count}</span>
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Previous and next period, and the index, around one period's page. */
export function TimelinePeriodNav({ slug, timeline, index }: { slug: string; timeline: TagTimeline; index: number }) {
  const previous = timeline.periods[index - 1];
  const next = timeline.periods[index + 1];
  const linkClass = 'inline-flex min-h-11 items-center rounded border border-rule px-3 font-semibold hover:border-accent';
  return (
    <nav aria-label={t.timelinePeriods} className="mt-10 flex flex-wrap items-center gap-2">
      {previous && (
        <a href={routes.timelinePeriod(slug, previous.key)} rel="prev" className={linkClass} aria-label={`${t.timelinePreviousPeriod}: ${periodName(previous)}`}>
          ‹ {periodName(previous)}
        </a>
      )}
      <a href={routes.timeline(slug)} className={linkClass}>
        {t.timelineIndex}
      </a>
      {next && (
        <a href={routes.timelinePeriod(slug, next.key)} rel="next" className={linkClass} aria-label={`${t.timelineNextPeriod}: ${periodName(next)}`}>
          {periodName(next)} ›
        </a>
      )}
    </nav>
  );
}
