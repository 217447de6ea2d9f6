import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScripts, outlineDocument, servesDocumentOnly, withoutFrameworkRuntime } from './document-only';

// The shape of a page as Next.js 16 (Turbopack) serves it, trimmed: chunk scripts, a script
// preload, the polyfill for old browsers, the chunk list, the RSC payload, and what is ours.
const page = [
  '<!DOCTYPE html><html lang="id"><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="image" imageSrcSet="/_next/image?url=%2Fa.png&amp;w=640&amp;q=75 640w" fetchPriority="high"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/06z7gzs6dh3oy.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/2ib-ra81prjpe.js"/>',
  '<script src="/_next/static/chunks/1o32z2b8kiite.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<link rel="canonical" href="https://warta.example/berita/a"/></head><body>',
  '<article><h1>Judul</h1><p>Isi berita: self.__next_f bukan skrip di sini.</p></article>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script data-slug="a">(function(s){navigator.sendBeacon("/api/terbaca",s.dataset.slug)})(document.currentScript)</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  '</body></html>',
].join('');

describe('a page sent as a plain document', () => {
  const html = withoutFrameworkRuntime(page);

  it('has none of the framework: no chunk scripts, script preloads, chunk list or RSC payload', () => {
    expect(html).not.toContain('/_next/static/chunks/1o32z2b8kiite.js');
    expect(html).not.toMatch(/<link[^>]*as="script"/);
    expect(html).not.toContain('noModule');
    expect(html).not.toContain('TURBOPACK');
    expect(html).not.toContain('self.__next_f.push');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('keeps the document, its CSS, its LCP image preload, JSON-LD and our own inline scripts', () => {
    expect(html).toContain('<article><h1>Judul</h1><p>Isi berita: self.__next_f bukan skrip di sini.</p></article>');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/06z7gzs6dh3oy.css" data-precedence="next"/>');
    expect(html).toContain('<link rel="preload" as="image"');
    expect(html).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(html).toContain('<script data-slug="a">');
    expect(html.endsWith('</body></html>')).toBe(true);
  });

  it('hands the CSP exactly the inline scripts a fresh reading of the served document finds', () => {
    const fresh = outlineDocument(html).scripts.filter((s) => s.executable && !('src' in s.attributes) && s.text).map((s) => s.text);
    expect(inlineScripts(html)).toEqual(fresh);
    expect(fresh).toEqual(['(function(s){navigator.sendBeacon("/api/terbaca",s.dataset.slug)})(document.currentScript)']);
  });

  it('leaves a document without the framework as it was', () => {
    expect(withoutFrameworkRuntime(html)).toBe(html);
  });

  it('is done for production pages and the 404 page, not for error pages or in development', () => {
    expect(servesDocumentOnly(200, false)).toBe(true);
    expect(servesDocumentOnly(404, false)).toBe(true);
    expect(servesDocumentOnly(500, false)).toBe(false);
    expect(servesDocumentOnly(200, true)).toBe(false);
  });
});

describe('read as HTML, not as text', () => {
  it('removes framework scripts however their tags are spelled', () => {
    const spelled = [
      '<p>a</p>',
      '<script data-x="a>b" src="/_next/static/chunks/x.js"></script>',
      '<SCRIPT SRC=/_next/static/chunks/y.js ASYNC></SCRIPT>',
      "<script src='/_next/static/chunks/z.js'></script >",
      '<link href="/_next/static/chunks/w.js" rel="modulepreload">',
      '<p>b</p>',
    ].join('');
    expect(withoutFrameworkRuntime(spelled)).toBe('<p>a</p><p>b</p>');
  });

  it('removes framework scripts that carry the deployment id (?dpl=), and keeps the CSS that does', () => {
    const css = '<link rel="stylesheet" href="/_next/static/chunks/a.css?dpl=063a7a3d8e3b-cd7b5944" data-precedence="next"/>';
    const withId = [
      css,
      '<link rel="preload" as="script" href="/_next/static/chunks/b.js?dpl=063a7a3d8e3b-cd7b5944"/>',
      '<script src="/_next/static/chunks/c.js?dpl=063a7a3d8e3b-cd7b5944" async=""></script>',
      '<p>b</p>',
    ].join('');
    expect(withoutFrameworkRuntime(withId)).toBe(`${css}<p>b</p>`);
    // Another query is not the framework's: left alone.
    const other = '<script src="/_next/static/chunks/c.js?x=1"></script>';
    expect(withoutFrameworkRuntime(other)).toBe(other);
  });

  it('leaves text that only looks like a script alone', () => {
    const text = '<textarea><script src="/_next/static/chunks/x.js"></script></textarea><!-- <script>self.__next_f.push([1])</script> --><p>c</p>';
    expect(withoutFrameworkRuntime(text)).toBe(text);
    expect(inlineScripts(text)).toEqual([]);
  });

  it('lists executable inline scripts exactly as written, not data blocks or script files', () => {
    const html = '<script type="application/ld+json">{"a":1}</script><script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="text/plain">c</script><script>x < y && "</p>"</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'x < y && "</p>"']);
  });

  it('finds a Suspense boundary React outlined, and keeps such a page whole with its runtime', () => {
    const outlined = [
      '<div hidden id="S:0"><p>isi</p></div>',
      '<template id="B:0"></template>',
      '<script>$RC=function(){};$RC("B:0","S:0")</script>',
    ];
    for (const marker of outlined) expect(outlineDocument(`<main>${marker}</main>`).outlined, marker).toBe(true);
    const page = `<main><template id="B:0"></template></main><script src="/_next/static/chunks/x.js"></script>`;
    expect(withoutFrameworkRuntime(page)).toBe(page);
    expect(outlineDocument('<div id="S:0"><p>shown</p></div><template id="x"></template>').outlined).toBe(false);
  });
});

describe('client components', () => {
  it('are only the error boundaries: pages reach browsers without React (docs/decisions/0002-document-only-pages.md)', () => {
    const allowed = ['app/error.tsx', 'app/global-error.tsx'];
    const found = readdirRecursive(['app', 'components', 'lib']).filter((file) =>
      /^\s*['"]use client['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(found.sort(), 'a client component never runs on a page sent as a document: use an inline script').toEqual(allowed);
  });
});

function readdirRecursive(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(tsx?|jsx?)$/.test(name))
      .map((name) => path.join(dir, name)),
  );
}
