import { sql } from "kysely";
import type { DB } from "./connection";
import { isPostgres } from "./dialect";

/** The database stayed busy (SQLite: write lock; PostgreSQL: conflicts) until the deadline. */
export class WriteLockTimeoutError extends Error {}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function isBusy(error: unknown): boolean {
  return errorCode(error)?.startsWith("SQLITE_BUSY") ?? false;
}

/** PostgreSQL: serialization failure (40001) or deadlock (40P01): the transaction may be re-run. */
function isRetryableConflict(error: unknown): boolean {
  const code = errorCode(error);
  return code === "40001" || code === "40P01";
}

function backoff(attempt: number): Promise<void> {
  const wait = Math.min(2 ** attempt, 50) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * A transaction for read-then-write rules ("is this facilitator free? then book"): what it reads
 * cannot change before it commits, even with writers in other processes.
 *
 * SQLite takes the write lock at the start (`BEGIN IMMEDIATE`): writers queue, one at a time.
 * Kysely's `db.transaction()` begins DEFERRED: two connections could both read "free", and the
 * second would then fail (or, in one process, block the thread) when upgrading to a write lock.
 * better-sqlite3 waits for a lock synchronously (busy_timeout), which in one process would block the
 * lock holder too; so the lock is taken with busy_timeout 0 and retried with short async sleeps.
 *
 * PostgreSQL runs it SERIALIZABLE: transactions run in parallel, and when two of them read what
 * the other writes (both saw "free", both booked), PostgreSQL aborts one with a serialization
 * failure; it is then re-run from the start and sees the other's booking. So `fn` may run more
 * than once: it must only read and write through `trx` (mail goes through the outbox table),
 * never cause effects outside the database.
 */
export async function writeTransaction<T>(
  db: DB,
  fn: (trx: DB) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  if (isPostgres(db)) return serializableWithRetry(db, fn, deadline);
  return sqliteImmediate(db, fn, deadline);
}

/**
 * A transaction in which `SELECT ... FOR UPDATE [SKIP LOCKED]` row locks decide who gets which
 * rows (claiming work, e.g. the outbox): READ COMMITTED on PostgreSQL, so claimers that lock
 * different rows never fail each other; on SQLite the write lock (`writeTransaction`).
 */
export function rowLockTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  return isPostgres(db) ? db.transaction().execute(fn) : writeTransaction(db, fn);
}

/**
 * A read-only transaction that sees one snapshot of the database throughout, while others go on
 * writing: REPEATABLE READ on PostgreSQL; on SQLite a deferred transaction (in WAL mode its reads
 * all see the database as it was at the first read).
 */
export function snapshotTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  return isPostgres(db)
    ? db.transaction().setIsolationLevel("repeatable read").execute(fn)
    : db.transaction().execute(fn);
}

/**
 * A transaction that rewrites whole tables (maintenance, e.g. rebuilding derived counts): other
 * writers of `tables` wait until it ends, readers go on. It runs once, however long it takes.
 *
 * SQLite: `writeTransaction` (the one write lock covers every table). PostgreSQL: READ COMMITTED
 * with `LOCK TABLE ... IN EXCLUSIVE MODE` as its first statement (so no serialization failure can
 * abort it); a SERIALIZABLE writer that read those tables before the lock and writes them after
 * it fails and is re-run by `writeTransaction`, then seeing what this transaction wrote.
 */
export async function tableLockTransaction<T>(
  db: DB,
  tables: readonly string[],
  fn: (trx: DB) => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return writeTransaction(db, fn, { timeoutMs: 60_000 });
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE ${sql.join(tables.map((t) => sql.table(t)))} IN EXCLUSIVE MODE`.execute(
      trx,
    );
    return fn(trx);
  });
}

async function serializableWithRetry<T>(
  db: DB,
  fn: (trx: DB) => Promise<T>,
  deadline: number,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel("serializable").execute(fn);
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (Date.now() > deadline) throw new WriteLockTimeoutError("Database is busy");
      await backoff(attempt);
    }
  }
}

/**
 * The busy timeout each SQLite handle had before its first write transaction, to restore after
 * taking the lock. Read once per handle instead of per transaction (a statement on every answer):
 * only this module changes it after the connection is opened, and it always restores it.
 */
const busyTimeouts = new WeakMap<DB, number>();

async function sqliteImmediate<T>(
  db: DB,
  fn: (trx: DB) => Promise<T>,
  deadline: number,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    let busyTimeout = busyTimeouts.get(db);
    if (busyTimeout === undefined) {
      const previous = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(conn);
      busyTimeout = Number(previous.rows[0]?.timeout ?? 5000);
      busyTimeouts.set(db, busyTimeout);
    }
    await sql.raw("PRAGMA busy_timeout = 0").execute(conn);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await sql`BEGIN IMMEDIATE`.execute(conn);
          break;
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (Date.now() > deadline) throw new WriteLockTimeoutError("Database is busy");
          await backoff(attempt);
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
