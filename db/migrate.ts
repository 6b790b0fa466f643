import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { migrations } from "./migrations";

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

/** Runs every pending migration with Kysely's Migrator; throws naming the failing migration. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped Kysely.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
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
