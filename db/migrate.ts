import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { isPostgres } from "./dialect";
import { migrations } from "./migrations";

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

/** Collations that compare text byte by byte, like SQLite's BINARY (C.UTF-8 = code point order). */
const BYTE_ORDER_COLLATIONS = new Set(["C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"]);

/**
 * PostgreSQL compares text by the database's collation. Queries rely on byte order as SQLite has
 * it (key-prefix ranges on the outbox's dedupe keys, sort orders that must match SQLite's), so a
 * database with a language collation (e.g. en_US.UTF-8, which ignores punctuation) is refused.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs before the typed schema exists.
export async function assertByteOrderCollation(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const { rows } = await sql<{ datcollate: string }>`
    SELECT datcollate FROM pg_database WHERE datname = current_database()`.execute(db);
  const collation = rows[0]?.datcollate ?? "";
  if (!BYTE_ORDER_COLLATIONS.has(collation)) {
    throw new Error(
      `The PostgreSQL database uses the collation "${collation}"; Frirum needs byte order ("C"). ` +
        `Create it with: CREATE DATABASE frirum TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';`,
    );
  }
}

/** Runs every pending migration with Kysely's Migrator; throws naming the failing migration. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped Kysely.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  await assertByteOrderCollation(db);
  // On PostgreSQL the Migrator takes an advisory lock and runs each migration in a transaction, so
  // several instances starting at once migrate once.
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(
      `Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String((error as Error)?.message ?? error)}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}

export interface MigrationLevel {
  /** The newest applied migration (null on an empty database). */
  current: string | null;
  /** Migrations this code knows that the database has not applied yet. */
  pending: string[];
}

/**
 * Which migrations the database has applied, compared with the ones this code ships (one small
 * query on Kysely's bookkeeping table: cheap enough for /healthz).
 */
// biome-ignore lint/suspicious/noExplicitAny: reads Kysely's own bookkeeping table.
export async function migrationLevel(db: Kysely<any>): Promise<MigrationLevel> {
  const rows = await db
    .selectFrom("kysely_migration")
    .select("name")
    .execute()
    .catch(() => [] as { name: string }[]);
  const applied = new Set(rows.map((row: { name: string }) => String(row.name)));
  const known = Object.keys(migrations).sort();
  const done = [...applied].sort();
  return {
    current: done.length > 0 ? done[done.length - 1] : null,
    pending: known.filter((name) => !applied.has(name)),
  };
}
