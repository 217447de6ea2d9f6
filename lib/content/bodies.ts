import fs from 'node:fs';

/**
 * Article bodies are kept outside the JavaScript heap and decoded when a page needs one: 100,000
 * bodies are about 900 MB of text, and as heap strings they made garbage collection a fifth of a
 * build's page-generation time. A body is addressed by shelf, byte position and byte length.
 */
export interface BodyShelf {
  /** The UTF-8 bytes at `at`, `bytes` long (a view, not a copy, where the shelf allows). */
  bytes(at: number, bytes: number): Buffer;
}

export interface BodyRef {
  shelf: BodyShelf;
  at: number;
  bytes: number;
}

/** Positions are slab × 2^24 + offset; a slab never holds a body past 2^24 but may be smaller. */
const SLAB_BYTES = 1 << 24;

/**
 * Bodies read while loading, copied into buffers that start at 64 KB and double up to 16 MB, so
 * a reload that reads a few changed files keeps a few kilobytes, not a whole slab. A body larger
 * than a slab gets a slab of its own.
 */
export class MemoryShelf implements BodyShelf {
  private readonly slabs: Buffer[] = [];
  private nextSlabBytes: number;
  private used = 0;

  constructor(firstSlabBytes = 1 << 16) {
    this.nextSlabBytes = Math.max(1, Math.min(firstSlabBytes, SLAB_BYTES));
  }

  append(bytes: Uint8Array): BodyRef {
    const room = this.slabs.length === 0 ? 0 : this.slabs[this.slabs.length - 1]!.length - this.used;
    if (this.slabs.length === 0 || bytes.length > room) {
      this.slabs.push(Buffer.allocUnsafeSlow(Math.max(this.nextSlabBytes, bytes.length)));
      this.nextSlabBytes = Math.min(this.nextSlabBytes * 2, SLAB_BYTES);
      this.used = 0;
    }
    const slab = this.slabs.length - 1;
    this.slabs[slab]!.set(bytes, this.used);
    const ref = { shelf: this, at: slab * SLAB_BYTES + this.used, bytes: bytes.length };
    this.used += bytes.length;
    return ref;
  }

  bytes(at: number, bytes: number): Buffer {
    const slab = Math.floor(at / SLAB_BYTES);
    const offset = at - slab * SLAB_BYTES;
    return this.slabs[slab]!.subarray(offset, offset + bytes);
  }
}

/** Bodies in one file written with the content snapshot (see snapshot.ts); never changed once written. */
export class FileShelf implements BodyShelf {
  constructor(private readonly fd: number) {}

  bytes(at: number, bytes: number): Buffer {
    const buffer = Buffer.allocUnsafe(bytes);
    let done = 0;
    while (done < bytes) {
      const read = fs.readSync(this.fd, buffer, done, bytes - done, at + done);
      if (read === 0) throw new Error(`content snapshot: the bodies file ends before byte ${at + bytes}; rebuild with npm run build`);
      done += read;
    }
    return buffer;
  }
}

/** A body held as a plain string (tests, and articles made in code). */
export function textBody(text: string): BodyRef {
  const bytes = Buffer.from(text, 'utf8');
  return new MemoryShelf(bytes.length).append(bytes);
}

/** The body text of a reference. */
export function readBody(ref: BodyRef): string {
  return ref.shelf.bytes(ref.at, ref.bytes).toString('utf8');
}

/**
 * The opening of a body, at least `chars` characters when it is that long: only the bytes that
 * can hold them are read (4 bytes per character at most in UTF-8).
 */
export function readBodyLead(ref: BodyRef, chars: number): string {
  const bytes = Math.min(ref.bytes, chars * 4);
  return ref.shelf.bytes(ref.at, bytes).toString('utf8').slice(0, chars);
}

/**
 * Bodies appended straight to a file while the content check reads them, for the snapshot
 * (snapshot.ts): 900 MB of bodies at 100,000 articles are then written once, never first copied
 * into memory. Writes go out in 8 MB batches; a read first writes what is pending.
 */
export class FileShelfWriter implements BodyShelf {
  private readonly fd: number;
  private readonly reader: FileShelf;
  private readonly pending = Buffer.allocUnsafe(8 << 20);
  private pendingBytes = 0;
  private written = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w+');
    this.reader = new FileShelf(this.fd);
  }

  append(bytes: Uint8Array): BodyRef {
    const at = this.written + this.pendingBytes;
    if (this.pendingBytes + bytes.length > this.pending.length) this.flush();
    if (bytes.length > this.pending.length) {
      fs.writeSync(this.fd, bytes, 0, bytes.length, this.written);
      this.written += bytes.length;
    } else {
      this.pending.set(bytes, this.pendingBytes);
      this.pendingBytes += bytes.length;
    }
    return { shelf: this, at, bytes: bytes.length };
  }

  /** Bytes appended so far, all of them written to the file. */
  finish(): number {
    this.flush();
    return this.written;
  }

  bytes(at: number, bytes: number): Buffer {
    this.flush();
    return this.reader.bytes(at, bytes);
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    fs.writeSync(this.fd, this.pending, 0, this.pendingBytes, this.written);
    this.written += this.pendingBytes;
    this.pendingBytes = 0;
  }
}

/** A bodies file another thread wrote in full while loading (load-threads.ts), read by position. */
export class WrittenShelf implements BodyShelf {
  private readonly reader: FileShelf;

  constructor(
    readonly path: string,
    private readonly size: number,
  ) {
    this.reader = new FileShelf(fs.openSync(path, 'r'));
  }

  /** Bytes in the file (the same call as FileShelfWriter's, for writeSnapshot). */
  finish(): number {
    return this.size;
  }

  bytes(at: number, bytes: number): Buffer {
    return this.reader.bytes(at, bytes);
  }
}
