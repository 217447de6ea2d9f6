import type { Article } from '@/lib/content';
import { routes } from '@/lib/routes';
import { ResponsiveImage } from './ResponsiveImage';
import { Timestamp } from './Timestamp';

type Variant = 'lead' | 'standard' | 'compact';

const headlineClass: Record<Variant, string> = {
  lead: 'font-serif text-[1.75rem] leading-tight font-bold sm:text-4xl',
  standard: 'font-serif text-xl leading-snug font-bold',
  compact: 'font-serif text-lg leading-snug font-semibold',
};

/** A story in a list: headline link, dek and time. The lead variant also shows the image. */
export function StoryCard({
  article,
  variant = 'standard',
  headingLevel = 3,
  showSummary = variant !== 'compact',
}: {
  article: Article;
  variant?: Variant;
  headingLevel?: 2 | 3;
  showSummary?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="flex flex-col gap-2">
      {variant === 'lead' && article.image && (
        <ResponsiveImage
          image={article.image}
          sizes="(min-width: 1152px) 700px, (min-width: 768px) 60vw, 100vw"
          className="aspect-[16/9] h-auto w-full bg-paper-muted object-cover"
          priority
        />
      )}
      <Heading className={headlineClass[variant]}>
        <a href={routes.article(article.slug)} className="hover:underline">
          {article.title}
        </a>
      </Heading>
      {showSummary && <p className={variant === 'lead' ? 'text-lg text-ink-muted' : 'text-ink-muted'}>{article.summary}</p>}
      <p className="text-sm text-ink-muted">
        <Timestamp iso={article.publishedAt} />
      </p>
    </article>
  );
}

/** A vertical list of stories separated by rules. */
export function StoryList({ articles, variant = 'standard', headingLevel = 3 }: { articles: Article[]; variant?: Variant; headingLevel?: 2 | 3 }) {
  return (
    <ol className="divide-y divide-rule">
      {articles.map((article) => (
        <li key={article.slug} className="py-4 first:pt-0">
          <StoryCard article={article} variant={variant} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
