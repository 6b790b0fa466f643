import { sql } from "kysely";
import type { DB } from "../connection";
import { type DialectName, dialectOf } from "../dialect";
import { migrationLevel } from "../migrate";

/** Throws when the database does not answer. */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}

export interface DatabaseHealth {
  kind: DialectName;
  /** The newest applied migration. */
  migration: string | null;
  /** Migrations this code ships that the database lacks (none after a normal start). */
  pendingMigrations: string[];
}

/** Kind and migration level of a database that answers; throws when it does not. */
export async function databaseHealth(db: DB): Promise<DatabaseHealth> {
  await pingDatabase(db);
  const level = await migrationLevel(db);
  return { kind: dialectOf(db), migration: level.current, pendingMigrations: level.pending };
}
