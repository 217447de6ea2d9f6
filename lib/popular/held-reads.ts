import { hourOf, HOUR_MS, type Recorded, RETENTION_HOURS, type ViewCount, type ViewStore } from './views';

/** A store that can add several reads at once (the Redis store). */
export interface CountingStore extends ViewStore {
  record(slug: string, at: Date, count?: number): Promise<Recorded>;
}

export interface HeldReadsOptions {
  /** Reports why a read was held (throttled by the caller). */
  onError: (error: unknown) => void;
  now?: () => number;
  /** (story, hour) pairs held at most; reads of further pairs are dropped and counted. */
  maxEntries?: number;
  /** How often held reads are offered to the store again. */
  retryMs?: number;
}

/**
 * Read counts that survive a Redis outage: a read the store cannot take is held in this process's
 * memory (one counter per story and hour, bounded) and written to the store once it answers
 * again, so Terpopuler does not lose the outage's readers and the beacon never answers 5xx for a
 * store that is only away. record() resolves 'held' for such a read. Held reads are lost if the
 * process stops before Redis returns; that is the price of not failing the reader.
 */
export class HeldReadsStore implements ViewStore {
  private readonly held = new Map<string, { slug: string; hour: number; count: number }>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly retryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  /** Reads dropped because the table was full (reported with the next error). */
  dropped = 0;

  constructor(
    private readonly store: CountingStore,
    private readonly options: HeldReadsOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.retryMs = options.retryMs ?? 2_000;
  }

  /** Reads held now, summed. */
  get heldReads(): number {
    let sum = 0;
    for (const entry of this.held.values()) sum += entry.count;
    return sum;
  }

  async record(slug: string, at: Date): Promise<Recorded> {
    if (this.held.size === 0) {
      try {
        return await this.store.record(slug, at);
      } catch (error) {
        this.options.onError(error);
      }
    }
    // While reads are held, new ones join them, so they reach the store in one flush, in order.
    this.hold(slug, hourOf(at));
    return 'held';
  }

  top(since: Date, until: Date, limit: number): Promise<ViewCount[]> {
    return this.store.top(since, until, limit);
  }

  /** Writes the held reads to the store; those it cannot take stay held. Resolves when tried. */
  flush(): Promise<void> {
    this.flushing ??= this.writeHeld().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.store.close();
  }

  private hold(slug: string, hour: number): void {
    const key = `${hour}\0${slug}`;
    const entry = this.held.get(key);
    if (entry) entry.count++;
    else if (this.held.size < this.maxEntries) this.held.set(key, { slug, hour, count: 1 });
    else this.dropped++;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.retryMs).unref();
  }

  private async writeHeld(): Promise<void> {
    const oldest = hourOf(new Date(this.now())) - RETENTION_HOURS;
    for (const [key, entry] of this.held) {
      if (entry.hour < oldest) {
        this.held.delete(key);
        continue;
      }
      // Reads held while this write is under way add to entry.count and stay for the next one.
      const count = entry.count;
      try {
        await this.store.record(entry.slug, new Date(entry.hour * HOUR_MS), count);
        entry.count -= count;
        if (entry.count === 0) this.held.delete(key);
      } catch (error) {
        this.options.onError(error);
        break;
      }
    }
    if (this.held.size > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.retryMs).unref();
    }
  }
}
