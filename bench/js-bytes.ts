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
import vm from 'node:vm';
import zlib from 'node:zlib';

/** Our own client JavaScript on article and tag pages, beyond the framework's runtime (gzip). */
export const JS_BUDGET_BYTES = 5 * 1024;

export interface ChunkModule {
  id: number | string;
  bytes: number;
  sha256: string;
  /** The module's source (kept for pages, dropped from the cached baseline). */
  source?: string;
}

export interface ScriptFile {
  src: string;
  gzip: number;
  sha256: string;
  /** Turbopack modules in the chunk; absent for the runtime chunk, which is not a module list. */
  modules?: ChunkModule[];
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

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The modules of a Turbopack chunk, which is `(globalThis.TURBOPACK ||= []).push([script, id,
 * factory, id, factory, …])`: run in an empty context, the chunk only pushes its list (no factory
 * runs), and each factory's source is the module. Undefined for the runtime chunk (it needs a browser).
 */
export function chunkModules(source: string): { id: number | string; source: string }[] | undefined {
  const context: Record<string, unknown> = {};
  context.globalThis = context;
  try {
    vm.runInNewContext(source, context, { timeout: 2000 });
  } catch {
    return undefined;
  }
  const items = ((context.TURBOPACK ?? []) as unknown[][]).flat();
  const modules = items.flatMap((item, i) => {
    const id = items[i - 1];
    return typeof item === 'function' && (typeof id === 'number' || typeof id === 'string') ? [{ id, source: Function.prototype.toString.call(item) }] : [];
  });
  return modules.length ? modules : undefined;
}

/**
 * A module's content without what differs between two builds of the same code: the ids it names
 * other modules by (`e.i(47167)`: hashes of paths, which differ between two projects) and the
 * minifier's short names (it may name the same variables differently). What is left tells the
 * same module apart from a different one.
 */
const moduleShape = (source: string) =>
  source.replace(/\b([A-Za-z_$][\w$]*)\.([A-Za-z])\(\d+\)/g, '$1.$2(#)').replace(/(?<![\w$.])[A-Za-z_$][\w$]{0,2}(?![\w$])/g, '_');

/**
 * Sizes of a page's scripts, read from the build (`/_next/static/x` is `<distDir>/static/x`), with
 * their modules: a chunk's name changes with any module in it, so chunks of two builds are
 * compared module by module, by content.
 */
export function measureScripts(html: string, distDir: string): PageScripts {
  const scripts = [...new Set(scriptSources(html))].map((src) => {
    const data = fs.readFileSync(path.join(distDir, src.replace(/^\/_next\//, '')));
    const modules = chunkModules(data.toString('utf8'))?.map(({ id, source }) => ({ id, bytes: Buffer.byteLength(source), sha256: sha256(moduleShape(source)), source }));
    return { src, gzip: gzipBytes(data), sha256: sha256(data), modules };
  });
  return { scripts, total: scripts.reduce((sum, s) => sum + s.gzip, 0) };
}

/**
 * Ours = the page's total minus the baseline's. `extra`: our chunks whose content is not one of
 * the baseline's; `added`: the modules (by content) the empty app does not load — our code, what
 * it pulls in, and framework modules compiled differently for us. Their gzip is of their sources
 * joined, roughly what they add to the transfer.
 */
export function splitFromBaseline(page: PageScripts, baseline: PageScripts) {
  const knownChunks = new Set(baseline.scripts.map((s) => s.sha256));
  const baseModules = baseline.scripts.flatMap((s) => s.modules ?? []);
  const knownModules = new Set(baseModules.map((m) => m.sha256));
  const fresh = page.scripts.flatMap((s) => s.modules ?? []).filter((m) => !knownModules.has(m.sha256));
  const summary = (modules: ChunkModule[]) => ({
    modules,
    bytes: modules.reduce((sum, m) => sum + m.bytes, 0),
    gzip: modules.length ? gzipBytes(modules.map((m) => m.source ?? '').join('\n')) : 0,
  });
  return {
    ours: page.total - baseline.total,
    extra: page.scripts.filter((s) => !knownChunks.has(s.sha256)),
    added: summary(fresh),
  };
}

/** What a minified module is, from what it exports (`Image`, `default, useLinkStatus`) or its first string. */
export function moduleLabel(source: string): string {
  const exported = [
    ...source.matchAll(/defineProperty\(\w+,"(\w+)",\{enumerable/g),
    ...source.matchAll(/[{,](\w+):function\(\)\{return/g),
    ...source.matchAll(/\.s\(\["(\w+)"/g),
  ]
    .map((m) => m[1]!)
    .filter((name) => name !== '__esModule' && name !== 'get');
  if (exported.length) return [...new Set(exported)].slice(0, 3).join(', ');
  return (/"([^"]{4,40})"/.exec(source)?.[1] ?? 'module').replace(/\s+/g, ' ');
}

/** "Image 1.4 KB, default, useLinkStatus 1.6 KB, …" (gzip of each module alone), largest first. */
export const describeModules = (modules: ChunkModule[]) =>
  [...modules]
    .sort((a, b) => b.bytes - a.bytes)
    .map((m) => `${moduleLabel(m.source ?? '')} ${kb(gzipBytes(m.source ?? ''))}`)
    .join('; ');

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

/**
 * The empty App Router page's scripts. Its build output (index.html and static/) is cached in
 * node_modules/.cache/warta-baseline/<next version>/ and measured afresh each time, so a change
 * in how we measure never needs a rebuild; a new `next` gets a new folder.
 */
export function frameworkBaseline(repoRoot = process.cwd(), log: (line: string) => void = () => {}): Baseline {
  const root = fs.realpathSync(repoRoot);
  const version = nextVersion(root);
  const cache = path.join(root, 'node_modules', '.cache', 'warta-baseline', version);
  if (!fs.existsSync(path.join(cache, 'index.html'))) buildEmptyApp(root, cache, log);
  return { nextVersion: version, ...measureScripts(fs.readFileSync(path.join(cache, 'index.html'), 'utf8'), cache) };
}

function buildEmptyApp(root: string, cache: string, log: (line: string) => void) {
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
    log(`building the empty App Router page with next ${path.basename(cache)} in ${dir}`);
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    });
    fs.rmSync(cache, { recursive: true, force: true });
    fs.mkdirSync(cache, { recursive: true });
    fs.cpSync(path.join(dir, '.next', 'static'), path.join(cache, 'static'), { recursive: true });
    // Written last: its presence marks a complete cache.
    fs.copyFileSync(path.join(dir, '.next', 'server', 'app', 'index.html'), path.join(cache, 'index.html'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
