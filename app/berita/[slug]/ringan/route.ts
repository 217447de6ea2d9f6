import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { liteArticleHtml } from '@/lib/lite/render';

export const dynamic = 'force-static';
// Regenerated at most once a minute when requested (ISR), so new and scheduled stories show up without a build.
export const revalidate = 60;

// None prerendered: each lite edition renders on its first request (cheaply) and is then cached.
// Prerendering them put 1,000 cheap pages behind the 1,000 full stories in Next.js's page order,
// and next build hands each worker one contiguous half: one worker drew every story, the other
// sat idle for the last third of page generation (decision 0006).
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** The lite edition: one HTML document, inline CSS, no JavaScript. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const article = content.article((await params).slug);
  if (!article) notFound();
  const html = liteArticleHtml({
    article,
    body: content.body(article),
    readingMinutes: content.readingTime(article).minutes,
    section: content.section(article.section)!,
    authors: article.authors.map((slug) => content.author(slug)!),
    tags: article.tags.map((slug) => content.tag(slug)!),
    year: new Date().getFullYear(),
  });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
