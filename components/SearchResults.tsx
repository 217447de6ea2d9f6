import type { ContentStore } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import type { SearchResult } from '@/lib/search';
import { Pagination } from './Pagination';
import { TagList } from './TagList';
import { Timestamp } from './Timestamp';

export interface SearchFilters {
  section?: string;
  tag?: string;
}

/** URL of a search with the given query, filters and page (stable, shareable, bookmarkable). */
export function searchHref(q: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams({ q });
  if (filters.section) params.set('rubrik', filters.section);
  if (filters.tag) params.set('topik', filters.tag);
  if (page > 1) params.set('halaman', String(page));
  return `${routes.search()}?${params.toString()}`;
}

/** Results with highlighted snippets, section filters, pagination, and help when nothing matched. */
export function SearchResults({ result, filters, content }: { result: SearchResult; filters: SearchFilters; content: ContentStore }) {
  const tagName = filters.tag ? content.tag(filters.tag)?.name : undefined;
  const sectionFilters = content.sections.filter((s) => (result.sections[s.slug] ?? 0) > 0 || s.slug === filters.section);
  const chip = 'inline-block rounded-full border px-3 py-1.5 text-sm font-semibold';
  return (
    <div className="mt-6">
      {tagName && (
        <p className="mb-4 text-sm">
          {t.searchFilteredByTag(tagName)} ·{' '}
          <a href={searchHref(result.query, { section: filters.section })} className="text-link underline">
            {t.searchClearTag}
          </a>
        </p>
      )}
      {(result.total > 0 || filters.section) && (
        <nav aria-label={t.searchFilterSection} className="mb-6">
          <ul className="flex flex-wrap gap-2">
            <li>
              <a
                href={searchHref(result.query, { tag: filters.tag })}
                aria-current={!filters.section ? 'page' : undefined}
                className={`${chip} ${!filters.section ? 'border-accent bg-accent text-accent-ink' : 'border-rule'}`}
              >
                {t.searchAllSections}
              </a>
            </li>
            {sectionFilters.map((section) => {
              const active = section.slug === filters.section;
              return (
                <li key={section.slug}>
                  <a
                    href={searchHref(result.query, { section: section.slug, tag: filters.tag })}
                    aria-current={active ? 'page' : undefined}
                    className={`${chip} ${active ? 'border-accent bg-accent text-accent-ink' : 'border-rule'}`}
                  >
                    {section.name} <span className="font-normal">{result.sections[section.slug] ?? 0}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      {result.tags.length > 0 && !filters.tag && (
        <nav aria-label={t.searchFilterTag} className="-mt-3 mb-6">
          <ul className="flex flex-wrap gap-2">
            {result.tags.map(({ slug, count }) => (
              <li key={slug}>
                <a href={searchHref(result.query, { section: filters.section, tag: slug })} className={`${chip} border-rule`}>
                  {content.tag(slug)?.name ?? slug} <span className="font-normal">{count}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {result.total > 0 ? (
        <>
          <p className="mb-4 font-semibold" role="status">
            {t.searchResultCount(result.total, result.query)}
          </p>
          <ol className="divide-y divide-rule">
            {result.hits.map(({ article, snippet }) => (
              <li key={article.slug} className="py-4 first:pt-0">
                <article>
                  <p className="text-xs font-bold tracking-wider text-accent uppercase">{content.section(article.section)?.name}</p>
                  <h2 className="mt-1 font-serif text-xl leading-snug font-bold">
                    <a href={routes.article(article.slug)} className="hover:underline">
                      {article.title}
                    </a>
                  </h2>
                  <p className="mt-1 text-ink-muted">
                    {snippet.map((part, i) =>
                      part.match ? (
                        <mark key={i} className="rounded-sm bg-[#fff0a8] px-0.5 text-[#16181d]">
                          {part.text}
                        </mark>
                      ) : (
                        <span key={i}>{part.text}</span>
                      ),
                    )}
                  </p>
                  <p className="mt-1 text-sm text-ink-muted">
                    <Timestamp iso={article.publishedAt} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
          <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(p) => searchHref(result.query, filters, p)} />
        </>
      ) : (
        <div>
          <h2 className="font-serif text-2xl font-bold">
            {t.searchNoResults(result.query)}
          </h2>
          {result.suggestions.length > 0 && (
            <p className="mt-3 text-lg">
              {t.searchDidYouMean}{' '}
              {result.suggestions.map((s) => (
                <a key={s} href={searchHref(s, filters)} className="font-semibold text-link underline">
                  {s}
                </a>
              ))}
            </p>
          )}
          <p className="mt-3 text-ink-muted">{t.searchNoResultsHelp}</p>
          <div className="mt-4">
            <TagList tags={content.popularTags(12)} label={t.popularTopics} />
          </div>
        </div>
      )}
    </div>
  );
}
