/**
 * `npm run db:backup` and `npm run db:restore` as an operator runs them, on the dialect under test
 * (SQLite's online backup API, or pg_dump/pg_restore with TEST_DATABASE_URL).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB } from "../../db/connection";
import { migrationLevel } from "../../db/migrate";
import { insertOutboxMessage } from "../../db/queries/outbox";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoSessions } from "../../db/seed-sessions";
import {
  createTestDatabase,
  createTestDb,
  type TestDatabase,
  type TestDb,
  testDialect,
} from "../support/db";
import { runScript } from "../support/scripts";

let source: TestDb;
let dir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  source = await createTestDb({ seed: true });
  await seedDemoSessions(source.db, new Date(), { host: "frirum.test" });
  await seedFeedbackForms(source.db);
  await seedDemoFeedback(source.db);
  dir = mkdtempSync(join(tmpdir(), "frirum-backup-"));
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await source?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (databaseUrl: string) => ({ ...process.env, DATABASE_URL: databaseUrl });

/** Every table's rows, each table sorted the same way, for a whole-database comparison. */
async function snapshot(db: DB): Promise<Record<string, unknown[]>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
      db,
    );
    result[table] = rows
      .map((row) => JSON.stringify(row, Object.keys(row).sort()))
      .sort()
      .map((json) => JSON.parse(json));
  }
  return result;
}

describe("backup and restore", () => {
  let target: TestDatabase;
  let file: string;
  let outboxBeforeBackup = 0;

  it("backs up a database while the app keeps writing to it", async () => {
    file = join(dir, testDialect() === "postgres" ? "frirum.dump" : "frirum.db");
    // Writes going on during the backup, as from a running app.
    const outboxRows = async () =>
      Number(
        (
          await source.db
            .selectFrom("email_outbox")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await insertOutboxMessage(source.db, {
          to: "ops@example.org",
          kind: "test",
          subject: `during backup ${written++}`,
          text: "x",
          html: "<p>x</p>",
        });
        // Let the event loop breathe (better-sqlite3 answers synchronously).
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    outboxBeforeBackup = await outboxRows();
    const result = await runScript("scripts/db-backup.ts", ["--out", file], env(source.url));
    const writtenDuringBackup = (await outboxRows()) - outboxBeforeBackup;
    writing = false;
    await writer;
    expect(result.output).toContain(`Backup written and checked: ${file}`);
    expect(result.code).toBe(0);
    expect(writtenDuringBackup).toBeGreaterThan(0);
  }, 60_000);

  it("restores it into a new database: the same rows, migration level and a working schema", async () => {
    target = await createTestDatabase({ bare: true });
    cleanups.push(target.drop);
    const result = await runScript("scripts/db-restore.ts", [file], env(target.url));
    const level = await migrationLevel(source.db);
    expect(result.output).toContain(`Restored ${file}. Migration level: ${level.current}.`);
    expect(result.code).toBe(0);

    const restored = createDb(target.url);
    try {
      expect(await migrationLevel(restored)).toEqual(level);
      // A consistent snapshot: every table equal to the source, except the outbox, which kept
      // growing after the backup; the restored outbox is exactly the source's first rows.
      const [before, after] = await Promise.all([snapshot(source.db), snapshot(restored)]);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      const { email_outbox: sourceOutbox, ...sourceRest } = before;
      const { email_outbox: restoredOutbox, ...restoredRest } = after;
      expect(restoredRest).toEqual(sourceRest);
      expect(restoredOutbox.length).toBeGreaterThanOrEqual(outboxBeforeBackup);
      expect(restoredOutbox.length).toBeLessThanOrEqual(sourceOutbox.length);
      const ids = new Set(restoredOutbox.map((row) => (row as { id: number }).id));
      expect(sourceOutbox.filter((row) => ids.has((row as { id: number }).id))).toEqual(
        restoredOutbox,
      );
      expect(before.feedback_responses.length).toBeGreaterThan(0);

      // Ids continue after the restored rows, and the database's own rules still hold.
      const maxId = Math.max(...restoredOutbox.map((row) => (row as { id: number }).id));
      const inserted = await restored
        .insertInto("schools")
        .values({ slug: "restored-skole", name: "Restored Skole" })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(inserted.id).toBeGreaterThan(0);
      const queued = await insertOutboxMessage(restored, {
        to: "ops@example.org",
        kind: "test",
        subject: "after restore",
        text: "x",
        html: "<p>x</p>",
      });
      expect(queued).toBe(true);
      const newest = await restored
        .selectFrom("email_outbox")
        .select("id")
        .where("subject", "=", "after restore")
        .executeTakeFirstOrThrow();
      expect(newest.id).toBeGreaterThan(maxId);
      await expect(
        restored
          .updateTable("users")
          .set({ email: "UPPER@EXAMPLE.ORG" })
          .where("id", "=", 1)
          .execute(),
      ).rejects.toThrow();
    } finally {
      await restored.destroy();
    }
  }, 60_000);

  it("refuses to restore over a database that is there, and says so", async () => {
    const result = await runScript("scripts/db-restore.ts", [file], env(target.url));
    expect(result.code).toBe(1);
    expect(result.output).toContain("Restore failed:");
  }, 60_000);
});
