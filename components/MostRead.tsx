import type { Article } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { headingClass } from './headings';

/** "Terpopuler": the most-read stories, numbered. Renders nothing when there are none. */
export function MostRead({ articles, className = '' }: { articles: Article[]; className?: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="most-read-heading" className={`no-print ${className}`}>
      <h2 id="most-read-heading" className={headingClass}>
        {t.mostRead}
      </h2>
      <ol className="divide-y divide-rule">
        {articles.map((article, index) => (
          <li key={article.slug} className="flex gap-3 py-3 first:pt-0">
            <span aria-hidden="true" className="w-6 shrink-0 font-serif text-2xl leading-none font-bold text-ink-muted">
              {index + 1}
            </span>
            <a href={routes.article(article.slug)} className="font-serif text-lg leading-snug font-semibold hover:underline">
              {article.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
