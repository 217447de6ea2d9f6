import type { TimelineMonth } from '@/lib/content';
import { dates } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { Timestamp } from './Timestamp';

/** A running story read from its start: months in order, each with its stories oldest first. */
export function Timeline({ months }: { months: TimelineMonth[] }) {
  return (
    <ol className="mt-8 space-y-10">
      {months.map((month) => (
        <li key={month.key} aria-labelledby={`bulan-${month.key}`}>
          <h2 id={`bulan-${month.key}`} className="font-serif text-2xl font-bold">
            {dates.month(month.articles[0]!.publishedAt)}
          </h2>
          <ol className="mt-4 space-y-6 border-l-2 border-accent pl-5">
            {month.articles.map((article) => (
              <li key={article.slug} className="relative">
                <span aria-hidden="true" className="absolute top-2 -left-[1.6rem] h-3 w-3 rounded-full border-2 border-paper bg-accent" />
                <p className="text-sm font-semibold text-ink-muted">
                  <Timestamp iso={article.publishedAt} />
                </p>
                <h3 className="mt-1 font-serif text-xl leading-snug font-bold">
                  <a href={routes.article(article.slug)} className="hover:underline">
                    {article.title}
                  </a>
                </h3>
                <p className="mt-1 text-ink-muted">{article.summary}</p>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
