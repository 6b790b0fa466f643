import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** True for `postgres://...` and `postgresql://...` URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** `file:./data/frirum.db` or a plain path -> a file path for better-sqlite3. */
export function databasePathFromUrl(url: string): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

export function openSqlite(path: string): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

// PostgreSQL type OIDs whose default parsing would give the app other shapes than SQLite does.
const INT8 = 20; // COUNT(*), SUM(integer), bigint columns: a string by default
const NUMERIC = 1700; // AVG(), SUM(bigint): a string by default
const DATE = 1082; // a local-time Date by default
const TIMESTAMPTZ = 1184; // a Date by default

const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ) as (value: string) => Date;

/**
 * The one place where PostgreSQL values are mapped to the shapes the app sees on SQLite:
 * timestamps as ISO-8601 UTC strings ("2026-03-06T08:00:00.000Z"), dates as "YYYY-MM-DD", counts
 * and sums as numbers (safe below 2^53, far above any count here).
 */
export const postgresTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    if (oid === TIMESTAMPTZ) return (value: string) => parseTimestamp(value).toISOString();
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PostgresOptions {
  /** Connections per process (default 10). */
  poolSize?: number;
}

export function createPostgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: postgresTypeParsers,
    // Sessions in UTC: nothing depends on it (timestamps are parsed with their offset), but
    // server-side date_trunc and logs then agree with the app's UTC strings.
    // No JIT: it compiled for 60 ms (load average 6) to run a 6 ms named-sessions query whose
    // LIMIT made its cost estimate look big; no query of the app runs long enough to gain from it.
    options: "-c TimeZone=UTC -c jit=off",
    idleTimeoutMillis: 10_000,
  });
  // An idle connection that breaks (database restart, failover) is dropped from the pool and
  // replaced on next use; without a listener its error would crash the process.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return pool;
}

/**
 * Opens the database named by a `DATABASE_URL`: `postgres://...` selects PostgreSQL (pg pool),
 * anything else is a SQLite file (`file:./data/frirum.db` or a plain path).
 */
export function createDb(url: string, options: PostgresOptions = {}): DB {
  if (isPostgresUrl(url)) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: createPostgresPool(url, options) }),
    });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({
      database: withStatementCache(openSqlite(databasePathFromUrl(url))),
    }),
  });
}

/** Prepared statements kept per connection (the oldest dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew (SQLite parses and plans it each time: a hot
 * spot in the server's CPU profile). The app's queries are a fixed set of SQL strings with
 * parameters, so the connection keeps its prepared statements by SQL text. Safe because Kysely
 * runs one query at a time on the connection and better-sqlite3 runs each statement to the end
 * synchronously; a statement stays valid across schema changes (SQLite re-prepares it).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
