/**
 * The national-scale generator (db/generate/scale.ts): seeded and deterministic, exact answer
 * counts, and the data the staff pages need (requests in every state, facilitators who are never
 * in two places at once, scheduled sessions ahead). Its counts and rollups are checked by the
 * rebuild test in feedback-counts.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type DB } from "../../db/connection";
import { generateScaleData, seededUuids } from "../../db/generate/scale";
import { createTestDatabase, type TestDatabase } from "../support/db";

const END = new Date("2026-11-20T12:00:00.000Z");
const opened: Array<{ db: DB; database: TestDatabase }> = [];
afterEach(async () => {
  for (const { db, database } of opened.splice(0)) {
    await db.destroy();
    await database.drop();
  }
});

async function generated(seed: number) {
  const database = await createTestDatabase();
  const db = createDb(database.url);
  opened.push({ db, database });
  const result = await generateScaleData(db, {
    answers: 2000,
    schools: 6,
    years: 2,
    seed,
    end: END,
  });
  return { db, result };
}

const snapshot = async (db: DB) => ({
  sessions: await db
    .selectFrom("sessions")
    .select(["id", "school_id", "course_id", "starts_at", "status", "attendance_pupils"])
    .orderBy("id")
    .execute(),
  responses: await db
    .selectFrom("feedback_responses")
    .select(["id", "session_id", "answers", "comment"])
    .orderBy("id")
    .execute(),
  requests: await db.selectFrom("requests").select(["id", "status"]).orderBy("id").execute(),
});

describe("gen:scale data", () => {
  it("is the same for the same seed and differs for another", async () => {
    const a = await generated(3);
    const b = await generated(3);
    const c = await generated(4);
    expect(a.result).toEqual(b.result);
    expect(a.result.answers).toBe(2000);
    const [sa, sb, sc] = await Promise.all([snapshot(a.db), snapshot(b.db), snapshot(c.db)]);
    expect(sa).toEqual(sb);
    expect(sa.responses).toHaveLength(2000);
    expect(sc.responses.map((r) => r.answers)).not.toEqual(sa.responses.map((r) => r.answers));
  }, 120_000);

  it("has requests in every state, facilitators never double-booked, sessions ahead", async () => {
    const { db, result } = await generated(5);
    const statuses = await db
      .selectFrom("requests")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    for (const status of ["requested", "in_progress", "scheduled", "delivered"]) {
      expect(byStatus[status], status).toBeGreaterThan(0);
    }
    expect(Object.values(byStatus).reduce((x, y) => x + y, 0)).toBe(result.requests);
    const sessions = await db.selectFrom("sessions").select(["status", "starts_at"]).execute();
    expect(sessions).toHaveLength(result.sessions);
    const end = END.toISOString();
    expect(sessions.some((s) => s.status === "scheduled" && s.starts_at > end)).toBe(true);
    expect(sessions.every((s) => (s.status === "scheduled") === s.starts_at > end)).toBe(true);
    // Every session has a facilitator, and no facilitator has two sessions at the same time.
    const unstaffed = await db
      .selectFrom("sessions as s")
      .leftJoin("session_facilitators as sf", "sf.session_id", "s.id")
      .select("s.id")
      .where("sf.user_id", "is", null)
      .execute();
    expect(unstaffed).toEqual([]);
    const doubleBooked = await db
      .selectFrom("session_facilitators as a")
      .innerJoin("sessions as sa", "sa.id", "a.session_id")
      .innerJoin("session_facilitators as b", (join) =>
        join.onRef("b.user_id", "=", "a.user_id").onRef("b.session_id", ">", "a.session_id"),
      )
      .innerJoin("sessions as sb", "sb.id", "b.session_id")
      .select(["a.session_id", "b.session_id as other"])
      .whereRef("sa.starts_at", "<", "sb.ends_at")
      .whereRef("sb.starts_at", "<", "sa.ends_at")
      .execute();
    expect(doubleBooked).toEqual([]);
    // Ids advance past the explicit ones (the app's next insert does not collide).
    const next = await db
      .insertInto("requests")
      .values({
        school_id: 1,
        requester_id: (
          await db
            .selectFrom("users")
            .select("id")
            .where("role", "=", "school_leader")
            .where("school_id", "=", 1)
            .executeTakeFirstOrThrow()
        ).id,
        course_id: 1,
        group_count: 1,
        participants_per_group: 20,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(result.requests);
  }, 120_000);

  it("makes response ids that look random and never repeat", () => {
    const next = seededUuids(1, 1);
    const ids = Array.from({ length: 20_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(seededUuids(1, 2)()).not.toBe(seededUuids(1, 1)());
  });
});
