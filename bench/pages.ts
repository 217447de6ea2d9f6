/**
 * Page weight. First what a reader's browser loads, from the production server as it serves the
 * pages (documents without the framework runtime: docs/decisions/0002-document-only-pages.md);
 * then the JavaScript the built pages reference, split into the framework's runtime and ours
 * (what the budget test checks). gzip -9 throughout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JS_BUDGET_BYTES, describeModules, frameworkBaseline, gzipBytes, kb, measureScripts, splitFromBaseline } from './js-bytes';
import { fetchOnce, loadAverage, startServer } from './server';

const DIST = '.next';
export const BUILT_PAGES: Record<string, string> = {
  home: 'index.html',
  article: 'berita/putin-buka-peluang-kirim-senjata-ke-korea-utara.html',
  tag: 'topik/hubungan-rusia-korea-utara.html',
};
const SEARCH = '/cari?q=putin+senjata';
const SERVED: Record<string, string> = {
  home: '/',
  article: '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara',
  tag: '/topik/hubungan-rusia-korea-utara',
  search: SEARCH,
};
const LITE = '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara/ringan';
/** Pages whose own JavaScript must stay within JS_BUDGET_BYTES (test/budgets/js-budget.test.ts). */
export const BUDGETED = ['article', 'tag'];

export const builtHtml = (name: string) => fs.readFileSync(path.join(DIST, 'server', 'app', BUILT_PAGES[name]!), 'utf8');

export async function pagesPart(): Promise<string> {
  if (!fs.existsSync(path.join(DIST, 'server', 'app'))) throw new Error('pages: run `npm run build` first');
  const baseline = frameworkBaseline(process.cwd(), console.log);
  const htmlOf: Record<string, string> = Object.fromEntries(Object.keys(BUILT_PAGES).map((name) => [name, builtHtml(name)]));
  const served: Record<string, string> = {};
  let liteHtml = '';
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3300));
  try {
    for (const [name, pathname] of Object.entries(SERVED)) served[name] = await (await fetchOnce(server.url + pathname)).text();
    htmlOf.search = served.search!;
    liteHtml = await (await fetchOnce(server.url + LITE)).text();
  } finally {
    await server.stop();
  }
  const servedRows = Object.entries(served).map(([name, html]) => {
    const files = [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"?]+)[^"]*"/g)].map((m) => path.join(DIST, m[1]!));
    const fileBytes = files.reduce((sum, file) => sum + gzipBytes(fs.readFileSync(file)), 0);
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/_next\/([^"?]+)[^"]*"/g)].map((m) => path.join(DIST, m[1]!));
    const cssBytes = css.reduce((sum, file) => sum + gzipBytes(fs.readFileSync(file)), 0);
    const htmlBytes = gzipBytes(html);
    return `| ${name} | ${files.length} (${kb(fileBytes)}) | ${Buffer.byteLength(inline)} B | ${kb(htmlBytes)} (${kb(Buffer.byteLength(html))} raw) | ${kb(cssBytes)} | **${kb(fileBytes + htmlBytes + cssBytes)}** |`;
  });

  const rows: string[] = [];
  const chunkNotes: string[] = [];
  const verdicts: string[] = [];
  for (const [name, html] of Object.entries(htmlOf)) {
    const page = measureScripts(html, DIST);
    const { ours, extra, added } = splitFromBaseline(page, baseline);
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/_next\/([^"?]+)[^"]*"/g)].map((m) => path.join(DIST, m[1]!));
    const cssBytes = css.reduce((sum, file) => sum + gzipBytes(fs.readFileSync(file)), 0);
    // A page that loads no script at all (search: rendered per request, served as a plain
    // document) loads none of the framework's runtime either.
    const none = page.scripts.length === 0;
    rows.push(`| ${name} | ${kb(page.total)} (${page.scripts.length} files) | ${none ? '– (none loaded)' : kb(baseline.total)} | **${kb(none ? 0 : ours)}** | ${kb(gzipBytes(html))} | ${kb(cssBytes)} |`);
    chunkNotes.push(
      `- **${name}**: chunks ${extra.map((s) => `\`${s.src.replace('/_next/static/chunks/', '')}\` ${kb(s.gzip)}`).join(', ') || 'none'}; ` +
        `their modules not in the empty app: ${added.modules.length} (${kb(added.gzip)} gzip together): ${describeModules(added.modules) || 'none'}`,
    );
    if (BUDGETED.includes(name)) {
      verdicts.push(`${name} ${ours <= JS_BUDGET_BYTES ? 'met' : 'NOT met'} (${kb(ours)} of ${kb(JS_BUDGET_BYTES)})`);
    }
  }
  const liteBytes = gzipBytes(liteHtml);
  servedRows.push(`| article, lite edition | 0 | 0 B | ${kb(liteBytes)} (CSS inline) | – | **${kb(liteBytes)}** |`);
  console.log(`pages: ${verdicts.join('; ')} (${loadAverage()})`);

  return `## Page weight

### What a reader's browser loads

\`bench/pages.ts\`: each page fetched from the production server (\`npm start\`) as a browser
gets it — a plain document without the framework runtime or the RSC payload
(docs/decisions/0002-document-only-pages.md) — and gzip -9 of its HTML, of the script files it
references and of its stylesheet. Inline JavaScript is our read beacon (article pages), counted
raw; JSON-LD is data, not counted. Images are not counted.

| page | script files | inline JavaScript | HTML | CSS | HTML + CSS + JS |
| --- | --- | --- | --- | --- | --- |
${servedRows.join('\n')}

### JavaScript the built pages reference (the budget)

\`bench/pages.ts\` with \`bench/js-bytes.ts\`: the \`/_next/\` scripts each page's HTML loads (noModule
legacy scripts are skipped: modern browsers do not run them), gzip -9 of each file in \`.next/\`.
Home, article and tag HTML are the prerendered files in \`.next/server/app/\`; search
(\`${SEARCH}\`) is rendered per request, so its HTML is fetched from the production server.
**Framework** = the same measurement of an empty App Router app (root layout + a page with a
heading, no client component) built by next ${baseline.nextVersion} from this node_modules (cached in
\`node_modules/.cache/warta-baseline/\`); **ours** = page total − framework. Sizes do not depend on load.

| page | JavaScript, total | framework | ours | HTML | CSS |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Our chunks (names differ from the empty app's whenever one module in them does) and, compared
module by module by content (module ids and the minifier's short names left out, as they differ
between the two builds), the modules the empty app does not load — what our JavaScript is made of:

${chunkNotes.join('\n')}

Target: our own JavaScript on article and tag pages ≤ ${kb(JS_BUDGET_BYTES)} beyond the framework's
runtime (enforced by \`npm run test:budget\`): ${verdicts.join('; ')}.`;
}
