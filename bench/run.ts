/**
 * npm run bench [-- part …]   parts: content, pages (default: all that are implemented)
 * Writes BENCHMARKS.md with the machine, date, commit and every figure with how it was measured.
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { generate } from '../scripts/synthetic-content';

const parts = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (part: string) => parts.length === 0 || parts.includes(part);
const sections: string[] = [];

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${commit}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1073741824)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}`,
  ].join('\n');
}

function contentPart() {
  const rows: string[] = [];
  for (const count of (process.env.BENCH_CONTENT_SIZES ?? '1000,10000,100000').split(',').map(Number)) {
    const dir = path.join(os.tmpdir(), `warta-bench-${count}`);
    if (!fs.existsSync(path.join(dir, 'articles', `berita-sintetis-${String(count - 1).padStart(6, '0')}.md`))) {
      fs.rmSync(dir, { recursive: true, force: true });
      generate(count, dir);
    }
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/content-load.ts', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; peakRssMiB: number; articles: number };
    rows.push(`| ${count.toLocaleString('en')} | ${(result.ms / 1000).toFixed(1)} s | ${result.peakRssMiB} MiB | ${(result.ms / count).toFixed(2)} ms |`);
    console.log(`content ${count}: ${result.ms} ms (CPU ${result.cpuMs} ms), ${result.peakRssMiB} MiB, load ${os.loadavg()[0]!.toFixed(1)}`);
  }
  sections.push(`## Content layer: load, validate and index

Synthetic articles (\`scripts/synthetic-content.ts\`, seed 42: 300–1,500 words, 1–6 of 300 skewed
tags, 5 sections, 4 authors, read-also links), loaded by \`loadContentOrThrow\` + \`ContentStore\` in a
fresh Node process (\`bench/content-load.ts\`); peak RSS is the process's maxRSS. Loading parses and
validates every frontmatter (YAML + zod) and scans every body for read-also links and words;
Markdown is parsed only when a page renders the article. Target: 100,000 in < 15 s.

| articles | time | peak RSS | per article |
| --- | --- | --- | --- |
${rows.join('\n')}`);
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function pagesPart() {
  const appDir = path.join('.next', 'server', 'app');
  if (!fs.existsSync(appDir)) throw new Error('pages: run `npm run build` first');
  const pages: Record<string, string> = {
    home: 'index.html',
    article: 'berita/putin-buka-peluang-kirim-senjata-ke-korea-utara.html',
    tag: 'topik/hubungan-rusia-korea-utara.html',
  };
  const rows: string[] = [];
  for (const [name, file] of Object.entries(pages)) {
    const html = fs.readFileSync(path.join(appDir, file), 'utf8');
    // Modern browsers skip noModule (legacy polyfill) scripts, so they are not counted.
    const scripts = [...html.matchAll(/<script src="\/_next\/([^"]+)"([^>]*)>/g)]
      .filter((m) => !/noModule/i.test(m[2] ?? ''))
      .map((m) => path.join('.next', m[1]!));
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/_next\/([^"]+)"/g)].map((m) => path.join('.next', m[1]!));
    const js = scripts.reduce((sum, f) => sum + gzipSize(f), 0);
    const cssBytes = css.reduce((sum, f) => sum + gzipSize(f), 0);
    const htmlBytes = zlib.gzipSync(html, { level: 9 }).length;
    rows.push(`| ${name} | ${(js / 1024).toFixed(1)} KB (${scripts.length} files) | ${(htmlBytes / 1024).toFixed(1)} KB | ${(cssBytes / 1024).toFixed(1)} KB |`);
  }
  const lite = path.join(appDir, 'berita', 'putin-buka-peluang-kirim-senjata-ke-korea-utara', 'ringan.body');
  if (fs.existsSync(lite)) {
    const bytes = zlib.gzipSync(fs.readFileSync(lite), { level: 9 }).length;
    rows.push(`| article, lite edition | 0 KB (no script) | ${(bytes / 1024).toFixed(1)} KB (CSS inline) | 0 KB | `);
  }
  sections.push(`## Page weight (gzip -9 of the built files each page references)

Not yet split into framework runtime and our own code (needs an empty App Router page built
with the same toolchain); the whole of it is listed.

| page | JavaScript | HTML | CSS |
| --- | --- | --- | --- |
${rows.join('\n')}`);
}

if (want('content')) contentPart();
if (want('pages')) pagesPart();

// Running one part replaces that part's section and keeps the others from earlier runs.
const previous = fs.existsSync('BENCHMARKS.md') ? fs.readFileSync('BENCHMARKS.md', 'utf8') : '';
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .map((s) => s.trim())
  .filter((old) => !sections.some((fresh) => fresh.split('\n')[0] === old.split('\n')[0]));
const doc = `# Benchmarks

Written by \`npm run bench\` (\`npm run bench -- content\` or \`-- pages\` runs one part and keeps
the others). Times vary between runs and machines; sizes are deterministic for a given commit.
Last run (${parts.length ? `parts: ${parts.join(', ')}` : 'all parts'}):

${machine()}

${[...sections, ...kept].join('\n\n')}
`;
fs.writeFileSync('BENCHMARKS.md', doc);
console.log('✓ BENCHMARKS.md written');
