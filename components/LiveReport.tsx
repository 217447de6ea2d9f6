import type { Author, LiveReport as Report } from '@/lib/content';
import { dates, t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { ArticleBody } from './ArticleBody';
import { Byline } from './Byline';
import { LiveUpdates } from './LiveUpdates';
import { Timestamp } from './Timestamp';

/** "LANGSUNG" while a report runs, "Selesai" once it has ended. */
export function LiveBadge({ status, className = '' }: { status: Report['status']; className?: string }) {
  return status === 'berlangsung' ? (
    <span className={`inline-flex items-center gap-1.5 rounded bg-accent px-2 py-0.5 text-xs font-bold tracking-wider text-accent-ink uppercase ${className}`}>
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-accent-ink" />
      {t.liveBadge}
    </span>
  ) : (
    <span className={`inline-flex items-center rounded border border-rule px-2 py-0.5 text-xs font-bold tracking-wider text-ink-muted uppercase ${className}`}>{t.liveEnded}</span>
  );
}

/**
 * A live report: its state, an optional pinned summary, the key events linking to their entries,
 * then every entry newest first, each with its own permalink (#id) and share link. Complete as
 * HTML: no script is needed to read it.
 */
export function LiveReport({ report, authors, url }: { report: Report; authors: Author[]; url: string }) {
  const keyEvents = report.entries.filter((entry) => entry.keyEvent);
  // Over several days a time alone is ambiguous: the key events then name their day too.
  const severalDays = new Set(keyEvents.map((entry) => dates.date(entry.time))).size > 1;
  const newest = report.entries[0];
  return (
    <>
      <header className="mt-4">
        <p className="flex items-center gap-2 text-sm font-bold tracking-wider text-accent uppercase">
          {t.live} <LiveBadge status={report.status} />
        </p>
        <h1 className="mt-2 font-serif text-[1.9rem] leading-tight font-bold sm:text-5xl">{report.title}</h1>
        <p className="mt-4 text-lg leading-snug text-ink-muted sm:text-xl">{report.summary}</p>
        <div className="mt-5 space-y-1 border-y border-rule py-3 text-sm">
          <Byline authors={authors} />
          <p className="text-ink-muted">
            {t.liveCoverage}: <Timestamp iso={report.coverageStart} />
            {report.coverageEnd && (
              <>
                {' – '}
                <Timestamp iso={report.coverageEnd} />
              </>
            )}
          </p>
          {newest && (
            <p className="text-ink-muted">
              <span>{t.updated} </span>
              <Timestamp iso={newest.time} />
            </p>
          )}
        </div>
      </header>

      {report.pinned && (
        <section aria-labelledby="ringkasan" className="mt-6 border-l-4 border-accent bg-paper-muted p-4">
          <h2 id="ringkasan" className="text-sm font-bold tracking-wider uppercase">
            {t.livePinned}
          </h2>
          <p className="mt-2">{report.pinned}</p>
        </section>
      )}

      {keyEvents.length > 0 && (
        <nav aria-labelledby="peristiwa-penting" className="mt-6">
          <h2 id="peristiwa-penting" className="text-sm font-bold tracking-wider uppercase">
            {t.liveKeyEvents}
          </h2>
          <ol className="mt-2 space-y-1">
            {keyEvents.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`} className="inline-flex min-h-6 gap-2 underline-offset-2 hover:underline">
                  <time dateTime={entry.time} className="shrink-0 font-semibold text-accent">
                    {severalDays ? `${dates.dayMonth(entry.time)}, ${dates.time(entry.time)}` : dates.time(entry.time)}
                  </time>
                  <span>{entry.keyEvent}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <section aria-labelledby="pembaruan" className="mt-8">
        <h2 id="pembaruan" className="sr-only">
          {t.liveUpdates}
        </h2>
        {report.status === 'berlangsung' && <LiveUpdates />}
        <ol id="daftar-pembaruan" className="space-y-8">
          {report.entries.map((entry) => (
            <li key={entry.id}>
              <article id={entry.id} aria-labelledby={`${entry.id}-waktu`} className="scroll-mt-4 border-t-2 border-ink pt-3">
                <h3 id={`${entry.id}-waktu`} className="text-sm font-bold">
                  <Timestamp iso={entry.time} className="text-accent" />
                  {entry.keyEvent && <span className="mt-1 block font-serif text-xl leading-snug">{entry.keyEvent}</span>}
                </h3>
                <div className="mt-2">
                  <ArticleBody tree={entry.body} />
                </div>
                <p className="no-print mt-2 flex flex-wrap gap-x-4 text-sm">
                  <a href={`#${entry.id}`} className="inline-flex min-h-6 items-center text-link underline underline-offset-2">
                    {t.liveEntryLink}
                  </a>
                  <a
                    href={`https://wa.me/?text=${encodeURIComponent(`${report.title} ${url}#${entry.id}`)}`}
                    rel="noopener noreferrer"
                    target="_blank"
                    className="inline-flex min-h-6 items-center text-link underline underline-offset-2"
                  >
                    {t.shareOn('WhatsApp')}
                  </a>
                </p>
              </article>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Links to live reports, each with its state and latest update: the home page and tag pages list them. */
export function LiveReportList({ reports, headingId, className = '' }: { reports: Report[]; headingId: string; className?: string }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId} className="text-sm font-bold tracking-wider uppercase">
        {t.liveReports}
      </h2>
      <ul className="mt-2 space-y-3">
        {reports.map((report) => (
          <li key={report.slug}>
            <LiveBadge status={report.status} />
            <a href={routes.live(report.slug)} className="mt-1 block font-serif text-lg leading-snug font-bold hover:underline">
              {report.title}
            </a>
            {report.entries[0] && (
              <p className="text-sm text-ink-muted">
                {t.updated} <Timestamp iso={report.entries[0].time} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
