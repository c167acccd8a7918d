import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/**
 * A pass-through that hashes what flows through it (SHA-256) and counts the
 * bytes. When the last byte has passed, before 'end', it emits
 * `hashed(sha256, size)` (an HTTP answer can still add the hash as a trailer then).
 */
export class ExportHashStream extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private hex: string | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    this.emit('hashed', this.hex, this.bytes);
    done();
  }

  /** Bytes passed so far. */
  get size(): number {
    return this.bytes;
  }

  /** The SHA-256 of everything that passed, once it all has. */
  get sha256(): string | undefined {
    return this.hex;
  }
}
