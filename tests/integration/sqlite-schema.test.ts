/**
 * Making the first migrations dialect-aware must not change what they create on SQLite. The
 * fixture is the schema those migrations produced before PostgreSQL support (`sqlite_master`,
 * whitespace collapsed), written once from that version of the code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../../db/migrations";

describe("the SQLite schema of the first migrations", () => {
  it("is exactly what it was before they learned PostgreSQL", async () => {
    const sqlite = new SQLite(":memory:");
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against an untyped Kysely.
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await migrations["2026-11-27T1000_foundation"].up(db);
      await migrations["2026-11-27T1500_feedback"].up(db);
      const rows = sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        .all() as { sql: string }[];
      const schema = rows.map((r) => `${r.sql.replace(/\s+/g, " ").trim()};`);
      const before = readFileSync(
        join(__dirname, "fixtures", "sqlite-schema-2026-11-27.sql"),
        "utf8",
      )
        .trim()
        .split("\n");
      expect(schema).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});
