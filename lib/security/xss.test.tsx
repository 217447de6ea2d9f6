import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { renderToStaticMarkup } from 'react-dom/server';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { ArticleBody } from '@/components/ArticleBody';
import { Breadcrumb } from '@/components/Breadcrumb';
import { JsonLd } from '@/components/JsonLd';
import { ReadAlso } from '@/components/ReadAlso';
import { StoryCard } from '@/components/StoryCard';
import { StoryNav } from '@/components/StoryNav';
import { TagExplainer } from '@/components/TagExplainer';
import { TagList } from '@/components/TagList';
import { storyPlace } from '@/lib/content/story-order';
import { storeFrom } from '../../test/support/test-store';
import { newsArticle } from '../seo/jsonld';

/** At least 30 classic payloads: tags, handlers, SVG, encodings, mixed case, broken markup. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<img src="jav&#x09;ascript:alert(1)">',
  '<img """><script>alert(1)</script>">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="javascript:alert(1)">klik</a>',
  '<a href="JaVaScRiPt:alert(1)">klik</a>',
  '<a href=" javascript:alert(1)">klik</a>',
  '<a href="&#106;avascript:alert(1)">klik</a>',
  '<a href="vbscript:msgbox(1)">klik</a>',
  '<a href="data:text/html,<script>alert(1)</script>">klik</a>',
  '[klik](javascript:alert(1))',
  '[klik](JAVASCRIPT:alert(1))',
  '[klik](vbscript:msgbox(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD4=)',
  '![x](javascript:alert(1))',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href=javascript:alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)//',
  '<a href="https://evil.example/" onclick="alert(1)">x</a>',
  '</script><script>alert(1)</script>',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<style>@import "javascript:alert(1)";</style>',
];

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'meta', 'link', 'form', 'input', 'frame', 'frameset', 'body']);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcDoc'];

/** Every way a payload could still run, found by parsing the output as a browser would. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    if (DANGEROUS_TAGS.has(node.tagName)) {
      const isJsonLd = node.tagName === 'script' && node.properties.type === 'application/ld+json';
      if (!isJsonLd) found.push(`<${node.tagName}>`);
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(`${node.tagName}[${key}]`);
      if (key === 'style' && /javascript:|expression\(/i.test(String(value))) found.push(`${node.tagName}[style]`);
      if (URL_PROPERTIES.includes(key)) {
        const url = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(url)) found.push(`${node.tagName}[${key}=${url.slice(0, 20)}]`);
      }
    }
  });
  return found;
}

describe('XSS payloads never survive into the page', () => {
  it('has a corpus of at least 30 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it('the checker itself catches live payloads (so it can fail)', () => {
    expect(dangers('<p><img src=x onerror=alert(1)></p>')).toEqual(['img[onError]']);
    expect(dangers('<a href=" JavaScript:alert(1)">x</a>')).toHaveLength(1);
    expect(dangers('<script>alert(1)</script>')).toEqual(['<script>']);
  });

  const content = storeFrom((f, a) => {
    PAYLOADS.forEach((payload, i) => {
      const yamlString = JSON.stringify(payload);
      // A running story with an explainer whose facts, questions and answers are all the payload.
      const facts = [1, 2, 3, 4].map(() => `    - ${yamlString}`).join('\n');
      const questions = [1, 2].map(() => `    - question: ${yamlString}\n      answer: ${yamlString}`).join('\n');
      f.write(
        `content/tags/xss-${i}.yml`,
        `name: ${yamlString}\ndescription: ${yamlString}\nstory: true\nexplainer:\n  updatedAt: "2025-09-05T10:00:00+07:00"\n  facts:\n${facts}\n  questions:\n${questions}\n`,
      );
      f.write(
        `content/articles/xss-${i}.md`,
        a({ title: yamlString, summary: yamlString, publishedAt: `"2024-06-20T14:${String(i).padStart(2, '0')}:00+07:00"`, tags: `[xss-${i}]`, source: yamlString, dateline: JSON.stringify(payload.slice(0, 60)) }, `Paragraf ${payload} di tengah.\n\n${payload}\n\n::baca-juga{slug="pertama"}`),
      );
    });
  });

  PAYLOADS.forEach((payload, i) => {
    it(`payload ${i + 1}: ${payload.slice(0, 50)}`, () => {
      const article = content.article(`xss-${i}`)!;
      const tag = content.tag(`xss-${i}`)!;
      const html = [
        renderToStaticMarkup(<ArticleBody tree={content.body(article)} />),
        renderToStaticMarkup(<StoryCard article={article} />),
        renderToStaticMarkup(<TagList tags={[{ ...tag, count: 1 }]} label={tag.name} />),
        renderToStaticMarkup(<Breadcrumb items={[{ name: tag.name, href: '/topik/x' }]} />),
        renderToStaticMarkup(<ReadAlso slug="pertama" title={article.title} />),
        renderToStaticMarkup(<TagExplainer explainer={tag.explainer!} />),
        renderToStaticMarkup(<StoryNav story={tag} place={{ ...storyPlace(content.storiesByTag(tag.slug), article)!, previous: article, next: article }} />),
        renderToStaticMarkup(<JsonLd data={newsArticle(article, content)} />),
      ].join('\n');
      expect(dangers(html)).toEqual([]);
      // A title can never close the JSON-LD block early.
      expect(html.match(/<\/script>/g)?.length).toBe(1);
    });
  });

  it('external links in articles get rel="noopener noreferrer"', () => {
    const c = storeFrom((f, a) => f.write('content/articles/tautan.md', a({}, 'Lihat [Reuters](https://www.reuters.com/) dan [beranda](/).')));
    const html = renderToStaticMarkup(<ArticleBody tree={c.body(c.article('tautan')!)} />);
    expect(html).toContain('<a href="https://www.reuters.com/" rel="noopener noreferrer">Reuters</a>');
    expect(html).toContain('<a href="/">beranda</a>');
  });
});
