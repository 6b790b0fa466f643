import { Transform, type TransformCallback } from "node:stream";

/**
 * Joins what the renderer writes into as few chunks as it can. Every chunk costs compression a
 * round trip through zlib's thread pool and a flush (@remix-run/express flushes after each one):
 * writing a staff page in its parts (React flushes about 2 KB at a time, then each part of the
 * loader data on its own turn of the event loop) cost the coordinator inbox about 0.7 ms of its
 * 6.4 ms of CPU. No Frirum page defers data, so once the shell is ready the rest follows within a
 * few milliseconds: the page is held until it is complete and sent as one chunk. A page still
 * rendering after HOLD_MS is sent on, one chunk per turn of the event loop.
 */
export class CoalescingStream extends Transform {
  static readonly HOLD_MS = 50;
  private pending: Buffer[] = [];
  private holding = true;
  private hold: NodeJS.Timeout | null = null;
  private scheduled = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.pending.push(chunk);
    if (this.holding) {
      this.hold ??= setTimeout(() => {
        this.holding = false;
        this.pushPending();
      }, CoalescingStream.HOLD_MS);
    } else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pushPending();
      });
    }
    callback();
  }

  /**
   * React ends its destination when the page is complete, and again when the destination closes
   * (its abort handler). A second `end()` makes Node build an ERR_STREAM_ALREADY_FINISHED error,
   * stack trace and all, only to drop it: about 1% of a page's CPU. Once ended, an `end()`
   * without a callback is a no-op (one with a callback still gets Node's error).
   */
  override end(...args: unknown[]): this {
    if (this.writableEnded && typeof args.at(-1) !== "function") return this;
    return (super.end as (...args: unknown[]) => this)(...args);
  }

  override _flush(callback: TransformCallback) {
    if (this.hold) clearTimeout(this.hold);
    this.pushPending();
    callback();
  }

  private pushPending() {
    if (this.pending.length === 0) return;
    this.push(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending));
    this.pending = [];
  }
}
