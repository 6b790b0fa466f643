/**
 * The national-scale generator (db/generate/scale.ts): seeded and deterministic, exact answer
 * counts, and the data the staff pages need (requests in every state, facilitators who are never
 * in two places at once, scheduled sessions ahead). Its counts and rollups are checked by the
 * rebuild test in feedback-counts.test.ts.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { audienceScale } from "../../app/domain/evaluation-scales";
import { FEEDBACK_SCALES, type FeedbackAudience } from "../../app/domain/feedback-bank";
import { createDb, type DB } from "../../db/connection";
import { rebuildFeedbackCounts } from "../../db/feedback-counts";
import {
  DONT_KNOW_RATE,
  itemChoices,
  pickAnswer,
  SKIP_RATE,
} from "../../db/generate/feedback-answers";
import { generateScaleData } from "../../db/generate/scale";
import { pickAnswerSql, responseUuid } from "../../db/generate/scale-answers";
import { findLatestFeedbackForm } from "../../db/queries/feedback";
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

const formKeys = async (db: DB, audience: FeedbackAudience) => {
  const form = await findLatestFeedbackForm(db, audience);
  if (!form) throw new Error(`no ${audience} form`);
  const items = await db
    .selectFrom("feedback_items")
    .select("key")
    .where("form_id", "=", form.id)
    .execute();
  return { version: form.version, keys: items.map((i) => i.key) };
};

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

/** Ids in the app's form from the seed, session and respondent; answers at the demo's rates. */
async function expectIdsAndAnswers(db: DB, seed: number) {
  const rows = await db
    .selectFrom("feedback_responses")
    .select(["id", "session_id"])
    .orderBy("session_id")
    .execute();
  const bySession = new Map<number, Set<string>>();
  for (const r of rows) {
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    bySession.set(r.session_id, (bySession.get(r.session_id) ?? new Set()).add(r.id));
  }
  // Respondents 1..n of each session, whichever database made them.
  for (const [sessionId, ids] of bySession) {
    const expected = Array.from({ length: ids.size }, (_, i) =>
      responseUuid(seed, sessionId, i + 1),
    );
    expect(new Set(expected)).toEqual(ids);
  }
  expect(responseUuid(seed, 1, 1)).not.toBe(responseUuid(seed + 1, 1, 1));
  // The answers are the form's items with its scale's values, skipped and "Ved ikke" at their
  // rates (about 16,000 item answers: a wrong cut point moves these by far more than 1%).
  const answers = await db
    .selectFrom("feedback_responses")
    .select(["audience", "answers"])
    .execute();
  const keysOf = new Map<string, string[]>();
  for (const audience of ["pupils", "parents", "staff"] as const) {
    keysOf.set(audience, (await formKeys(db, audience)).keys);
  }
  let slots = 0;
  let skipped = 0;
  let dontKnow = 0;
  for (const r of answers) {
    const audience = r.audience as FeedbackAudience;
    const keys = keysOf.get(audience) ?? [];
    const options = FEEDBACK_SCALES[audienceScale(audience)].options;
    const given = JSON.parse(r.answers) as Record<string, string>;
    for (const [key, value] of Object.entries(given)) {
      expect(keys).toContain(key);
      expect(options.map((o) => o.value)).toContain(value);
      if (options.find((o) => o.value === value)?.isDontKnow) dontKnow++;
    }
    slots += keys.length;
    skipped += keys.length - Object.keys(given).length;
  }
  expect(Math.abs(skipped / slots - SKIP_RATE)).toBeLessThan(0.01);
  expect(Math.abs(dontKnow / slots - (1 - SKIP_RATE) * DONT_KNOW_RATE)).toBeLessThan(0.01);
  // Counts and rollups were rebuilt from the rows: the check finds nothing to fix.
  const check = await rebuildFeedbackCounts(db, { write: false });
  expect(check.mismatches).toEqual([]);
  expect(check.responses).toBe(2000);
}
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
    await expectIdsAndAnswers(a.db, 3);
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

  it("picks the same answer in SQL as in TypeScript for every draw", async () => {
    const database = await createTestDatabase();
    const db = createDb(database.url);
    opened.push({ db, database });
    for (const [audience, key] of [
      ["pupils", "knows_where_to_get_help"],
      ["staff", "knows_what_to_do"],
      ["parents", "any_item"],
    ] as const) {
      for (const effect of [-0.1, 0, 0.07]) {
        const choices = itemChoices(audience, "standard", key, effect);
        const draws = Array.from({ length: 200 }, (_, i) => (i + 0.5) / 200);
        const cases = draws.map(
          (u, i) => `${pickAnswerSql(choices, key, `${u}`, `${choices.topChance}`)} AS v${i}`,
        );
        const row = (await sql.raw(`SELECT ${cases.join(", ")}`).execute(db)).rows[0] as Record<
          string,
          string | null
        >;
        draws.forEach((u, i) => {
          const value = pickAnswer(choices, u);
          expect(row[`v${i}`], `${audience} ${effect} ${u}`).toBe(
            value === null ? null : JSON.stringify({ [key]: value }).slice(1, -1),
          );
        });
      }
    }
  });
});
