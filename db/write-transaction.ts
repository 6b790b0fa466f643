import { sql } from "kysely";
import type { DB } from "./connection";

export class WriteLockTimeoutError extends Error {}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * A write transaction that takes SQLite's write lock at its start (`BEGIN IMMEDIATE`), so that
 * what it reads cannot change before it commits: a check inside it ("is this facilitator free?")
 * holds at the moment of the write, even with several connections (processes) on one file.
 *
 * Kysely's `db.transaction()` begins DEFERRED: two connections could both read "free", and the
 * second would then fail (or, in one process, block the thread) when upgrading to a write lock.
 * better-sqlite3 waits for a lock synchronously (busy_timeout), which in one process would block the
 * lock holder too; so the lock is taken with busy_timeout 0 and retried with short async sleeps.
 */
export async function writeTransaction<T>(
  db: DB,
  fn: (trx: DB) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  return db.connection().execute(async (conn) => {
    const previous = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(conn);
    const busyTimeout = Number(previous.rows[0]?.timeout ?? 5000);
    await sql.raw("PRAGMA busy_timeout = 0").execute(conn);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await sql`BEGIN IMMEDIATE`.execute(conn);
          break;
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (Date.now() > deadline) throw new WriteLockTimeoutError("Database is busy");
          const wait = Math.min(2 ** attempt, 50) * (0.5 + Math.random());
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    } finally {
      await sql.raw(`PRAGMA busy_timeout = ${busyTimeout}`).execute(conn);
    }
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw error;
    }
  });
}
