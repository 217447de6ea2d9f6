/**
 * Child process of the benchmark: loads, validates and indexes one content folder and prints
 * {ms, cpuMs, peakRssMiB, articles} as JSON. Run in its own process so peak memory is its own.
 * Peak RSS is the kernel's high-water mark: a timer cannot sample during a synchronous load.
 * CPU time (user + system) varies less than wall time on a shared machine.
 */
import path from 'node:path';
import { dates } from '../lib/i18n';
import { loadContentOrThrow } from '../lib/content/load';
import { ContentStore } from '../lib/content/store';

const dir = process.argv[2]!;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const raw = loadContentOrThrow({ contentDir: dir, publicDir: path.join(process.cwd(), 'public'), rootDir: process.cwd() });
const store = new ContentStore(raw, dates.monthKey);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMiB: Math.round(peak / 1048576), articles: store.articles.length }));
