/**
 * Everything that differs between SQLite and PostgreSQL, in one place, each difference named for
 * what it does. Migrations and queries are written once with Kysely's builder; where the two
 * databases need different SQL they call a function from here. (Two more dialect-aware places:
 * the write lock in write-transaction.ts and the value parsers in connection.ts.)
 *
 * Porting a SQLite-only migration (`const t = columnTypes(db)`): text timestamps become
 * `t.timestamp` with `t.now` as default, autoincrement ids `t.id`, epoch-millisecond integers
 * `t.epochMs`, dates `t.date`, REAL columns `t.real`; GLOB checks `matchesPattern`, json_valid
 * `isJsonText`, WITHOUT ROWID `withoutRowid`, triggers `createGuardTrigger`. Booleans stay 0/1
 * integers with an IN (0,1) check on both (portable as written). Porting a query: json_each -> `jsonArrayContains`, EXPLAIN ->
 * `explainQueryPlan`, SQLite error codes -> `isUniqueViolation`/`isForeignKeyViolation`, NULL
 * ordering said explicitly (`nullsFirst()`: SQLite's default, not PostgreSQL's).
 */
import {
  type ColumnDefinitionBuilder,
  CompiledQuery,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";

export type DialectName = "sqlite" | "postgres";

// biome-ignore lint/suspicious/noExplicitAny: works for typed and untyped (migration) handles.
type AnyDb = Kysely<any>;

/** Which database a Kysely handle (or a transaction of it) talks to. */
export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function isPostgres(db: AnyDb): boolean {
  return dialectOf(db) === "postgres";
}

// ---------------------------------------------------------------------------------------------
// Schema (migrations)
// ---------------------------------------------------------------------------------------------

/**
 * Column types and defaults per dialect. On SQLite these are exactly what the first migrations
 * wrote (ISO text timestamps, AUTOINCREMENT ids), so their schema is unchanged; on PostgreSQL
 * timestamps are `timestamptz` (read back as the same ISO strings: see connection.ts).
 */
export function columnTypes(db: AnyDb) {
  const pg = isPostgres(db);
  return {
    /** Integer primary key the database fills in. */
    id: (c: ColumnDefinitionBuilder) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    /** An instant, read as "2026-03-06T08:00:00.000Z" on both. */
    timestamp: pg ? ("timestamptz" as const) : ("text" as const),
    /** The current instant with millisecond precision (what JavaScript writes), as a default. */
    now: pg ? sql`date_trunc('milliseconds', now())` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
    /** A calendar date, read as "YYYY-MM-DD" on both. */
    date: pg ? ("date" as const) : ("text" as const),
    /** Milliseconds since 1970 (does not fit PostgreSQL's 32-bit integer). */
    epochMs: pg ? ("bigint" as const) : ("integer" as const),
    /** A floating-point number in 8 bytes (SQLite's REAL; PostgreSQL's `real` has only 4). */
    real: pg ? ("double precision" as const) : ("real" as const),
  };
}

/**
 * A text check by pattern: SQLite has GLOB, PostgreSQL regular expressions. Both patterns are
 * given, so each database keeps a check it can index and explain.
 */
export function matchesPattern(
  db: AnyDb,
  patterns: { sqliteGlob: RawBuilder<unknown>; postgresRegex: RawBuilder<unknown> },
): RawBuilder<unknown> {
  return isPostgres(db) ? patterns.postgresRegex : patterns.sqliteGlob;
}

/** A check that a text column holds valid JSON. */
export function isJsonText(db: AnyDb, column: string): RawBuilder<unknown> {
  return isPostgres(db)
    ? sql`(${sql.ref(column)}::jsonb) IS NOT NULL`
    : sql`json_valid(${sql.raw(column)})`;
}

/**
 * SQLite: a WITHOUT ROWID table (no hidden, increasing rowid; rows stored in primary key order).
 * PostgreSQL has no rowid to drop; see the README's decision on anonymous answers.
 */
export function withoutRowid(db: AnyDb) {
  // biome-ignore lint/suspicious/noExplicitAny: applies to any table builder.
  return <T extends CreateTableBuilder<any, any>>(builder: T): T =>
    isPostgres(db) ? builder : (builder.modifyEnd(sql`WITHOUT ROWID`) as T);
}

/**
 * A trigger that refuses an INSERT, UPDATE or DELETE when `when` (an SQL condition that may use
 * `NEW` or `OLD`) holds, with `message` as the error. SQLite: a BEFORE trigger raising ABORT; PostgreSQL: a
 * PL/pgSQL trigger function raising an exception (SQLSTATE 23000, integrity constraint).
 */
export async function createGuardTrigger(
  db: AnyDb,
  trigger: {
    name: string;
    table: string;
    event: "INSERT" | "UPDATE" | "DELETE";
    when: RawBuilder<unknown>;
    message: string;
  },
): Promise<void> {
  const name = sql.raw(trigger.name);
  const table = sql.raw(trigger.table);
  const event = sql.raw(trigger.event);
  if (!isPostgres(db)) {
    await sql`CREATE TRIGGER ${name}
      BEFORE ${event} ON ${table}
      WHEN ${trigger.when}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(trigger.message)}); END`.execute(db);
    return;
  }
  const returned = sql.raw(trigger.event === "DELETE" ? "OLD" : "NEW");
  await sql`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${trigger.when} THEN
        RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = ${sql.lit(trigger.message)};
      END IF;
      RETURN ${returned};
    END $$`.execute(db);
  await sql`CREATE TRIGGER ${name} BEFORE ${event} ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${name}()`.execute(db);
}

/**
 * A row trigger that runs `statements` AFTER each INSERT, UPDATE (of `columns`) or DELETE, with
 * `NEW`/`OLD` as the row (summary tables kept by the database itself, whatever code writes the
 * table). The statements are portable SQL; SQLite runs them in the trigger body, PostgreSQL in a
 * PL/pgSQL trigger function of the same name.
 */
export async function createRowTrigger(
  db: AnyDb,
  trigger: {
    name: string;
    table: string;
    event: "INSERT" | "UPDATE" | "DELETE";
    columns?: readonly string[];
    statements: readonly RawBuilder<unknown>[];
  },
): Promise<void> {
  const name = sql.raw(trigger.name);
  const table = sql.raw(trigger.table);
  const event = sql.raw(
    trigger.columns ? `${trigger.event} OF ${trigger.columns.join(", ")}` : trigger.event,
  );
  const body = sql.join(
    trigger.statements.map((s) => sql`${s};`),
    sql` `,
  );
  if (!isPostgres(db)) {
    await sql`CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN ${body} END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN ${body} RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER ${name} AFTER ${event} ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${name}()`.execute(db);
}

/** Drops a trigger made by createGuardTrigger or createRowTrigger (and its PostgreSQL function). */
export async function dropGuardTrigger(db: AnyDb, name: string, table: string): Promise<void> {
  if (!isPostgres(db)) {
    await sql`DROP TRIGGER ${sql.raw(name)}`.execute(db);
    return;
  }
  await sql`DROP TRIGGER ${sql.raw(name)} ON ${sql.raw(table)}`.execute(db);
  await sql`DROP FUNCTION ${sql.raw(name)}()`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

/** A unique constraint refused the write (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PG 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "23505"
  );
}

/** A foreign key refused the write or delete (SQLite SQLITE_CONSTRAINT_FOREIGNKEY, PG 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "23503";
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/**
 * A row limit the query fixes (a page size, "the first one"), written into the SQL instead of
 * bound: SQLite plans `LIMIT 1` better than `LIMIT ?` (measured: the latest feedback form 6.5 ->
 * 2.2 µs, an inbox page of 50 rows 137 -> 118 µs), and the text stays one prepared statement as
 * long as the limit is a constant. Never for a limit from the request.
 */
export function fixedLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0)
    throw new Error(`fixedLimit: not a row count: ${rows}`);
  return sql.lit(rows);
}

/** True when a JSON array in a text column contains the string `value`. */
export function jsonArrayContains(db: AnyDb, column: string, value: string): RawBuilder<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`(${sql.ref(column)}::jsonb) @> jsonb_build_array(${value}::text)`
    : sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${value})`;
}

/**
 * The query plan, one line per step. On PostgreSQL sequential scans (and with `joinsByIndex` hash
 * and merge joins) are disabled for the EXPLAIN (inside a rolled-back transaction), so on a small
 * test database the plan shows whether an index CAN serve the query rather than what the planner
 * prefers for ten rows. (SQLite joins by nested loops only.)
 */
export async function explainQueryPlan(
  db: AnyDb,
  query: { compile(): CompiledQuery },
  options: { joinsByIndex?: boolean } = {},
): Promise<string[]> {
  const { sql: text, parameters } = query.compile();
  if (!isPostgres(db)) {
    const result = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${text}`, [...parameters]),
    );
    return result.rows.map((row) => row.detail);
  }
  return db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    try {
      await sql`SET LOCAL enable_seqscan = off`.execute(conn);
      // Hash and merge joins read their inputs whole: off, so a join shows whether an index
      // lookup per row CAN serve it (what the planner picks on big tables).
      if (options.joinsByIndex) {
        await sql`SET LOCAL enable_hashjoin = off`.execute(conn);
        await sql`SET LOCAL enable_mergejoin = off`.execute(conn);
      }
      const result = await conn.executeQuery<{ "QUERY PLAN": string }>(
        CompiledQuery.raw(`EXPLAIN ${text}`, [...parameters]),
      );
      return result.rows.map((row) => row["QUERY PLAN"]);
    } finally {
      await sql`ROLLBACK`.execute(conn);
    }
  });
}

/**
 * Makes a SELECT lock the rows it returns and skip rows other transactions have locked
 * (PostgreSQL `FOR UPDATE SKIP LOCKED`: several instances claim different rows). SQLite has one
 * writer at a time, so the claiming transaction itself is the lock there.
 */
export function forUpdateSkipLocked(db: AnyDb) {
  return <T extends { forUpdate(): T; skipLocked(): T }>(query: T): T =>
    isPostgres(db) ? query.forUpdate().skipLocked() : query;
}

// ---------------------------------------------------------------------------------------------
// Bulk loading (the scale generator)
// ---------------------------------------------------------------------------------------------

/** A column of a bulk insert and its PostgreSQL type (the element type of the unnest array). */
export interface BulkColumn {
  name: string;
  pgType: "integer" | "bigint" | "text" | "timestamptz" | "date" | "double precision";
}

/** SQLite's limit on parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const SQLITE_MAX_PARAMETERS = 32_766;
/** Rows per PostgreSQL statement: one array parameter per column, each this long. */
const POSTGRES_BULK_ROWS = 10_000;

/**
 * Statements that insert many rows fast: on PostgreSQL `INSERT ... SELECT * FROM unnest($1::t[],
 * ...)`, one array per column and 10,000 rows per statement (a few round trips instead of one per
 * row, and no 65,535-parameter limit); on SQLite multi-row VALUES with as many rows as the
 * parameter limit allows (the statement is prepared once per chunk, inside the caller's
 * transaction). `addOnConflict`: upsert on `key`, adding the new values of `columns` to the
 * stored ones (the rollups). Rows must not repeat a key within one call.
 */
export function bulkInsertQueries(
  db: AnyDb,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: { addOnConflict?: { key: readonly string[]; columns: readonly string[] } } = {},
): CompiledQuery[] {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const conflict = options.addOnConflict
    ? ` ON CONFLICT (${options.addOnConflict.key.map((k) => `"${k}"`).join(", ")}) DO UPDATE SET ${options.addOnConflict.columns
        .map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`)
        .join(", ")}`
    : "";
  const queries: CompiledQuery[] = [];
  if (isPostgres(db)) {
    const arrays = columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(", ");
    const text = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})${conflict}`;
    for (let start = 0; start < rows.length; start += POSTGRES_BULK_ROWS) {
      const chunk = rows.slice(start, start + POSTGRES_BULK_ROWS);
      queries.push(
        CompiledQuery.raw(
          text,
          columns.map((_, i) => chunk.map((row) => row[i])),
        ),
      );
    }
    return queries;
  }
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    queries.push(
      CompiledQuery.raw(
        `INSERT INTO "${table}" (${names}) VALUES ${chunk.map(() => tuple).join(", ")}${conflict}`,
        chunk.flat(),
      ),
    );
  }
  return queries;
}

/**
 * After rows were inserted with explicit ids: the next generated id follows the largest one.
 * PostgreSQL's identity sequence does not see explicit ids; SQLite's AUTOINCREMENT does
 * (sqlite_sequence keeps the largest rowid ever inserted), so there is nothing to do.
 */
export async function advanceIdAfterExplicitIds(db: AnyDb, table: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'),
    (SELECT coalesce(max(id), 0) + 1 FROM ${sql.table(table)}), false)`.execute(db);
}

/**
 * Planner statistics for tables just rewritten inside the caller's transaction: PostgreSQL's
 * ANALYZE (allowed in a transaction; it samples the transaction's own new rows), so that reads by
 * key that follow use the index instead of scanning what the old statistics called a small
 * table. SQLite's planner uses a primary key for such reads without statistics: nothing to do.
 */
export async function analyzeTables(db: AnyDb, tables: readonly string[]): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

/**
 * Fresh planner statistics after a bulk load (and, on PostgreSQL, the visibility map that lets
 * counts use index-only scans): PostgreSQL VACUUM ANALYZE; SQLite `PRAGMA optimize`.
 */
export async function refreshPlannerStatistics(
  db: AnyDb,
  tables: readonly string[],
): Promise<void> {
  if (!isPostgres(db)) {
    await sql`PRAGMA optimize`.execute(db);
    return;
  }
  for (const table of tables) await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
}
