/**
 * The evaluation's per-session counts: kept in the same transaction as every answer, rebuilt from
 * the responses by `npm run db:rebuild-counts`, which exits non-zero when they did not match.
 */
import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { utcToCopenhagen } from "~/domain/timezone";
import { createDb, type DB } from "../../db/connection";
import { LISTED_DIFFERENCES, rebuildFeedbackCounts } from "../../db/feedback-counts";
import { recordSessionDelivery } from "../../db/queries/facilitator";
import { insertFeedbackResponses, type NewFeedbackResponse } from "../../db/queries/feedback";
import { updateSessionIfVersion } from "../../db/queries/sessions";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoSessions } from "../../db/seed-sessions";
import { writeTransaction } from "../../db/write-transaction";
import { createTestDb, type TestDb, testDialect } from "../support/db";
import { insertFeedbackSession, postFeedbackAnswer } from "../support/feedback";
import { runScript } from "../support/scripts";

const SECRET = "test-secret-0123456789abcdef";
const DAY = 86_400_000;

let t: TestDb;
/** Extra connections of a test (each its own writer), closed after it. */
let connections: DB[] = [];
beforeEach(async () => {
  t = await createTestDb({ seed: true });
  await seedFeedbackForms(t.db);
});
afterEach(async () => {
  await Promise.all(connections.map((c) => c.destroy()));
  connections = [];
  await t.cleanup();
});

/** `n` connections of their own to the test database, opened before a race starts. */
async function openConnections(n: number): Promise<DB[]> {
  const opened = Array.from({ length: n }, () => createDb(t.url, { poolSize: 1 }));
  connections.push(...opened);
  await Promise.all(opened.map((c) => sql`select 1`.execute(c)));
  return opened;
}

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
      postFeedbackAnswer(t.db, {
        code: "CNT222",
        lang: "da",
        formData: formData({ formVersion: "1", locale: "da", website: "", ...fields }),
        cookieHeader: null,
        now: new Date(),
        secrets: [SECRET],
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
    // Options in scale order: Ja, meget / Ja, lidt / Nej / Ved ikke; top box = "Ja, meget" + "Ja, lidt".
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
      row("knows_rights", 1, 0, 1, [0, 1, 0, 0]),
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
    // Three script runs, each starting tsx: seconds apiece on a busy machine.
  }, 120_000);

  it("finds and removes rollup rows of a term that has no sessions (the rebuild goes term by term)", async () => {
    await seedAnswers();
    const row = await t.db
      .selectFrom("feedback_session_rollup")
      .selectAll()
      .where("sessions", ">", 0)
      .limit(1)
      .executeTakeFirstOrThrow();
    const termRow = await t.db
      .selectFrom("feedback_item_term_rollup")
      .selectAll()
      .where("answers", ">", 0)
      .limit(1)
      .executeTakeFirstOrThrow();
    // Years before any session: rows no session explains.
    await t.db
      .insertInto("feedback_session_rollup")
      .values({ ...row, month: "2010-03" })
      .execute();
    await t.db
      .insertInto("feedback_item_term_rollup")
      .values({ ...termRow, term: "2009-08" })
      .execute();
    const drift = await rebuildFeedbackCounts(t.db, { write: false });
    expect(drift.differences).toBe(2);
    expect(drift.mismatches).toEqual([
      // Oldest term first.
      expect.stringMatching(/^item term rollup \w+\|2009-08\|.*rebuilt nothing$/),
      expect.stringMatching(/^session rollup \w+\|2010-03\|.*rebuilt nothing$/),
    ]);
    expect((await rebuildFeedbackCounts(t.db, { write: true })).differences).toBe(2);
    const left = await t.db
      .selectFrom("feedback_session_rollup")
      .select("month")
      .where("month", "=", "2010-03")
      .execute();
    expect(left).toEqual([]);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).differences).toBe(0);
  });

  it("counts every difference but lists only the first ones (a rebuild into empty tables differs in every row)", async () => {
    await seedAnswers();
    const removed =
      Number((await t.db.deleteFrom("feedback_item_counts").executeTakeFirst()).numDeletedRows) +
      Number((await t.db.deleteFrom("feedback_scale_sums").executeTakeFirst()).numDeletedRows);
    expect(removed).toBeGreaterThan(LISTED_DIFFERENCES);
    const drift = await rebuildFeedbackCounts(t.db, { write: false, batchSessions: 7 });
    expect(drift.mismatches).toHaveLength(LISTED_DIFFERENCES);
    expect(drift.differences).toBeGreaterThanOrEqual(removed);
    await rebuildFeedbackCounts(t.db, { write: true });
    expect((await rebuildFeedbackCounts(t.db, { write: false })).differences).toBe(0);
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

describe("term rollups follow the monthly ones", () => {
  /**
   * What the term rollups must hold, added up here in SQL from the monthly rollups (an
   * independent computation: the app derives them in TypeScript), next to what they hold.
   */
  async function termsAndExpected() {
    const term = sql<string>`substr(month, 1, 5) || CASE WHEN substr(month, 6, 2) >= '08' THEN '08' ELSE '01' END`;
    const rows = async (query: Promise<Array<Record<string, unknown>>>) =>
      (await query)
        .map((r) =>
          Object.values(r)
            .map((v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : String(v)))
            .join("|"),
        )
        .filter((r) => !/^([^|]*\|){4}(0\|)*0$/.test(r))
        .sort();
    const itemSums = [
      "sessions",
      "answers",
      "top_box",
      "option_1",
      "clusters",
      "top_box_sq_over_valid",
      "valid_sq",
      "attendance",
      "excluded_sessions",
    ] as const;
    const sessionSums = ["sessions", "with_attendance", "attendance", "small_sessions"] as const;
    const summed = (columns: readonly string[]) =>
      columns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
    return {
      items: await rows(
        t.db
          .selectFrom("feedback_item_term_rollup")
          .select(["audience", "term", "school_id", "item_key", ...itemSums])
          .execute(),
      ),
      expectedItems: await rows(
        t.db
          .selectFrom("feedback_item_rollup")
          .select(["audience", term.as("term"), "school_id", "item_key", ...summed(itemSums)])
          .groupBy(["audience", sql`2`, "school_id", "item_key", "form_version"])
          .execute(),
      ),
      sessions: await rows(
        t.db
          .selectFrom("feedback_session_term_rollup")
          .select(["audience", "term", "school_id", "form_version", ...sessionSums])
          .execute(),
      ),
      expectedSessions: await rows(
        t.db
          .selectFrom("feedback_session_rollup")
          .select([
            "audience",
            term.as("term"),
            "school_id",
            "form_version",
            ...summed(sessionSums),
          ])
          .groupBy(["audience", sql`2`, "school_id", "form_version"])
          .execute(),
      ),
    };
  }
  async function expectTermsKept() {
    const state = await termsAndExpected();
    expect(state.items.length).toBeGreaterThan(0);
    expect(state.items).toEqual(state.expectedItems);
    expect(state.sessions).toEqual(state.expectedSessions);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);
  }
  const termSessions = async (schoolId: number, term: string) =>
    Number(
      (
        await t.db
          .selectFrom("feedback_session_term_rollup")
          .select((eb) => eb.fn.sum<number>("sessions").as("n"))
          .where("school_id", "=", schoolId)
          .where("term", "=", term)
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );

  it("through answers, a move to the next term, attendance and a cancellation; the rebuild finds and repairs drift", async () => {
    await seedDemoSessions(t.db, new Date("2026-11-30T10:00:00Z"));
    await seedDemoFeedback(t.db, new Date("2026-11-30T10:00:00Z"));
    await expectTermsKept();
    const session = await t.db
      .selectFrom("sessions")
      .innerJoin("feedback_session_counts as c", "c.session_id", "sessions.id")
      .select(["sessions.id", "sessions.version", "sessions.school_id", "c.audience"])
      .where("c.responses", ">=", 5)
      .where("c.audience", "=", "pupils")
      .orderBy("sessions.id")
      .executeTakeFirstOrThrow();
    const move = (startsAt: string, version: number) =>
      t.db.transaction().execute((trx) =>
        updateSessionIfVersion(trx, session.id, version, {
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          bumpSequence: true,
          now: new Date().toISOString(),
        }),
      );
    // The last days of spring, then the first of autumn: the session changes term.
    await move("2025-07-30T08:00:00.000Z", session.version);
    const spring = await termSessions(session.school_id, "2025-01");
    const autumn = await termSessions(session.school_id, "2025-08");
    await expectTermsKept();
    await move("2025-08-01T08:00:00.000Z", session.version + 1);
    expect(await termSessions(session.school_id, "2025-01")).toBe(spring - 1);
    expect(await termSessions(session.school_id, "2025-08")).toBe(autumn + 1);
    await expectTermsKept();

    // More answers to it.
    await t.db.transaction().execute((trx) =>
      insertFeedbackResponses(
        trx,
        Array.from({ length: 3 }, (_, i) =>
          response(session.id, { learned_something_new: i === 0 ? "no" : "yes_very" }),
        ),
      ),
    );
    await expectTermsKept();

    // Attendance registered, then the session cancelled: it leaves the term rollups.
    await t.db.transaction().execute((trx) =>
      recordSessionDelivery(trx, {
        sessionId: session.id,
        expectedVersion: session.version + 2,
        attendance: {
          attendance_pupils: 30,
          attendance_parents: null,
          attendance_professionals: null,
        },
        note: "",
        now: new Date().toISOString(),
      }),
    );
    await expectTermsKept();
    await t.db.transaction().execute((trx) =>
      updateSessionIfVersion(trx, session.id, session.version + 3, {
        status: "cancelled",
        cancelledAt: new Date().toISOString(),
        bumpSequence: true,
        now: new Date().toISOString(),
      }),
    );
    expect(await termSessions(session.school_id, "2025-08")).toBe(autumn);
    await expectTermsKept();

    // Drift in a term rollup is found by the check and repaired by the rebuild.
    await t.db
      .updateTable("feedback_item_term_rollup")
      .set((eb) => ({ answers: eb("answers", "+", 1) }))
      .where("school_id", "=", session.school_id)
      .execute();
    const drift = await rebuildFeedbackCounts(t.db, { write: false });
    expect(drift.mismatches.some((m) => m.startsWith("item term rollup"))).toBe(true);
    expect((await rebuildFeedbackCounts(t.db, { write: true })).mismatches.length).toBeGreaterThan(
      0,
    );
    await expectTermsKept();
  });
});

describe("answers at once", () => {
  const pupilAnswer = (i: number) => ({
    learned_something_new: i % 4 === 0 ? "no" : "yes_very",
    knows_rights: "dont_know",
  });

  /**
   * On PostgreSQL the answers' transactions run SERIALIZABLE in parallel; those that collide on
   * the same count rows fail and are re-run (`writeTransaction`). A count written outside the
   * re-run callback, or a rollup computed from a stale read, would show here as a wrong total or
   * as a difference from the rebuild. On SQLite the same writers queue for the write lock.
   */
  it("counts each answer once while attendance is registered and the session moves", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "RACE22", closeDays: 60 });
    const session = await t.db
      .selectFrom("sessions")
      .select(["starts_at"])
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    // 35 days back: another month, still open for answers.
    const moved = new Date(Date.parse(session.starts_at) - 35 * DAY).toISOString();
    const direct = 10;
    const viaForm = 6;
    const total = direct + viaForm;
    const writers = await openConnections(total + 2);
    let runs = 0;

    const sessionVersion = async (trx: DB) =>
      (
        await trx
          .selectFrom("sessions")
          .select("version")
          .where("id", "=", sessionId)
          .executeTakeFirstOrThrow()
      ).version;
    await Promise.all([
      ...Array.from({ length: direct }, (_, i) =>
        writeTransaction(writers[i], async (trx) => {
          runs++;
          await insertFeedbackResponses(trx, [response(sessionId, pupilAnswer(i))]);
        }),
      ),
      ...Array.from({ length: viaForm }, async (_, j) => {
        const answer = pupilAnswer(direct + j);
        const result = await postFeedbackAnswer(writers[direct + j], {
          code: "RACE22",
          lang: "da",
          formData: formData({
            formVersion: "1",
            locale: "da",
            website: "",
            "answer.learned_something_new": answer.learned_something_new,
            "answer.knows_rights": answer.knows_rights,
          }),
          cookieHeader: null,
          now: new Date(),
          secrets: [SECRET],
        });
        expect(result.saved).toBe(true);
      }),
      writeTransaction(writers[total], async (trx) => {
        const updated = await recordSessionDelivery(trx, {
          sessionId,
          expectedVersion: await sessionVersion(trx),
          attendance: {
            attendance_pupils: 30,
            attendance_parents: null,
            attendance_professionals: null,
          },
          note: "",
          now: new Date().toISOString(),
        });
        expect(updated).toBe(true);
      }),
      writeTransaction(writers[total + 1], async (trx) => {
        const updated = await updateSessionIfVersion(trx, sessionId, await sessionVersion(trx), {
          startsAt: moved,
          endsAt: new Date(Date.parse(moved) + 90 * 60_000).toISOString(),
          bumpSequence: true,
          now: new Date().toISOString(),
        });
        expect(updated).toBe(true);
      }),
    ]);

    // Every fourth answer is "Nej" (the scale's third option); the rest "Ja, meget" (top box).
    const no = Array.from({ length: total }, (_, i) => pupilAnswer(i)).filter(
      (a) => a.learned_something_new === "no",
    ).length;
    expect(await sessionCounts(sessionId)).toEqual([
      { responses: total, comments: 0, form_version: 1, audience: "pupils" },
    ]);
    const counted = await itemCounts(sessionId);
    expect(counted.find((r) => r.item_key === "learned_something_new")).toMatchObject({
      answers: total,
      dont_know: 0,
      top_box: total - no,
      option_1: total - no,
      option_3: no,
    });
    expect(counted.find((r) => r.item_key === "knows_rights")).toMatchObject({
      answers: total,
      dont_know: total,
      top_box: 0,
      option_4: total,
    });
    // The rollups hold the session once, in the month it moved to, with its attendance.
    const rollup = await t.db
      .selectFrom("feedback_session_rollup")
      .select(["month", "respondents_with_attendance"])
      .where("respondents_with_attendance", "!=", 0)
      .execute();
    expect(rollup).toEqual([
      { month: utcToCopenhagen(moved).date.slice(0, 7), respondents_with_attendance: total },
    ]);
    const result = await rebuildFeedbackCounts(t.db, { write: false });
    expect(result.responses).toBe(total);
    expect(result.mismatches).toEqual([]);
    // PostgreSQL re-ran some of the colliding transactions; SQLite ran each once, in turn.
    if (testDialect() === "postgres") expect(runs).toBeGreaterThan(direct);
    else expect(runs).toBe(direct);
  });

  it("a rebuild that rewrites the counts while answers arrive loses none of them", async () => {
    await seedDemoSessions(t.db, new Date("2026-11-30T10:00:00Z"));
    const seeded = await seedDemoFeedback(t.db, new Date("2026-11-30T10:00:00Z"));
    const { sessionId } = await insertFeedbackSession(t.db, { code: "REBU22" });
    // Drift, so that the rebuild has something to rewrite.
    await t.db
      .updateTable("feedback_session_counts")
      .set((eb) => ({ responses: eb("responses", "+", 1) }))
      .execute();
    const answers = 8;
    const writers = await openConnections(answers + 1);
    const [rebuilt] = await Promise.all([
      rebuildFeedbackCounts(writers[answers], { write: true }),
      ...Array.from({ length: answers }, (_, i) =>
        writeTransaction(writers[i], (trx) =>
          insertFeedbackResponses(trx, [response(sessionId, pupilAnswer(i))]),
        ),
      ),
    ]);
    expect(rebuilt.mismatches.length).toBeGreaterThan(0);
    const checked = await rebuildFeedbackCounts(t.db, { write: false });
    expect(checked.mismatches).toEqual([]);
    expect(checked.responses).toBe(seeded.responses + answers);
    expect(await sessionCounts(sessionId)).toEqual([
      { responses: answers, comments: 0, form_version: 1, audience: "pupils" },
    ]);
  });
});

describe("npm run gen:scale", () => {
  it("writes seeded answers with their counts and rollups (the rebuild check finds them equal)", async () => {
    const env = { ...process.env, DATABASE_URL: t.url };
    const generated = await runScript(
      "scripts/gen-scale.ts",
      ["--answers", "3000", "--schools", "4", "--years", "1", "--seed", "7"],
      env,
    );
    expect(generated.output).toMatch(/^3000 answers in \d+ sessions/m);
    expect(generated.code).toBe(0);
    const stored = await t.db
      .selectFrom("feedback_responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3000);
    const checked = await runScript("scripts/rebuild-counts.ts", ["--check"], env);
    expect(checked.output).toContain("3000 responses");
    expect(checked.output).toContain("counts match");
    expect(checked.code).toBe(0);
  }, 180_000);
});
