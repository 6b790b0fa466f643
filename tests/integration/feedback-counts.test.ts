/**
 * The evaluation's per-session counts: kept in the same transaction as every answer, rebuilt from
 * the responses by `npm run db:rebuild-counts`, which exits non-zero when they did not match.
 */
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { submitFeedback } from "~/services/feedback-public.server";
import { rebuildFeedbackCounts } from "../../db/feedback-counts";
import { recordSessionDelivery } from "../../db/queries/facilitator";
import { insertFeedbackResponses, type NewFeedbackResponse } from "../../db/queries/feedback";
import { updateSessionIfVersion } from "../../db/queries/sessions";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoSessions } from "../../db/seed-sessions";
import { createTestDb, type TestDb } from "../support/db";
import { insertFeedbackSession } from "../support/feedback";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ seed: true });
  await seedFeedbackForms(t.db);
});
afterEach(async () => {
  await t.cleanup();
});

const itemCounts = (sessionId: number) =>
  t.db
    .selectFrom("feedback_item_counts")
    .select([
      "item_key",
      "answers",
      "dont_know",
      "top_box",
      "option_1",
      "option_2",
      "option_3",
      "option_4",
    ])
    .where("session_id", "=", sessionId)
    .orderBy("item_key")
    .execute();

const sessionCounts = (sessionId: number) =>
  t.db
    .selectFrom("feedback_session_counts")
    .select(["responses", "comments", "form_version", "audience"])
    .where("session_id", "=", sessionId)
    .execute();

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

function response(sessionId: number, answers: Record<string, string>): NewFeedbackResponse {
  return {
    sessionId,
    audience: "pupils",
    formVersion: 1,
    locale: "da",
    answers,
    comment: null,
    sessionDate: "2026-11-20",
  };
}

describe("counts written with each answer", () => {
  it("an answer on the public form adds to its session's counts", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "CNT222" });
    const submit = (fields: Record<string, string>) =>
      submitFeedback(t.db, {
        code: "CNT222",
        lang: "da",
        formData: formData({ formVersion: "1", locale: "da", website: "", ...fields }),
        cookieHeader: null,
        now: new Date(),
        secrets: ["test-secret-0123456789abcdef"],
      });
    expect(
      (
        await submit({
          "answer.learned_something_new": "yes_very",
          "answer.knows_rights": "yes_little",
          "answer.knows_where_to_get_help": "yes_very",
          "answer.trusted_adult_at_school": "dont_know",
          comment: "Godt",
        })
      ).saved,
    ).toBe(true);
    expect((await submit({ "answer.learned_something_new": "yes_very" })).saved).toBe(true);

    expect(await sessionCounts(sessionId)).toEqual([
      { responses: 2, comments: 1, form_version: 1, audience: "pupils" },
    ]);
    // Options in scale order: Ja, meget / Ja, lidt / Nej / Ved ikke; top box = "Ja, meget".
    const row = (item_key: string, answers: number, dk: number, top: number, o: number[]) => ({
      item_key,
      answers,
      dont_know: dk,
      top_box: top,
      option_1: o[0],
      option_2: o[1],
      option_3: o[2],
      option_4: o[3],
    });
    expect(await itemCounts(sessionId)).toEqual([
      row("knows_rights", 1, 0, 0, [0, 1, 0, 0]),
      row("knows_where_to_get_help", 1, 0, 1, [1, 0, 0, 0]),
      row("learned_something_new", 2, 0, 2, [2, 0, 0, 0]),
      row("trusted_adult_at_school", 1, 1, 0, [0, 0, 0, 1]),
    ]);
    // The first pupil answered 3 of the 4 scale items (not "Ved ikke"): score (3 + 2 + 3) / 3.
    // The second answered one: no scale score.
    const scale = await t.db
      .selectFrom("feedback_scale_sums")
      .selectAll()
      .where("session_id", "=", sessionId)
      .execute();
    expect(scale).toHaveLength(1);
    expect(scale[0].scale_key).toBe("pupils_knowledge_help");
    expect(scale[0].respondents).toBe(1);
    expect(scale[0].score_sum).toBeCloseTo(8 / 3, 12);
    expect(scale[0].score_sum_squares).toBeCloseTo(64 / 9, 12);
  });

  it("nothing is counted when the transaction with the answer fails", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "RLB222" });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertFeedbackResponses(trx, [response(sessionId, { felt_safe: "yes_very" })]);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    // A bad row in a batch stops the whole batch, counts included.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertFeedbackResponses(trx, [
          response(sessionId, { felt_safe: "yes_very" }),
          { ...response(sessionId, { felt_safe: "no" }), locale: "xx" },
        ]);
      }),
    ).rejects.toThrow();
    expect(await sessionCounts(sessionId)).toEqual([]);
    expect(await itemCounts(sessionId)).toEqual([]);
    const stored = await t.db.selectFrom("feedback_responses").select("id").execute();
    expect(stored).toEqual([]);
  });
});

describe("npm run db:rebuild-counts", () => {
  async function seedAnswers() {
    await seedDemoSessions(t.db, new Date("2026-11-30T10:00:00Z"));
    const seeded = await seedDemoFeedback(t.db, new Date("2026-11-30T10:00:00Z"));
    expect(seeded.responses).toBeGreaterThan(100);
    return seeded;
  }

  it("finds the counts kept at write time equal to counts rebuilt from the responses", async () => {
    const seeded = await seedAnswers();
    const result = await rebuildFeedbackCounts(t.db, { write: false, batchSessions: 3 });
    expect(result.responses).toBe(seeded.responses);
    expect(result.mismatches).toEqual([]);
  });

  it("reports drift, rebuilds, and then matches; the script exits 1 on drift", async () => {
    await seedAnswers();
    const some = await t.db
      .selectFrom("feedback_item_counts")
      .select(["session_id", "item_key"])
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("feedback_item_counts")
      .set((eb) => ({ option_2: eb("option_2", "+", 1) }))
      .where("session_id", "=", some.session_id)
      .where("item_key", "=", some.item_key)
      .execute();
    await t.db
      .deleteFrom("feedback_scale_sums")
      .where("session_id", "=", some.session_id)
      .execute();

    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/rebuild-counts.ts", ...args], {
        env: { ...process.env, DATABASE_URL: t.url },
        encoding: "utf8",
      });
    const checked = run("--check");
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain(`items ${some.session_id}|`);
    expect(checked.stdout).toContain(`scales ${some.session_id}|`);

    const rebuilt = run();
    expect(rebuilt.status).toBe(1);
    expect(rebuilt.stdout).toContain("counts rebuilt");
    const again = run("--check");
    expect(again.stdout).toContain("counts match");
    expect(again.status).toBe(0);
  });
});

describe("monthly rollups follow the sessions", () => {
  it("stay equal to a rebuild after a move to another month, attendance and a cancellation", async () => {
    await seedDemoSessions(t.db, new Date("2026-11-30T10:00:00Z"));
    await seedDemoFeedback(t.db, new Date("2026-11-30T10:00:00Z"));
    const session = await t.db
      .selectFrom("sessions")
      .innerJoin("feedback_session_counts as c", "c.session_id", "sessions.id")
      .select(["sessions.id", "sessions.version", "sessions.starts_at", "c.audience"])
      .where("c.responses", ">=", 5)
      .orderBy("sessions.id")
      .executeTakeFirstOrThrow();
    const monthsOf = async () =>
      (
        await t.db
          .selectFrom("feedback_session_rollup")
          .select(["month", "sessions"])
          .where("sessions", "!=", 0)
          .execute()
      )
        .map((r) => `${r.month}:${r.sessions}`)
        .sort();
    const before = await monthsOf();
    // Move it back a year: its contribution moves to the other month.
    const moved = new Date(Date.parse(session.starts_at) - 365 * 86_400_000).toISOString();
    await t.db.transaction().execute((trx) =>
      updateSessionIfVersion(trx, session.id, session.version, {
        startsAt: moved,
        endsAt: new Date(Date.parse(moved) + 3_600_000).toISOString(),
        bumpSequence: true,
        now: new Date().toISOString(),
      }),
    );
    expect(await monthsOf()).not.toEqual(before);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);

    // Attendance corrected: the response-rate parts follow.
    const attendance = {
      attendance_pupils: session.audience === "pupils" ? 40 : null,
      attendance_parents: session.audience === "parents" ? 40 : null,
      attendance_professionals: session.audience === "staff" ? 40 : null,
    };
    await t.db.transaction().execute((trx) =>
      recordSessionDelivery(trx, {
        sessionId: session.id,
        expectedVersion: session.version + 1,
        attendance,
        note: "",
        now: new Date().toISOString(),
      }),
    );
    const attended = await t.db
      .selectFrom("feedback_session_rollup")
      .select((eb) => eb.fn.sum<number>("attendance").as("n"))
      .where("month", "=", moved.slice(0, 7))
      .executeTakeFirstOrThrow();
    expect(Number(attended.n)).toBeGreaterThanOrEqual(40);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);

    // Cancelled: it leaves the rollups altogether.
    await t.db.transaction().execute((trx) =>
      updateSessionIfVersion(trx, session.id, session.version + 2, {
        status: "cancelled",
        cancelledAt: new Date().toISOString(),
        bumpSequence: true,
        now: new Date().toISOString(),
      }),
    );
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);
    expect(await monthsOf()).not.toContain(`${moved.slice(0, 7)}:1`);
  });
});
