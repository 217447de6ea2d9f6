import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/Breadcrumb';
import { PageHeader } from '@/components/PageHeader';
import { TagList } from '@/components/TagList';
import { Timestamp } from '@/components/Timestamp';
import { getContent } from '@/lib/content';
import { t } from '@/lib/i18n';
import { routes } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export const metadata: Metadata = pageMetadata({ title: t.allTopics, description: t.topicsDescription, path: routes.tags() });

export default function TagIndexPage() {
  const content = getContent();
  const tags = content.tagsWithCounts();
  // Running stories first, the one with the latest news on top; each with its newest headline.
  const running = tags
    .filter((tag) => tag.story && tag.count > 0)
    .map((tag) => ({ tag, newest: content.storiesByTag(tag.slug)[0]! }))
    .sort((a, b) => b.newest.publishedMs - a.newest.publishedMs);
  return (
    <>
      <Breadcrumb items={[{ name: t.home, href: routes.home() }]} />
      <div className="mt-4">
        <PageHeader title={t.allTopics}>
          <p>{t.storyCount(content.articles.length)}</p>
        </PageHeader>
      </div>
      {running.length > 0 && (
        <section aria-labelledby="running-stories" className="mt-6">
          <h2 id="running-stories" className="mb-3 text-sm font-bold tracking-wider uppercase">
            {t.runningStories}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {running.map(({ tag, newest }) => (
              <li key={tag.slug} className="rounded border-l-4 border-accent bg-paper-muted p-4">
                <h3 className="font-serif text-xl font-bold">
                  <a href={routes.tag(tag.slug)} className="hover:underline">
                    {tag.name}
                  </a>{' '}
                  <span className="font-sans text-sm font-normal whitespace-nowrap text-ink-muted">{t.storyCount(tag.count)}</span>
                </h3>
                <p className="mt-2 text-ink-muted">{tag.description}</p>
                <p className="mt-3">
                  <span className="font-semibold">{t.newestStory}</span>{' '}
                  <a href={routes.article(newest.slug)} className="text-link underline underline-offset-2">
                    {newest.title}
                  </a>{' '}
                  <Timestamp iso={newest.publishedAt} format="date" className="text-sm whitespace-nowrap text-ink-muted" />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="all-topics" className="mt-8">
        <h2 id="all-topics" className="mb-3 text-sm font-bold tracking-wider uppercase">
          {t.topicsAZ}
        </h2>
        <TagList tags={tags} label={t.allTopics} />
      </section>
    </>
  );
}
