import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/Breadcrumb';
import { SearchForm } from '@/components/SearchForm';
import { SearchResults, searchFields } from '@/components/SearchResults';
import { TagList } from '@/components/TagList';
import { siteConfig } from '@/lib/config';
import { ContentDatabaseError, getContent, getSearchSource } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { normaliseQuery, search, type SearchResult } from '@/lib/search';
import { pageMetadata } from '@/lib/seo/metadata';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normaliseQuery((await searchParams).q);
  return pageMetadata({
    title: t.searchTitle(q),
    description: t.searchEmptyPrompt,
    path: routes.search(),
    robots: { index: false, follow: true },
  });
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const content = getContent();
  const q = normaliseQuery(params.q);
  // Unknown filters are ignored rather than failing: a stale or edited URL still searches.
  const section = content.section(first(params.rubrik) ?? '')?.slug;
  const tag = content.tag(first(params.topik) ?? '')?.slug;
  const page = Number.parseInt(first(params.halaman) ?? '1', 10) || 1;
  const yearParam = Number.parseInt(first(params.tahun) ?? '', 10);
  const year = yearParam >= 1900 && yearParam <= 9999 ? yearParam : undefined;
  const sort = first(params.urut) === 'terbaru' ? 'newest' : 'relevance';
  let result: SearchResult | undefined;
  let unavailable = false;
  try {
    result = q ? search(getSearchSource(), { q, section, tag, year, sort, page, pageSize: siteConfig.pageSize }) : undefined;
  } catch (error) {
    // A damaged content.db answers a normal page that says so, and the log says what to run.
    if (!(error instanceof ContentDatabaseError || (error as Error).name === 'SqliteError')) throw error;
    console.error(`search failed: ${(error as Error).message}; run \`npm run build\` to write content.db again`);
    unavailable = true;
  }
  return (
    <div className="max-w-3xl">
      <Breadcrumb items={[{ name: t.home, href: routes.home() }]} />
      <h1 className="mt-4 font-serif text-3xl font-bold sm:text-4xl">{t.searchTitle(q)}</h1>
      <div className="mt-4">
        <SearchForm id="cari-halaman" size="large" defaultValue={q} hidden={searchFields(undefined, { tag, sort })} />
      </div>
      {unavailable ? (
        <p className="mt-6 text-lg" role="status">
          {t.searchUnavailable}
        </p>
      ) : result ? (
        <SearchResults result={result} filters={{ section, tag, year, sort }} content={content} />
      ) : (
        <div className="mt-6">
          <p className="text-lg text-ink-muted">{t.searchEmptyPrompt}</p>
          <h2 className="mt-6 mb-3 text-sm font-bold tracking-wider uppercase">{t.popularTopics}</h2>
          <TagList tags={content.popularTags(12)} label={t.popularTopics} />
        </div>
      )}
    </div>
  );
}
