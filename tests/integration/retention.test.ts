import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runRetention } from "~/lib/retention.server";
import { rebuildFeedbackCounts } from "../../db/feedback-counts";
import { insertAuthSession, insertSignInToken } from "../../db/queries/auth";
import { insertFeedbackResponse } from "../../db/queries/feedback";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { insertFeedbackSession } from "../support/feedback";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ seed: true });
});
afterEach(async () => {
  await t.cleanup();
});

/** 2 December 2026, 10:00 in Copenhagen. */
const NOW = new Date("2026-12-02T09:00:00.000Z");

describe("the retention job", () => {
  it("deletes comments of sessions dated more than 24 months ago, keeps the answers", async () => {
    const { sessionId } = await insertFeedbackSession(t.db, { code: "RTNN22" });
    const respond = (sessionDate: string, comment: string | null) =>
      insertFeedbackResponse(t.db, {
        sessionId,
        audience: "pupils",
        formVersion: 1,
        locale: "da",
        answers: { easy_to_understand: "yes_very" },
        comment,
        sessionDate,
      });
    await respond("2024-11-30", "Gammel kommentar");
    await respond("2024-12-01", "Dagen før grænsen");
    await respond("2024-12-02", "På grænsen");
    await respond("2026-11-30", "Ny kommentar");
    await respond("2023-05-01", null);

    const result = await runRetention(t.db, { now: NOW, commentMonths: 24 });
    expect(result).toMatchObject({ cutoffDate: "2024-12-02", commentsDeleted: 2 });
    const rows = await t.db
      .selectFrom("feedback_responses")
      .select(["session_date", "comment", "answers"])
      .orderBy("session_date")
      .execute();
    expect(rows.map((r) => [r.session_date, r.comment])).toEqual([
      ["2023-05-01", null],
      ["2024-11-30", null],
      ["2024-12-01", null],
      ["2024-12-02", "På grænsen"],
      ["2026-11-30", "Ny kommentar"],
    ]);
    // The answers stay.
    expect(rows.every((r) => JSON.parse(r.answers).easy_to_understand === "yes_very")).toBe(true);

    // The evaluation's comment counts (and the rollups) follow: 4 comments, 2 deleted.
    const comments = async () =>
      (
        await t.db
          .selectFrom("feedback_session_counts")
          .select("comments")
          .where("session_id", "=", sessionId)
          .executeTakeFirstOrThrow()
      ).comments;
    expect(await comments()).toBe(2);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);

    // A shorter period is a setting.
    const again = await runRetention(t.db, { now: NOW, commentMonths: 1 });
    expect(again).toMatchObject({ cutoffDate: "2026-11-02", commentsDeleted: 1 });
    expect(await comments()).toBe(1);
    expect((await rebuildFeedbackCounts(t.db, { write: false })).mismatches).toEqual([]);
  });

  it("deletes expired sign-in links and sessions, keeps live ones", async () => {
    const user = await actorFor(t.db, "koordinator@frirum.test");
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
    await insertSignInToken(t.db, { tokenHash: "expired", userId: user.id, expiresAt: at(-1000) });
    await insertSignInToken(t.db, { tokenHash: "live", userId: user.id, expiresAt: at(60_000) });
    await insertAuthSession(t.db, { id: "old-session", userId: user.id, expiresAt: at(-1000) });
    await insertAuthSession(t.db, { id: "live-session", userId: user.id, expiresAt: at(60_000) });

    const result = await runRetention(t.db, { now: NOW, commentMonths: 24 });
    expect(result).toMatchObject({ signInTokensDeleted: 1, sessionsDeleted: 1 });
    const tokens = await t.db.selectFrom("sign_in_tokens").select("token_hash").execute();
    expect(tokens.map((r) => r.token_hash)).toEqual(["live"]);
    const sessions = await t.db.selectFrom("auth_sessions").select("id").execute();
    expect(sessions.map((r) => r.id)).toEqual(["live-session"]);
  });
});
