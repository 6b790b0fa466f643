import type { DB } from "../../db/connection";
import { hitRateLimit } from "../../db/queries/rate-limits";

/** Counts a hit for `key`; true while the key stays within `limit` hits per window. */
export async function withinRateLimit(
  db: DB,
  key: string,
  limit: number,
  windowMs: number,
  now: Date = new Date(),
): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const count = await hitRateLimit(db, key, windowStart);
  return count <= limit;
}
