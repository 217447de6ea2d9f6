/** Small helpers every benchmark part shares, and the production server they measure. */
import os from 'node:os';
import { sleep } from '../scripts/production-server';

export { type RunningServer, sleep, startServer } from '../scripts/production-server';

/** "load 1.23 / 1.10 / 0.98" (1, 5 and 15 minutes): other work on the machine skews timings. */
export const loadAverage = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`;

/** fetch that tries once more when a kept-alive socket was closed by the server meanwhile. */
export async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    await sleep(100);
    return fetch(url, init);
  }
}
