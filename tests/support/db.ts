import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DB } from "../../db/connection";
import type { DialectName } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { createTestPostgresDatabase, testPostgresUrl } from "./postgres";

export interface TestDb {
  db: DB;
  /** The database's DATABASE_URL: open more connections to it with `createDb(url)`. */
  url: string;
  cleanup: () => Promise<void>;
}

/** The database the tests run on: PostgreSQL when TEST_DATABASE_URL is set, else SQLite files. */
export function testDialect(): DialectName {
  return testPostgresUrl() ? "postgres" : "sqlite";
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated, empty database of its own (never a shared dev database): a SQLite file in a
 * temporary folder, or a PostgreSQL database copied from a migrated template. `bare`: not even
 * migrated (PostgreSQL: an empty database; SQLite: a file path that does not exist yet).
 */
export async function createTestDatabase(options: { bare?: boolean } = {}): Promise<TestDatabase> {
  if (testPostgresUrl()) {
    const database = await createTestPostgresDatabase(options);
    return { url: database.url, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), "frirum-test-"));
  const url = `file:${join(dir, "test.db")}`;
  if (options.bare) return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  const db = createDb(url);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated database with a Kysely handle, seeded with the demo data when asked. */
export async function createTestDb(options: { seed?: boolean } = {}): Promise<TestDb> {
  const database = await createTestDatabase();
  const db = createDb(database.url);
  if (options.seed) await seedDemoData(db);
  return {
    db,
    url: database.url,
    cleanup: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}

/** Column names of a table in their order (either dialect), for "stores nothing else" checks. */
export async function tableColumns(db: DB, table: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const found = tables.find((t) => t.name === table);
  if (!found) throw new Error(`No table ${table}`);
  return found.columns.map((c) => c.name);
}
