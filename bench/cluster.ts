/**
 * Cluster: `npm run cluster` (nginx in front, Redis behind) with 1 and 2 instances, a rolling
 * reload under load, and nginx serving the same HTML as a static file, all in one run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { fetchOnce, loadAverage, sleep } from './server';
import { nginxBinary, startNginx } from './serving';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_CLUSTER_SECONDS ?? 10);
/** Inside the cluster tests' range (3700-3799), clear of the ports test/cluster uses. */
const PORT = Number(process.env.BENCH_CLUSTER_PORT ?? 3760);
const HEADERS = { 'accept-encoding': 'gzip' };
const ARTICLE = '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara';
/** What readers ask for: pages the front cache may keep, and a search it never keeps (deploy/nginx.conf bypasses its cache for /cari). */
const PAGES = [ARTICLE, '/topik/hubungan-rusia-korea-utara', '/'];
const SEARCH = '/cari?q=putin+senjata';

interface Cluster {
  child: ChildProcess;
  runDir: string;
  log: () => string;
}

async function startCluster(instances: number): Promise<Cluster> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-cluster-'));
  let log = '';
  const { REDIS_URL: _ownRedis, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
    env: { ...env, PORT: String(PORT), WARTA_INSTANCES: String(instances), WARTA_RUN_DIR: runDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 180_000;
  while (!log.includes('Warta cluster on')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`cluster part: npm run cluster did not start (needs nginx, redis-server and npm run build):\n${log.slice(-3000)}`);
    }
    await sleep(200);
  }
  return { child, runDir, log: () => log };
}

async function stopCluster(cluster: Cluster): Promise<void> {
  if (cluster.child.exitCode === null) {
    const exited = new Promise((resolve) => cluster.child.once('exit', resolve));
    cluster.child.kill('SIGTERM');
    await Promise.race([exited, sleep(30_000)]);
    if (cluster.child.exitCode === null) cluster.child.kill('SIGKILL');
  }
  fs.rmSync(cluster.runDir, { recursive: true, force: true });
}

/** X-Cache-Status of every page response, counted by value. */
type CacheCounts = Record<string, number>;

function run(url: string, paths: string[], seconds: number, counts?: CacheCounts): { done: Promise<autocannon.Result>; stop: () => void } {
  const onResponse = counts && ((_status: number, _body: string, _context: object, headers?: IncomingHttpHeaders) => {
    // autocannon hands the headers over as sent, names in their own case.
    const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'x-cache-status');
    const status = String((name && headers?.[name]) ?? 'none');
    counts[status] = (counts[status] ?? 0) + 1;
  });
  // With a callback autocannon returns its running instance (its types say only a promise).
  let instance: { stop: () => void } | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: HEADERS, requests: paths.map((p) => ({ path: p, ...(onResponse && { onResponse }) })) },
      (error, result) => (error ? reject(error) : resolve(result)),
    ) as unknown as { stop: () => void };
  });
  return { done, stop: () => instance?.stop() };
}

const failed = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;
const row = (what: string, r: autocannon.Result, extra = '') =>
  `| ${what} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${failed(r)} | ${extra} | ${loadAverage().replace(/^load /, '')} |`;

function hitRatio(counts: CacheCounts): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const hits = counts.HIT ?? 0;
  const detail = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${((hits / Math.max(1, total)) * 100).toFixed(1)} % HIT (${detail})`;
}

export async function clusterPart(): Promise<string> {
  const binary = nginxBinary();
  if (!binary || !fs.existsSync('.next/BUILD_ID')) throw new Error('cluster part: needs nginx, redis-server and a build (npm run build)');
  const front = `http://127.0.0.1:${PORT}`;
  const rows: string[] = [];
  const notes: string[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-static-'));
  let reloadP99 = '';
  let steadyP99 = '';
  try {
    for (const instances of [1, 2]) {
      const cluster = await startCluster(instances);
      try {
        for (const p of [...PAGES, SEARCH]) await (await fetchOnce(front + p, { headers: HEADERS })).arrayBuffer(); // warm
        if (instances === 1) {
          // The article as nginx returned it (fetch decodes gzip): the static ceiling serves this file.
          const html = await (await fetchOnce(front + ARTICLE, { headers: HEADERS })).text();
          const file = `${path.join(root, ARTICLE)}.html`;
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, html);
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 6 }));
        }
        const counts: CacheCounts = {};
        const pages = await run(front, PAGES, SECONDS, counts).done;
        rows.push(row(`${instances} instance${instances > 1 ? 's' : ''}: article, tag, home in turn`, pages, hitRatio(counts)));
        console.log(`cluster ${instances}: pages ${Math.round(pages.requests.average)} req/s, ${hitRatio(counts)}`);
        const search = await run(front, [SEARCH], SECONDS).done;
        rows.push(row(`${instances} instance${instances > 1 ? 's' : ''}: search (never cached in front)`, search, '—'));
        console.log(`cluster ${instances}: search ${Math.round(search.requests.average)} req/s`);
        if (instances === 2) {
          // The same mix without and with a rolling reload: p99 while each instance restarts in turn.
          const counts1: CacheCounts = {};
          const steady = await run(front, [...PAGES, SEARCH], SECONDS, counts1).done;
          rows.push(row('2 instances: pages and search in turn', steady, hitRatio(counts1)));
          steadyP99 = `${steady.latency.p99} ms`;
          const counts2: CacheCounts = {};
          const under = run(front, [...PAGES, SEARCH], 600, counts2);
          await sleep(2_000);
          const started = Date.now();
          const reload = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts', 'reload'], { env: { ...process.env, WARTA_RUN_DIR: cluster.runDir }, stdio: 'ignore' });
          let timer: NodeJS.Timeout | undefined;
          const code = await Promise.race([
            new Promise<number | null>((resolve) => reload.once('exit', resolve)),
            new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 240_000))),
          ]);
          clearTimeout(timer);
          if (code === 'timeout') reload.kill('SIGKILL');
          const reloadSeconds = ((Date.now() - started) / 1000).toFixed(0);
          await sleep(2_000);
          under.stop();
          const result = await under.done;
          rows.push(row(`2 instances, rolling reload (${reloadSeconds} s): pages and search`, result, hitRatio(counts2)));
          reloadP99 = `${result.latency.p99} ms`;
          if (code !== 0) notes.push(`the reload ended with ${String(code)}`);
          console.log(`cluster reload: p99 ${result.latency.p99} ms, ${failed(result)} failed`);
        }
      } finally {
        await stopCluster(cluster);
      }
    }
    execFileSync('chmod', ['-R', 'a+rX', root]);
    const nginx = await startNginx(binary, root, PORT + 30);
    try {
      const ceiling = await run(`http://127.0.0.1:${PORT + 30}`, [ARTICLE], SECONDS).done;
      rows.push(row('nginx alone, the article as a static file', ceiling, '—'));
      console.log(`cluster ceiling: ${Math.round(ceiling.requests.average)} req/s`);
    } finally {
      nginx.kill('SIGQUIT');
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return `## Cluster: nginx in front of 1 and 2 instances

\`bench/cluster.ts\`: \`npm run cluster\` as an operator runs it (nginx from \`deploy/nginx.conf\` with its
front cache, the instances on PORT+i, a redis-server of its own), autocannon on 127.0.0.1 with
${CONNECTIONS} connections for ${SECONDS} s per row, \`Accept-Encoding: gzip\`, after one warming request per
URL. Pages: the article, a tag page and the home page in turn (nginx keeps each for a minute,
\`s-maxage=60\`); search: never kept in front (\`deploy/nginx.conf\` bypasses its cache for \`/cari\`), so every request reaches an instance.
The hit ratio counts \`X-Cache-Status\` (nginx's \`$upstream_cache_status\`) of every response. The
rolling reload row runs the pages and search together while \`npm run cluster -- reload\` restarts
each instance in turn. The last row is nginx alone serving the article's HTML as a gzipped file:
the ceiling of this machine. All of it — nginx, the instances, Redis and the load generator —
shares the machine's two cores, so a second instance adds no CPU here: on two machines it would.
Page rows answered from the front cache (HIT) measure nginx, not the instances: their difference
between 1 and 2 instances is run-to-run variation. Search rows are where the instances work.

| load through nginx | requests/s | p50 | p99 | max | errors + non-2xx | front cache | machine load after |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

p99 during the rolling reload: ${reloadP99}, against ${steadyP99} for the same mix without it.${notes.length ? ` Note: ${notes.join('; ')}.` : ''}`;
}
