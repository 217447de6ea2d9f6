/**
 * JavaScript a page makes the browser load, split into the framework's own runtime and ours.
 * Shared by the benchmark (bench/pages.ts) and the budget test (test/budgets/js-budget.test.ts).
 *
 * The framework's runtime is measured on an EMPTY App Router app (a root layout and a page with
 * a heading, no client component) built with this repository's own `next` (its node_modules are
 * symlinked in), so "ours" = a page's total − the empty page's total. The empty build is cached
 * in node_modules/.cache/warta-baseline/<next version>.json, so reruns are fast.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** Our own client JavaScript on article and tag pages, beyond the framework's runtime (gzip). */
export const JS_BUDGET_BYTES = 5 * 1024;

export interface ScriptFile {
  src: string;
  gzip: number;
  sha256: string;
}

export interface PageScripts {
  scripts: ScriptFile[];
  total: number;
}

export interface Baseline extends PageScripts {
  nextVersion: string;
}

export const gzipBytes = (data: Buffer | string) => zlib.gzipSync(data, { level: 9 }).length;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The /_next/… scripts an HTML page loads; modern browsers skip noModule (legacy) ones. */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attributes) => !/\bnomodule\b/i.test(attributes))
    .map((attributes) => /\bsrc="(\/_next\/[^"?]+)/.exec(attributes)?.[1])
    .filter((src): src is string => Boolean(src));
}

/** Sizes of a page's scripts, read from the build (`/_next/static/x` is `<distDir>/static/x`). */
export function measureScripts(html: string, distDir: string): PageScripts {
  const scripts = [...new Set(scriptSources(html))].map((src) => {
    const data = fs.readFileSync(path.join(distDir, src.replace(/^\/_next\//, '')));
    return { src, gzip: gzipBytes(data), sha256: crypto.createHash('sha256').update(data).digest('hex') };
  });
  return { scripts, total: scripts.reduce((sum, s) => sum + s.gzip, 0) };
}

/** Ours = the page's total minus the baseline's; `extra` = our chunks not in the baseline (by content). */
export function splitFromBaseline(page: PageScripts, baseline: PageScripts) {
  const known = new Set(baseline.scripts.map((s) => s.sha256));
  return { ours: page.total - baseline.total, extra: page.scripts.filter((s) => !known.has(s.sha256)) };
}

export function nextVersion(repoRoot: string): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The deepest folder holding both paths (Turbopack must see the symlinked node_modules). */
function commonAncestor(a: string, b: string): string {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/** Builds (or reads from the cache) the empty App Router page and measures the scripts it loads. */
export function frameworkBaseline(repoRoot = process.cwd(), log: (line: string) => void = () => {}): Baseline {
  const root = fs.realpathSync(repoRoot);
  const version = nextVersion(root);
  const cacheFile = path.join(root, 'node_modules', '.cache', 'warta-baseline', `${version}.json`);
  if (fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Baseline;

  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-baseline-')));
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "warta-baseline", "private": true }\n');
    fs.writeFileSync(
      path.join(dir, 'next.config.js'),
      `module.exports = { turbopack: { root: ${JSON.stringify(commonAncestor(dir, root))} } };\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'app', 'layout.jsx'),
      'export default function RootLayout({ children }) {\n  return (\n    <html lang="id">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
    );
    fs.writeFileSync(path.join(dir, 'app', 'page.jsx'), 'export default function Page() {\n  return <h1>Kosong</h1>;\n}\n');
    log(`building the empty App Router page with next ${version} in ${dir}`);
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    });
    const distDir = path.join(dir, '.next');
    const html = fs.readFileSync(path.join(distDir, 'server', 'app', 'index.html'), 'utf8');
    const baseline: Baseline = { nextVersion: version, ...measureScripts(html, distDir) };
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, `${JSON.stringify(baseline, null, 2)}\n`);
    return baseline;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
