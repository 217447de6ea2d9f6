/**
 * The production server (server/index.ts, never `next start`) on 127.0.0.1 for a benchmark part,
 * and small helpers every part shares.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';

/** "load 1.23 / 1.10 / 0.98" (1, 5 and 15 minutes): other work on the machine skews timings. */
export const loadAverage = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningServer {
  url: string;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts server/index.ts in production mode and waits until `probe` answers (up to `timeoutMs`). */
export async function startServer(port: number, env: Record<string, string> = {}, probe = '/robots.txt', timeoutMs = 120_000): Promise<RunningServer> {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(12_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(url + probe)).ok) return { url, child, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`server did not answer ${probe} within ${timeoutMs / 1000} s:\n${log}`);
}

/** fetch that tries once more when a kept-alive socket was closed by the server meanwhile. */
export async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    await sleep(100);
    return fetch(url, init);
  }
}
