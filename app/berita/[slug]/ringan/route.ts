import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { liteArticleHtml } from '@/lib/lite/render';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().articles.map((article) => ({ slug: article.slug }));
}

/** The lite edition: one HTML document, inline CSS, no JavaScript. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const content = getContent();
  const article = content.article((await params).slug);
  if (!article) notFound();
  const html = liteArticleHtml({
    article,
    body: content.body(article),
    section: content.section(article.section)!,
    authors: article.authors.map((slug) => content.author(slug)!),
    tags: article.tags.map((slug) => content.tag(slug)!),
    year: new Date().getFullYear(),
  });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
