import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { siteConfig } from '../config';
import type { Article, Author, Section, Taxon } from '../content';
import { READ_ALSO_ELEMENT } from '../content/markdown';
import { dates, t } from '../i18n';
import { routes } from '../routes';

/** Everything the lite page needs to look right, inline: no stylesheet request, no script. */
const LITE_CSS = `
:root{color-scheme:light dark;--p:#fff;--i:#16181d;--m:#4a4f59;--r:#d9d5cc;--a:#a3001b;--l:#0b4a8b}
@media(prefers-color-scheme:dark){:root{--p:#121418;--i:#ecebe8;--m:#b3b6bd;--r:#363a43;--a:#ff8a80;--l:#8ab8ff}}
body{margin:0 auto;max-width:38rem;padding:0 1rem 2rem;background:var(--p);color:var(--i);font:1.125rem/1.7 Georgia,'Noto Serif',serif;overflow-wrap:break-word}
header,footer,.meta,nav{font-family:system-ui,sans-serif}
header{border-bottom:3px solid var(--a);padding:.6rem 0}header a{font-weight:700;font-size:1.4rem;color:var(--i);text-decoration:none}
h1{font-size:1.7rem;line-height:1.2;margin:1rem 0 .5rem}.dek{color:var(--m);font-size:1.1rem;line-height:1.45}
.meta{color:var(--m);font-size:.85rem}.byline{border-top:1px solid var(--r);border-bottom:1px solid var(--r);padding:.5rem 0}.byline p{margin:.15rem 0}
a{color:var(--l)}h2{font:700 1.2rem/1.3 system-ui,sans-serif;margin-top:1.8em}blockquote{border-left:4px solid var(--a);margin:0;padding-left:1rem;font-style:italic}
.dateline{font-family:system-ui,sans-serif;font-size:.9em}aside{border-top:1px solid var(--r);border-bottom:1px solid var(--r);padding:.4rem 0;font-family:system-ui,sans-serif}
aside b{display:block;color:var(--a);font-size:.7rem;letter-spacing:.08em;text-transform:uppercase}
nav{font-size:.9rem;margin-top:2rem}nav a{margin-right:.8rem;display:inline-block}footer{color:var(--m);font-size:.8rem;margin-top:2rem}
`.replace(/\n/g, '');

/** The article body with read-also elements turned into plain links to their lite editions. */
function liteBody(body: Root): ElementContent[] {
  const convert = (node: ElementContent): ElementContent => {
    if (node.type !== 'element') return node;
    if (node.tagName === READ_ALSO_ELEMENT) {
      const slug = String(node.properties.slug ?? '');
      return h('aside', { ariaLabel: t.readAlso }, [h('b', t.readAlso), h('a', { href: routes.articleLite(slug) }, String(node.properties.title ?? slug))]);
    }
    return { ...node, children: node.children.map(convert) } as Element;
  };
  return body.children.filter((n): n is ElementContent => n.type !== 'doctype').map(convert);
}

const time = (iso: string) => h('time', { dateTime: iso }, dates.dateTime(iso));

/**
 * The lite edition of an article: the same story as one HTML document with inline CSS and no
 * JavaScript at all, for slow connections and small data plans. Text only; images stay on the
 * full page.
 */
export function liteArticleHtml(input: { article: Article; body: Root; readingMinutes: number; section: Section; authors: Author[]; tags: Taxon[]; year: number }): string {
  const { article, section, authors, tags } = input;
  const byline = [`${t.by} ${authors.map((a) => a.name).join(` ${t.and} `)}`, article.source ? ` · ${t.source}: ${article.source}` : ''].join('');
  const tree = h('html', { lang: t.htmlLang }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', `${article.title} | ${siteConfig.name}`),
      h('meta', { name: 'description', content: article.summary }),
      h('link', { rel: 'canonical', href: `${siteConfig.url}${routes.article(article.slug)}` }),
      h('style', LITE_CSS),
    ]),
    h('body', [
      h('header', [h('a', { href: routes.home() }, siteConfig.name), ` · ${t.liteEdition}`]),
      h('main', [
        h('article', [
          h('p.meta', section.name),
          h('h1', article.title),
          h('p.dek', article.summary),
          h('div.meta.byline', [
            h('p', byline),
            h('p', [`${t.published} `, time(article.publishedAt)]),
            article.updatedAt ? h('p', [`${t.updated} `, time(article.updatedAt)]) : null,
            h('p', t.readingTime(input.readingMinutes)),
          ].filter((x): x is Element => x !== null)),
          ...liteBody(input.body),
          ...(article.corrections.length > 0
            ? [h('aside', { ariaLabel: t.corrections }, [h('b', t.corrections), ...article.corrections.map((c) => h('p', [time(c.date), `: ${c.text}`]))])]
            : []),
        ]),
      ]),
      h('nav', { ariaLabel: t.tags }, tags.map((tag) => h('a', { href: routes.tag(tag.slug) }, tag.name))),
      h('footer', [
        h('p', [h('a', { href: routes.article(article.slug) }, t.fullEdition), ' · ', h('a', { href: routes.home() }, t.home)]),
        h('p', t.copyright(input.year)),
      ]),
    ]),
  ]);
  return `<!DOCTYPE html>${toHtml(tree)}`;
}
