import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionFeedback } from "~/services/feedback.server";
import { createDb, type DB } from "../../db/connection";
import { seedFeedbackForms } from "../../db/seed-feedback";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
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

function answer(db: DB, code: string, clientAllowed = true) {
  const form = new FormData();
  for (const [name, value] of feedbackBody({
    formVersion: "1",
    locale: "da",
    "answer.easy_to_understand": "yes_very",
    comment: "Godt",
  })) {
    form.append(name, value);
  }
  return postFeedbackAnswer(db, {
    code,
    lang: "da",
    formData: form,
    cookieHeader: null,
    now: new Date(),
    secrets: ["test-secret-0123456789abcdef"],
    clientAllowed,
  });
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

describe("the answer cap per session", () => {
  it("holds under 20 concurrent submissions on separate connections (attendance 8: cap 12)", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, {
      code: "CAPP22",
      facilitators: ["facilitator1@frirum.test"],
    });
    await t.db
      .updateTable("sessions")
      .set({ attendance_pupils: 8, status: "delivered" })
      .where("id", "=", sessionId)
      .execute();
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
