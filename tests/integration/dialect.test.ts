/**
 * The values the app sees are the same on SQLite and PostgreSQL (run with TEST_DATABASE_URL for
 * the second): timestamps as ISO-8601 UTC strings that compare equal when written back, dates as
 * "YYYY-MM-DD", counts and epoch milliseconds as numbers, constraint errors recognised.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedLimit, isForeignKeyViolation, isUniqueViolation } from "../../db/dialect";
import { hitRateLimit } from "../../db/queries/rate-limits";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => {
  await t?.cleanup();
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("values across dialects", () => {
  it("returns database-made timestamps as ISO UTC strings that find their row again", async () => {
    const school = await t.db
      .insertInto("schools")
      .values({ slug: "tid-skole", name: "Tid Skole" })
      .returning(["id", "created_at", "updated_at"])
      .executeTakeFirstOrThrow();
    expect(school.created_at).toMatch(ISO_UTC);
    expect(Math.abs(Date.parse(school.created_at) - Date.now())).toBeLessThan(60_000);
    // Optimistic concurrency compares the value a form carried with the stored one.
    const updated = await t.db
      .updateTable("schools")
      .set({ name: "Tid Skole 2" })
      .where("id", "=", school.id)
      .where("updated_at", "=", school.updated_at)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
  });

  it("stores app-written instants exactly and compares them in time order", async () => {
    const leader = await t.db
      .selectFrom("users")
      .select(["id", "school_id"])
      .where("role", "=", "school_leader")
      .executeTakeFirstOrThrow();
    const course = await t.db.selectFrom("courses").select("id").executeTakeFirstOrThrow();
    const request = await t.db
      .insertInto("requests")
      .values({
        school_id: leader.school_id!,
        requester_id: leader.id,
        course_id: course.id,
        group_count: 1,
        participants_per_group: 10,
        created_at: "2026-03-29T00:59:59.999Z",
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    expect(request.created_at).toBe("2026-03-29T00:59:59.999Z");
    const later = await t.db
      .selectFrom("requests")
      .select("id")
      .where("id", "=", request.id)
      .where("created_at", "<", "2026-03-29T01:00:00.000Z")
      .where("created_at", ">=", "2026-03-29T00:59:59.999Z")
      .execute();
    expect(later).toEqual([{ id: request.id }]);
    await t.db
      .insertInto("request_windows")
      .values({ request_id: request.id, position: 1, date: "2026-03-29", part: "morning" })
      .execute();
    const window = await t.db
      .selectFrom("request_windows")
      .select("date")
      .where("request_id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(window.date).toBe("2026-03-29");
  });

  it("returns counts, sums and epoch milliseconds as numbers", async () => {
    const row = await t.db
      .selectFrom("courses")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("duration_minutes").as("minutes"),
      ])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe("number");
    expect(row.n).toBeGreaterThan(0);
    expect(typeof row.minutes).toBe("number");
    const windowStart = Date.parse("2026-12-02T10:00:00.000Z");
    expect(await hitRateLimit(t.db, "dialect-test", windowStart)).toBe(1);
    expect(await hitRateLimit(t.db, "dialect-test", windowStart)).toBe(2);
    const stored = await t.db
      .selectFrom("rate_limits")
      .select("window_start")
      .where("key", "=", "dialect-test")
      .executeTakeFirstOrThrow();
    expect(stored.window_start).toBe(windowStart);
  });

  it("recognises unique and foreign key violations", async () => {
    const duplicate = await t.db
      .insertInto("schools")
      .values({ slug: "tid-skole", name: "Igen" })
      .execute()
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isForeignKeyViolation(duplicate)).toBe(false);
    const orphan = await t.db
      .insertInto("users")
      .values({ email: "x@example.org", name: "X", role: "school_leader", school_id: 999_999 })
      .execute()
      .catch((error: unknown) => error);
    expect(isForeignKeyViolation(orphan)).toBe(true);
    expect(isUniqueViolation(orphan)).toBe(false);
  });
});

describe("a fixed row limit", () => {
  it("is written into the SQL, not bound, and limits the rows", async () => {
    const query = t.db.selectFrom("schools").select("id").orderBy("id").limit(fixedLimit(2));
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/limit 2$/);
    expect(compiled.parameters).toEqual([]);
    const all = await t.db.selectFrom("schools").select("id").orderBy("id").execute();
    expect(all.length).toBeGreaterThan(2);
    expect(await query.execute()).toEqual(all.slice(0, 2));
  });

  it("refuses anything but a row count", () => {
    for (const rows of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => fixedLimit(rows)).toThrow(/not a row count/);
    }
  });
});
