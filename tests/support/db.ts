import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DB } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";

export interface TestDb {
  db: DB;
  path: string;
  cleanup: () => Promise<void>;
}

/** A fresh, migrated SQLite file of its own (never a shared dev database). */
export async function createTestDb(options: { seed?: boolean } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "frirum-test-"));
  const path = join(dir, "test.db");
  const db = createDb(path);
  await migrateToLatest(db);
  if (options.seed) await seedDemoData(db);
  return {
    db,
    path,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
