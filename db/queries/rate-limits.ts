import type { DB } from "../connection";

/**
 * Fixed-window counter. Returns the count after this hit; the caller compares it with its limit.
 * One upsert statement, so concurrent hits cannot lose counts.
 */
export async function hitRateLimit(db: DB, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        count: eb
          .case()
          .when("rate_limits.window_start", "=", windowStart)
          .then(eb("rate_limits.count", "+", 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return row.count;
}
