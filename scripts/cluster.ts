/**
 * npm run cluster: several production instances of the existing build behind nginx, with Redis
 * as their shared store (read counts, publishing fan-out). On one machine:
 * - instance i (1…WARTA_INSTANCES, default 2) on 127.0.0.1:PORT+i, restarted when it dies;
 * - nginx on PORT, from deploy/nginx.conf rendered into a temporary folder;
 * - REDIS_URL, or a redis-server of its own on a free port when that is unset.
 * `npm run cluster -- reload` (same folder, while it runs) restarts the instances one at a time,
 * each answering before the next goes. SIGTERM or Ctrl-C stops everything it started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderNginxConf } from '../lib/cluster/nginx-conf';
import { readEnv } from '../lib/env';
import { startRedis } from '../lib/cluster/redis-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const config = readEnv();
const runDir = path.resolve(config.WARTA_RUN_DIR);
const pidFile = path.join(runDir, 'cluster.pid');
const stateFile = path.join(runDir, 'cluster.json');
const reloadedFile = path.join(runDir, 'reloaded');
/** deploy/nginx.conf's fail_timeout, and a little more. */
const RETRY_AFTER_MS = 6_000;
const APT = 'apt-get install -y nginx redis-server';

function which(name: string, extra: string[] = []): string | null {
  for (const candidate of extra) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function supervisorPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** `npm run cluster -- reload`: asks the running supervisor (SIGHUP) and waits until it is done. */
async function reload(): Promise<void> {
  const pid = supervisorPid();
  if (!pid) {
    console.error(`No cluster is running from this folder (no live pid in ${pidFile}). Start one with npm run cluster.`);
    process.exit(1);
  }
  const asked = Date.now();
  process.kill(pid, 'SIGHUP');
  console.log(`Asked the cluster (pid ${pid}) to restart its instances one at a time…`);
  const deadline = asked + 10 * 60_000;
  while (Date.now() < deadline) {
    const done = fs.existsSync(reloadedFile) ? Number(fs.readFileSync(reloadedFile, 'utf8')) : 0;
    if (done >= asked) {
      console.log('Every instance restarted and answering.');
      return;
    }
    await sleep(250);
  }
  console.error('The reload did not finish within 10 minutes; see the cluster output.');
  process.exit(1);
}

interface Instance {
  index: number;
  port: number;
  child: ChildProcess | null;
  /** Being stopped on purpose (reload, shutdown): no automatic restart. */
  planned: boolean;
}

async function answers(port: number, timeoutMs: number, child?: ChildProcess | null): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) return false;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  return false;
}

async function supervise(): Promise<void> {
  const nginx = which('nginx', ['/usr/sbin/nginx']);
  const redisServer = config.REDIS_URL ? 'unused' : which('redis-server', ['/usr/bin/redis-server']);
  if (!nginx || !redisServer) {
    const missing = [!nginx && 'nginx', !redisServer && 'redis-server (or set REDIS_URL)'].filter(Boolean).join(' and ');
    console.error(`npm run cluster needs ${missing}. On Debian or Ubuntu: sudo ${APT}`);
    process.exit(1);
  }
  const running = supervisorPid();
  if (running) {
    console.error(`A cluster is already running from this folder (pid ${running}). Stop it first, or run npm run cluster -- reload.`);
    process.exit(1);
  }
  fs.mkdirSync(runDir, { recursive: true });
  fs.writeFileSync(pidFile, String(process.pid));

  const base = config.PORT;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-cluster-'));
  let stopping = false;
  let redis: { url: string; stop: () => Promise<void> } | null = null;
  let nginxChild: ChildProcess | null = null;
  const instances: Instance[] = Array.from({ length: config.WARTA_INSTANCES }, (_, i) => ({ index: i + 1, port: base + i + 1, child: null, planned: false }));

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the cluster…');
    if (nginxChild && nginxChild.exitCode === null) nginxChild.kill('SIGTERM');
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await redis?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const file of [pidFile, stateFile]) fs.rmSync(file, { force: true });
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  if (config.REDIS_URL) {
    redis = null;
  } else {
    redis = await startRedis();
    console.log(`redis-server of its own on ${redis.url}`);
  }
  const redisUrl = config.REDIS_URL ?? redis!.url;

  const writeState = () =>
    fs.writeFileSync(
      stateFile,
      JSON.stringify({ pid: process.pid, port: base, redisUrl, nginx: nginxChild?.pid, instances: instances.map((i) => ({ port: i.port, pid: i.child?.pid })) }, null, 2),
    );

  function startInstance(instance: Instance): ChildProcess {
    const child = spawn(process.execPath, ['server/start.cjs'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(instance.port),
        HOST: '127.0.0.1',
        REDIS_URL: redisUrl,
        TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = (stream: NodeJS.WritableStream) => (data: Buffer) => {
      for (const line of data.toString().split('\n')) if (line) stream.write(`[${instance.index}] ${line}\n`);
    };
    child.stdout!.on('data', prefix(process.stdout));
    child.stderr!.on('data', prefix(process.stderr));
    child.once('exit', (code, signal) => {
      if (instance.child !== child) return;
      instance.child = null;
      if (stopping || instance.planned) return;
      console.error(`Instance ${instance.index} (port ${instance.port}) exited (${signal ?? code}); restarting it.`);
      setTimeout(() => {
        if (!stopping && !instance.planned && !instance.child) {
          instance.child = startInstance(instance);
          writeState();
        }
      }, 500);
    });
    instance.child = child;
    return child;
  }

  async function stopInstance(instance: Instance): Promise<void> {
    const child = instance.child;
    if (!child || child.exitCode !== null) return;
    instance.planned = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(12_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  for (const instance of instances) startInstance(instance);
  for (const instance of instances) {
    if (!(await answers(instance.port, 120_000, instance.child))) {
      console.error(`Instance ${instance.index} did not answer on port ${instance.port}; is there a build (npm run build)?`);
      await stopAll(1);
    }
  }

  const template = fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
  fs.writeFileSync(path.join(tmp, 'nginx.conf'), renderNginxConf(template, { port: base, upstreams: instances.map((i) => i.port), dir: tmp, user: process.getuid?.() === 0 ? 'root' : undefined }));
  nginxChild = spawn(nginx, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-e', path.join(tmp, 'error.log'), '-g', 'daemon off;'], { stdio: 'inherit' });
  nginxChild.once('exit', (code) => {
    if (!stopping) {
      console.error(`nginx exited (${code}); see ${path.join(tmp, 'error.log')}. Stopping.`);
      void stopAll(1);
    }
  });
  if (!(await answers(base, 10_000))) {
    console.error(`nginx does not answer on port ${base}; see ${path.join(tmp, 'error.log')}.`);
    await stopAll(1);
  }
  writeState();
  console.log(`Warta cluster on http://127.0.0.1:${base}: nginx in front of ${instances.length} instances (ports ${instances.map((i) => i.port).join(', ')}), Redis ${redisUrl}`);

  // Rolling restart: one at a time, the next only once the restarted one answers; nginx sends the
  // requests meanwhile to the others.
  let reloading = false;
  process.on('SIGHUP', () => {
    if (reloading || stopping) return;
    reloading = true;
    void (async () => {
      console.log('Reload: restarting the instances one at a time…');
      for (const instance of instances) {
        if (stopping) return;
        await stopInstance(instance);
        instance.planned = false;
        const child = startInstance(instance);
        writeState();
        if (!(await answers(instance.port, 120_000, child))) {
          console.error(`Reload: instance ${instance.index} does not answer; stopping the reload here.`);
          break;
        }
        console.log(`Reload: instance ${instance.index} is back.`);
        // nginx marked it down when it stopped (fail_timeout in deploy/nginx.conf): let nginx take
        // it back before the next one goes, so one instance is always in rotation.
        await sleep(RETRY_AFTER_MS);
      }
      fs.writeFileSync(reloadedFile, String(Date.now()));
      reloading = false;
    })();
  });
}

if (process.argv[2] === 'reload') void reload();
else if (process.argv[2] === undefined) void supervise();
else {
  console.error('Usage: npm run cluster            start the cluster\n       npm run cluster -- reload  restart its instances one at a time');
  process.exit(1);
}
