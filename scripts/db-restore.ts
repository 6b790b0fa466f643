/**
 * npm run db:restore -- <backup file> [--replace]
 * Restores a db:backup file into DATABASE_URL. Stop the app first. SQLite: refuses to overwrite an
 * existing database without --replace. PostgreSQL: restore into a new, empty database (or pass
 * --replace to drop and recreate what the backup contains). The app migrates a restored older
 * backup to the current schema when it starts.
 */
import { parseArgs } from "node:util";
import { loadEnv } from "../app/lib/env.server";
import { restoreDatabase } from "../db/backup";
import { createDb } from "../db/connection";
import { migrationLevel } from "../db/migrate";

const { values, positionals } = parseArgs({
  options: { replace: { type: "boolean", default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file> [--replace]");
  process.exit(2);
}
const env = loadEnv();
try {
  await restoreDatabase(env.DATABASE_URL, file, { replace: values.replace });
  const db = createDb(env.DATABASE_URL);
  const level = await migrationLevel(db);
  await db.destroy();
  console.log(
    `Restored ${file}. Migration level: ${level.current ?? "(none)"}` +
      (level.pending.length
        ? `; ${level.pending.length} migration(s) run at the next start.`
        : "."),
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
