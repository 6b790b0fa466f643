/**
 * npm run db:backup [-- --out <file>]
 * A consistent backup of DATABASE_URL while the app runs: SQLite's online backup API, or pg_dump
 * (custom format) for PostgreSQL. Default file: backups/frirum-<UTC time>.(db|dump).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEnv } from "../app/lib/env.server";
import { backupDatabase } from "../db/backup";
import { isPostgresUrl } from "../db/connection";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const env = loadEnv();
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, "")
  .replace(/\.\d+Z$/, "Z");
const file =
  values.out ??
  join("backups", `frirum-${stamp}.${isPostgresUrl(env.DATABASE_URL) ? "dump" : "db"}`);
try {
  const result = await backupDatabase(env.DATABASE_URL, file);
  console.log(`Backup written and checked: ${result.file} (${result.bytes} bytes)`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
