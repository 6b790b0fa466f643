import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOneTimeCodes, normalizeOneTimeCode } from "~/domain/feedback";
import { oneTimeCodeHash } from "~/lib/feedback-codes.server";
import { loadSessionFeedback } from "~/services/feedback.server";
import { createDb, type DB } from "../../db/connection";
import { rebuildFeedbackCounts } from "../../db/feedback-counts";
import { withSessionRollups } from "../../db/queries/feedback-rollup";
import { seedFeedbackForms } from "../../db/seed-feedback";
import { writeTransaction } from "../../db/write-transaction";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb, testDialect } from "../support/db";
import { feedbackBody, insertFeedbackSession, postFeedbackAnswer } from "../support/feedback";
import { ok } from "../support/responses";

let t: TestDb;
const connections: DB[] = [];

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  await seedFeedbackForms(t.db);
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.destroy()));
  await t.cleanup();
});

const SECRET = "test-secret-0123456789abcdef";

function answer(db: DB, code: string, clientAllowed = true, oneTimeCode?: string) {
  const form = new FormData();
  for (const [name, value] of feedbackBody({
    formVersion: "1",
    locale: "da",
    "answer.easy_to_understand": "yes_very",
    comment: "Godt",
    ...(oneTimeCode === undefined ? {} : { oneTimeCode }),
  })) {
    form.append(name, value);
  }
  return postFeedbackAnswer(db, {
    code,
    lang: "da",
    formData: form,
    cookieHeader: null,
    now: new Date(),
    secrets: [SECRET],
    clientAllowed,
  });
}

/** Attendance as the app registers it: the session's rollups move with it (no drift). */
function registerAttendance(sessionId: number, pupils: number) {
  return writeTransaction(t.db, (trx) =>
    withSessionRollups(trx, [sessionId], () =>
      trx
        .updateTable("sessions")
        .set({ attendance_pupils: pupils, status: "delivered" })
        .where("id", "=", sessionId)
        .execute(),
    ),
  );
}

const countOf = async (sessionId: number) =>
  Number(
    (
      await t.db
        .selectFrom("feedback_responses")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("session_id", "=", sessionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Counts the statements that insert answers (a handle with it is a writer of its own). */
let responseInserts = 0;
const countingResponseInserts: KyselyPlugin = {
  transformQuery({ node }) {
    if (
      node.kind === "InsertQueryNode" &&
      node.into?.table.identifier.name === "feedback_responses"
    ) {
      responseInserts++;
    }
    return node;
  },
  transformResult: async ({ result }) => result,
};

describe("the answer cap per session", () => {
  it("holds under 20 concurrent submissions on separate connections (attendance 8: cap 12)", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, {
      code: "CAPP22",
      facilitators: ["facilitator1@frirum.test"],
    });
    await registerAttendance(sessionId, 8);
    for (let i = 0; i < 20; i++) connections.push(createDb(t.url));
    const results = await Promise.all(connections.map((db) => answer(db, "CAPP22")));
    const saved = results.filter((r) => r.saved).length;
    expect(saved).toBe(12);
    expect(await countOf(sessionId)).toBe(12);
    const refused = results.filter((r) => !r.saved);
    expect(refused).toHaveLength(8);
    for (const result of refused) {
      if (result.saved) continue;
      expect(result.model).toMatchObject({ status: 409, view: "full" });
    }

    // The facilitator sees that answers exceed attendance.
    const page = ok(
      await loadSessionFeedback(t.db, await actorFor(t.db, "facilitator1@frirum.test"), sessionId, {
        appUrl: "http://frirum.test",
        now: new Date(),
      }),
    );
    expect(page).toMatchObject({ count: 12, attendance: 8, cap: 12 });
  });

  it("holds when 20 answers on one connection are written together in batches (cap 12); the counts stay exact", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "CAPB22" });
    await registerAttendance(sessionId, 8);
    const db = t.db.withPlugin(countingResponseInserts);
    responseInserts = 0;
    const results = await Promise.all(Array.from({ length: 20 }, () => answer(db, "CAPB22")));
    expect(results.filter((r) => r.saved)).toHaveLength(12);
    for (const result of results.filter((r) => !r.saved)) {
      if (!result.saved) expect(result.model).toMatchObject({ status: 409, view: "full" });
    }
    expect(await countOf(sessionId)).toBe(12);
    // Fewer insert statements than saved answers: they were written in batches.
    expect(responseInserts).toBeGreaterThan(0);
    expect(responseInserts).toBeLessThan(12);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);
  });

  it("lets one of two answers with the same one-time code in one batch win, the other valid code too", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "STRB22", strict: true });
    const codes = generateOneTimeCodes(2);
    await t.db
      .insertInto("one_time_codes")
      .values(
        codes.map((code) => ({
          id: crypto.randomUUID(),
          session_id: sessionId,
          code_hash: oneTimeCodeHash(SECRET, sessionId, normalizeOneTimeCode(code)),
          used: 0,
        })),
      )
      .execute();
    const db = t.db.withPlugin(countingResponseInserts);
    responseInserts = 0;
    const results = await Promise.all([
      answer(db, "STRB22", true, codes[0]),
      answer(db, "STRB22", true, codes[0]),
      answer(db, "STRB22", true, "ZZZZ-ZZZZ"),
      answer(db, "STRB22", true, codes[1]),
    ]);
    // Which of the two with the same code comes first in the batch is not fixed: one wins.
    const statusOf = (r: (typeof results)[number]) => (r.saved ? 303 : r.model.status);
    expect([statusOf(results[0]), statusOf(results[1])].sort()).toEqual([303, 409]);
    const loser = results[0].saved ? results[1] : results[0];
    expect(loser.saved ? null : loser.model.errors).toEqual({
      oneTimeCode: "feedback.oneTimeCode.used",
    });
    expect(statusOf(results[2])).toBe(422);
    expect(results[2].saved ? null : results[2].model.errors).toEqual({
      oneTimeCode: "feedback.oneTimeCode.invalid",
    });
    expect(statusOf(results[3])).toBe(303);
    // SQLite: all four in one batch, both accepted answers in one statement. (PostgreSQL's reads
    // wait on the network, so its batches may split.)
    if (testDialect() === "sqlite") expect(responseInserts).toBe(1);
    expect(await countOf(sessionId)).toBe(2);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);
  });

  it("uses the request's expected participants before attendance is registered", async () => {
    // insertFeedbackSession's request: 1 group of 25 -> cap ceil(1.5 * 25) = 38.
    const { sessionId } = await insertFeedbackSession(t.db, { code: "EXPT22" });
    for (let i = 0; i < 38; i++) expect((await answer(t.db, "EXPT22")).saved).toBe(true);
    const over = await answer(t.db, "EXPT22");
    expect(over.saved).toBe(false);
    expect(await countOf(sessionId)).toBe(38);
  });

  it("keeps what was typed and saves nothing when the client is over its limit", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "BSYY22" });
    const result = await answer(t.db, "BSYY22", false);
    expect(result.saved).toBe(false);
    if (result.saved) return;
    expect(result.model.status).toBe(429);
    expect(result.model.errors).toEqual({ form: "feedback.error.busy" });
    expect(result.model.draft?.answers).toEqual({ easy_to_understand: "yes_very" });
    expect(result.model.draft?.comment).toBe("Godt");
    expect(await countOf(sessionId)).toBe(0);
  });
});
