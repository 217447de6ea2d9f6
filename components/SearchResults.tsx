import type { ContentStore } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import type { SearchResult, SearchSort } from '@/lib/search';
import { Pagination } from './Pagination';
import { TagList } from './TagList';
import { Timestamp } from './Timestamp';

export interface SearchFilters {
  section?: string;
  tag?: string;
  year?: number;
  sort?: SearchSort;
}

/** The URL parameters of a search (the form's hidden fields, and every link's query). */
export function searchFields(q: string | undefined, filters: SearchFilters, page = 1): Record<string, string> {
  const params: Record<string, string> = {};
  if (q !== undefined) params.q = q;
  if (filters.section) params.rubrik = filters.section;
  if (filters.tag) params.topik = filters.tag;
  if (filters.year) params.tahun = String(filters.year);
  if (filters.sort === 'newest') params.urut = 'terbaru';
  if (page > 1) params.halaman = String(page);
  return params;
}

/** URL of a search with the given query, filters and page (stable, shareable, bookmarkable). */
export function searchHref(q: string, filters: SearchFilters, page = 1): string {
  return `${routes.search()}?${new URLSearchParams(searchFields(q, filters, page)).toString()}`;
}

const CHIP = 'inline-block rounded-full border px-3 py-1.5 text-sm font-semibold';

/** A row of filter links, the current one marked (aria-current) and filled. */
function FilterLinks({ label, links, className = 'mb-6' }: { label: string; links: { key: string; href: string; text: string; count?: number; active: boolean }[]; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.key}>
            <a
              href={link.href}
              aria-current={link.active ? 'page' : undefined}
              className={`${CHIP} ${link.active ? 'border-accent bg-accent text-accent-ink' : 'border-rule'}`}
            >
              {link.text}
              {link.count !== undefined && <span className="font-normal"> {link.count}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Results with highlighted snippets, sort and filter links, pagination, and help when nothing matched. */
export function SearchResults({ result, filters, content }: { result: SearchResult; filters: SearchFilters; content: ContentStore }) {
  const tagName = filters.tag ? content.tag(filters.tag)?.name : undefined;
  const sectionFilters = content.sections.filter((s) => (result.sections[s.slug] ?? 0) > 0 || s.slug === filters.section);
  const years = result.years.some((y) => y.year === filters.year) || !filters.year ? result.years : [...result.years, { year: filters.year, count: 0 }];
  const any = result.total > 0 || filters.section !== undefined || filters.year !== undefined;
  return (
    <div className="mt-6">
      {tagName && (
        <p className="mb-4 text-sm">
          {t.searchFilteredByTag(tagName)} ·{' '}
          <a href={searchHref(result.query, { ...filters, tag: undefined })} className="text-link underline">
            {t.searchClearTag}
          </a>
        </p>
      )}
      {any && (
        <FilterLinks
          label={t.searchFilterSection}
          links={[
            { key: '', href: searchHref(result.query, { ...filters, section: undefined }), text: t.searchAllSections, active: !filters.section },
            ...sectionFilters.map((section) => ({
              key: section.slug,
              href: searchHref(result.query, { ...filters, section: section.slug }),
              text: section.name,
              count: result.sections[section.slug] ?? 0,
              active: section.slug === filters.section,
            })),
          ]}
        />
      )}

      {result.tags.length > 0 && !filters.tag && (
        <FilterLinks
          label={t.searchFilterTag}
          className="-mt-3 mb-6"
          links={result.tags.map(({ slug, count }) => ({
            key: slug,
            href: searchHref(result.query, { ...filters, tag: slug }),
            text: content.tag(slug)?.name ?? slug,
            count,
            active: false,
          }))}
        />
      )}

      {any && years.length > 0 && (
        <FilterLinks
          label={t.searchFilterYear}
          className="-mt-3 mb-6"
          links={[
            { key: '', href: searchHref(result.query, { ...filters, year: undefined }), text: t.searchAllYears, active: !filters.year },
            ...years.map(({ year, count }) => ({
              key: String(year),
              href: searchHref(result.query, { ...filters, year }),
              text: String(year),
              count,
              active: year === filters.year,
            })),
          ]}
        />
      )}

      {result.total > 1 && (
        <FilterLinks
          label={t.searchSort}
          className="-mt-3 mb-6"
          links={(['relevance', 'newest'] as const).map((sort) => ({
            key: sort,
            href: searchHref(result.query, { ...filters, sort }),
            text: sort === 'relevance' ? t.searchSortRelevance : t.searchSortNewest,
            active: result.sort === sort,
          }))}
        />
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
