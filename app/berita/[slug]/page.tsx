import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { MostRead } from '@/components/MostRead';
import { ReadBeacon } from '@/components/ReadBeacon';
import { ResponsiveImage } from '@/components/ResponsiveImage';
import { Byline } from '@/components/Byline';
import { Corrections } from '@/components/Corrections';
import { ShareLinks } from '@/components/ShareLinks';
import { StoryList } from '@/components/StoryCard';
import { StoryNav } from '@/components/StoryNav';
import { StoryTrail } from '@/components/StoryTrail';
import { TagList } from '@/components/TagList';
import { Timestamp } from '@/components/Timestamp';
import { siteConfig } from '@/lib/config';
import { getContent } from '@/lib/content';
import { runningStoryOf, storyPlace } from '@/lib/content/story-order';
import { prerenderedArticleParams } from '@/lib/pages';
import { contentForRequest } from '@/lib/newsroom/preview';
import { t } from '@/lib/i18n';
import { mostRead } from '@/lib/popular';
import { routes } from '@/lib/routes';
import { newsArticle } from '@/lib/seo/jsonld';
import { articleMetadata } from '@/lib/seo/metadata';

// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

export const generateStaticParams = prerenderedArticleParams;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { content } = await contentForRequest();
  const article = content.article((await params).slug);
  return article ? articleMetadata(article, content) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { content, preview } = await contentForRequest();
  const article = content.article((await params).slug);
  if (!article) notFound();
  const popular = await mostRead({ exclude: article.slug });
  const section = content.section(article.section)!;
  const authors = article.authors.map((slug) => content.author(slug)!);
  const tags = article.tags.map((slug) => content.tag(slug)!);
  const related = content.related(article, 4);
  // One running story per article (the first running story among its tags); its place by binary search.
  const story = runningStoryOf(article, (slug) => content.tag(slug));
  const place = story && storyPlace(content.storiesByTag(story.slug), article);
  const url = `${siteConfig.url}${routes.article(article.slug)}`;

  return (
    <>
      <article className="mx-auto max-w-3xl">
        <StoryTrail story={newsArticle(article, content)} section={section} title={article.title} path={routes.article(article.slug)} />
        <header className="mt-4">
          <h1 className="font-serif text-[1.9rem] leading-tight font-bold sm:text-5xl">{article.title}</h1>
          <p className="mt-4 text-lg leading-snug text-ink-muted sm:text-xl">{article.summary}</p>
          <div className="mt-5 space-y-1 border-y border-rule py-3 text-sm">
            <Byline authors={authors} />
            {article.source && (
              <p>
                {t.source}: {article.source}
              </p>
            )}
            <p className="text-ink-muted">
              <span>{t.published} </span>
              <Timestamp iso={article.publishedAt} />
            </p>
            {article.updatedAt && (
              <p className="text-ink-muted">
                <span>{t.updated} </span>
                <Timestamp iso={article.updatedAt} />
              </p>
            )}
            <p className="text-ink-muted">
              {t.readingTime(content.readingTime(article).minutes)}
              {/* Lite editions exist for published stories only (not for drafts in preview). */}
              {getContent().article(article.slug) && (
                <>
                  {' · '}
                  <a href={routes.articleLite(article.slug)} className="text-link underline underline-offset-2">
                    {t.liteEdition}
                  </a>{' '}
                  <span className="text-xs">({t.liteEditionHint})</span>
                </>
              )}
            </p>
          </div>
          <p className="print-only mt-2 text-sm">
            {t.printedFrom} {url}
          </p>
        </header>

        {article.image && (
          <figure className="mt-6">
            <ResponsiveImage image={article.image} sizes="(min-width: 768px) 768px, 100vw" className="h-auto w-full bg-paper-muted" priority />
            {(article.image.caption || article.image.credit) && (
              <figcaption className="mt-2 text-sm text-ink-muted">
                {article.image.caption}
                {article.image.credit && <span className="ml-1 italic">{article.image.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}

        <div className="mt-6">
          <ArticleBody tree={content.body(article)} />
        </div>
        <Corrections corrections={article.corrections} />
        {story && place && <StoryNav story={story} place={place} />}

        <footer className="mt-10 space-y-8">
          <section aria-labelledby="tags-heading" className="no-print">
            <h2 id="tags-heading" className="mb-3 text-sm font-bold tracking-wider text-ink-muted uppercase">
              {t.tags}
            </h2>
            <TagList tags={tags} label={t.tags} />
          </section>
          <ShareLinks url={url} title={article.title} />
          {related.length > 0 && (
            <section aria-labelledby="related-heading" className="no-print border-t-2 border-ink pt-4">
              <h2 id="related-heading" className="mb-4 text-sm font-bold tracking-wider uppercase">
                {t.relatedStories}
              </h2>
              <StoryList articles={related} variant="compact" />
            </section>
          )}
        </footer>
      </article>
      {/* Editors previewing are not readers: no count. */}
      {!preview && <ReadBeacon slug={article.slug} />}
      <MostRead articles={popular} className="mx-auto mt-12 max-w-3xl" />
    </>
  );
}
