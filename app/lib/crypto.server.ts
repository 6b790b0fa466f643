import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token; 32 bytes = 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are stored as SHA-256 hashes: a leaked database does not leak working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Bytes drawn from the operating system's generator at a time for `pooledRandomBytes`. */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * Random bytes for values made on every request (the request id, the page's CSP nonce), taken
 * from a buffer filled 4 KB at a time, as Node's `randomUUID` does for its UUIDs. A `randomBytes`
 * call is a crypto job of its own, which measured about 3% of a feedback answer's server CPU
 * (issue 12). The bytes are as random as `randomBytes`'s; each is handed out once.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomBytes(size);
  if (poolOffset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  // A copy: a view would keep the whole 4 KB buffer alive for as long as the value lives.
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return bytes;
}
