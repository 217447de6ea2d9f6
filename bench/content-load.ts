/**
 * Child process of the benchmark: loads, validates and indexes one content folder and prints
 * {ms, peakRssMiB, articles} as JSON. Run in its own process so peak memory is its own.
 */
import path from 'node:path';
import { dates } from '../lib/i18n';
import { loadContentOrThrow } from '../lib/content/load';
import { ContentStore } from '../lib/content/store';

const dir = process.argv[2]!;
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
const raw = loadContentOrThrow({ contentDir: dir, publicDir: path.join(process.cwd(), 'public'), rootDir: process.cwd() });
const store = new ContentStore(raw, dates.monthKey);
const ms = performance.now() - started;
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sampler);
console.log(JSON.stringify({ ms: Math.round(ms), peakRssMiB: Math.round(peak / 1048576), articles: store.articles.length }));
