/**
 * Reusable queries (db/reusable-query.ts) give the same results as the same query built by
 * Kysely each time, on SQLite and PostgreSQL, whatever the values and shapes of their arguments;
 * they refuse a build that computes with its values or writes them into the SQL text.
 */
import { type Generated, type Kysely, type KyselyPlugin, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { reusableQuery } from "../../db/reusable-query";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.schema
    .createTable("reusable_probe")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("n", "integer", (c) => c.notNull().defaultTo(7))
    .execute();
});
afterAll(() => t.cleanup());

// A table of this test only, not in the app's schema.
interface Probe {
  id: number;
  name: string;
  note: string | null;
  n: Generated<number>;
}
const probe = (db: DB) => db as unknown as Kysely<{ reusable_probe: Probe }>;

const insertRows = reusableQuery(
  (db: DB, rows: { id: number; name: string; note?: string | null; n?: number }[]) =>
    probe(db).insertInto("reusable_probe").values(rows),
);
const byIds = reusableQuery((db: DB, ids: number[]) =>
  probe(db).selectFrom("reusable_probe").selectAll().where("id", "in", ids).orderBy("id"),
);
const byNameAndN = reusableQuery((db: DB, name: string, n: number) =>
  probe(db)
    .selectFrom("reusable_probe")
    .select("id")
    .where("name", "=", name)
    .where("n", "=", n)
    .orderBy("id")
    .limit(10),
);
const rename = reusableQuery((db: DB, id: number, name: string) =>
  probe(db).updateTable("reusable_probe").set({ name }).where("id", "=", id),
);

describe("reusableQuery", () => {
  it("inserts and reads back like Kysely, with new values and shapes on each call", async () => {
    await insertRows.run(t.db, [{ id: 1, name: "a", note: null }]);
    // Another row count; a column left out (undefined: its default); another one given.
    await insertRows.run(t.db, [
      { id: 2, name: "b", note: "x" },
      { id: 5, name: "d", note: "w" },
    ]);
    await insertRows.run(t.db, [{ id: 3, name: "c", note: undefined, n: 3 }]);
    await insertRows.run(t.db, [{ id: 4, name: "a", note: "y" }]);
    const built = await probe(t.db)
      .selectFrom("reusable_probe")
      .selectAll()
      .orderBy("id")
      .execute();
    expect(built).toEqual([
      { id: 1, name: "a", note: null, n: 7 },
      { id: 2, name: "b", note: "x", n: 7 },
      { id: 3, name: "c", note: null, n: 3 },
      { id: 4, name: "a", note: "y", n: 7 },
      { id: 5, name: "d", note: "w", n: 7 },
    ]);
    expect(await byIds.rows(t.db, [2])).toEqual([built[1]]);
    expect(await byIds.rows(t.db, [4, 1, 3])).toEqual([built[0], built[2], built[3]]);
    expect(await byIds.rows(t.db, [5, 2])).toEqual([built[1], built[4]]);
    expect(await byIds.rows(t.db, [9])).toEqual([]);
    expect(await byIds.first(t.db, [9])).toBeUndefined();
    // Several values, and a constant of the query's own (the limit).
    expect(await byNameAndN.rows(t.db, "a", 7)).toEqual([{ id: 1 }, { id: 4 }]);
    expect(await byNameAndN.rows(t.db, "c", 3)).toEqual([{ id: 3 }]);
    expect(await byNameAndN.rows(t.db, "c", 7)).toEqual([]);
    const updated = await rename.run(t.db, 3, "z");
    expect(updated.numAffectedRows).toBe(1n);
    expect((await rename.run(t.db, 99, "z")).numAffectedRows).toBe(0n);
    expect((await byIds.first(t.db, [3]))?.name).toBe("z");
  });

  it("runs inside a transaction on the transaction's connection", async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await rename.run(trx, 1, "in-transaction");
        expect((await byIds.first(trx, [1]))?.name).toBe("in-transaction");
        throw new Error("roll back");
      })
      .catch(() => {});
    expect((await byIds.first(t.db, [1]))?.name).toBe("a");
  });

  it("lets a handle's plugins see every query", async () => {
    const seen: string[] = [];
    const recorder: KyselyPlugin = {
      transformQuery(args) {
        seen.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const rows = await byIds.rows(t.db.withPlugin(recorder), [1, 2]);
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(seen).toEqual(["SelectQueryNode"]);
  });

  it("refuses a build that computes with a value or writes it into the SQL", async () => {
    const computed = reusableQuery((db: DB, note: string | null) =>
      probe(db).selectFrom("reusable_probe").select("id").where("name", "=", `${note}!`),
    );
    await expect(computed.rows(t.db, "a")).rejects.toThrow(/did not reach the parameters/);
    const literal = reusableQuery((db: DB, name: string) =>
      probe(db).selectFrom("reusable_probe").select("id").where("name", "=", sql.lit(name)),
    );
    await expect(literal.rows(t.db, "a")).rejects.toThrow(/written into the SQL text/);
  });
});
