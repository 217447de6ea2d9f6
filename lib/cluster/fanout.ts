import os from 'node:os';
import type { Redis } from 'ioredis';
import { redisLog } from '../popular/throttled-log';

/**
 * Publishing that reaches every instance: POST /api/revalidate on one instance publishes the slugs
 * on a Redis channel, and every other instance calls its own /api/revalidate over loopback with the
 * secret, so its content reload and revalidatePath run inside Next.js's request context.
 * Only when REDIS_URL is set; with Redis down the publish is logged (at most once a minute) and the
 * instance that received the request has still revalidated itself.
 */
export const FANOUT_CHANNEL = 'warta:revalidate';
/** Set on an instance's call to itself: that call revalidates and does not publish again. */
export const FANOUT_HEADER = 'x-warta-fanout';

/** Tells this process's messages from the others' (the route and the server share it). */
const instanceId = `${os.hostname()}:${process.pid}`;
/** Shared with the read counts: Redis down is one line a minute per instance (throttled-log.ts). */
const log = (topic: string, error: unknown) => redisLog()(`fan-out ${topic}`, error);

/** ioredis is loaded on first use: a server without REDIS_URL never needs it, nor its start the time. */
async function connect(url: string, offlineQueue: boolean): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    // A publish fails at once while Redis is down instead of queueing behind a reconnect; the
    // subscription waits for the connection (and is renewed after each reconnect).
    enableOfflineQueue: offlineQueue,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  client.on('error', (error) => log('redis', error));
  return client;
}

const slot = globalThis as typeof globalThis & { __wartaFanoutPublisher?: Promise<Redis> };

/** Publishes the slugs for the other instances; never throws. */
export async function publishRevalidation(url: string | undefined, slugs: string[]): Promise<void> {
  if (!url) return;
  try {
    slot.__wartaFanoutPublisher ??= connect(url, false);
    const client = await slot.__wartaFanoutPublisher;
    // The first publish (a lazy connection) or one during a reconnect waits briefly for Redis.
    if (client.status !== 'ready') await new Promise((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    await client.publish(FANOUT_CHANNEL, JSON.stringify({ from: instanceId, slugs }));
  } catch (error) {
    log('publish', error);
  }
}

/** True for a request from this machine's loopback: only those may carry FANOUT_HEADER. */
export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Subscribes this instance (listening on `port`) to the channel: each message from another
 * instance becomes a loopback POST /api/revalidate. Returns a function that unsubscribes.
 */
export function subscribeRevalidation(url: string, port: number, secret: string): () => void {
  const subscribed = connect(url, true).then((client) => {
    client.subscribe(FANOUT_CHANNEL).catch((error: unknown) => log('subscribe', error));
    client.on('message', (_channel: string, raw: string) => {
      let message: { from?: string; slugs?: unknown };
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      if (message.from === instanceId || !Array.isArray(message.slugs)) return;
      revalidateSelf(port, secret, message.slugs as string[], (error) => log('revalidate', error));
    });
    return client;
  });
  subscribed.catch((error: unknown) => log('subscribe', error));
  return () => void subscribed.then((client) => client.disconnect()).catch(() => undefined);
}

/**
 * This instance's own POST /api/revalidate over loopback, marked so it publishes nothing: for a
 * publish from another instance, and for a scheduled story's time (server/schedule.ts).
 */
export function revalidateSelf(port: number, secret: string, slugs: string[], onError: (error: unknown) => void): void {
  fetch(`http://127.0.0.1:${port}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', [FANOUT_HEADER]: '1' },
    body: JSON.stringify({ slugs }),
  })
    .then((response) => {
      if (response.status >= 500) onError(new Error(`loopback /api/revalidate answered ${response.status}`));
    })
    .catch(onError);
}
