/**
 * Rebuilding the per-session evaluation counts from the responses, and checking that the stored
 * counts match (`npm run db:rebuild-counts`). The only place outside the insert path that reads
 * answer rows; it is an offline check, never part of a page.
 */

import type { FeedbackAudience } from "../app/domain/feedback-bank";
import { type CountDelta, countResponses } from "../app/domain/feedback-counts";
import type { DB } from "./connection";
import { addFeedbackCounts } from "./queries/feedback";

export interface RebuildResult {
  sessions: number;
  responses: number;
  /** Human-readable differences between stored and rebuilt counts (empty = they matched). */
  mismatches: string[];
}

type Keyed = Map<string, number[]>;

function keyed(delta: CountDelta): { sessions: Keyed; items: Keyed; scales: Keyed } {
  return {
    sessions: new Map(
      delta.sessions.map((r) => [
        `${r.sessionId}|${r.audience}|${r.formVersion}`,
        [r.responses, r.comments],
      ]),
    ),
    items: new Map(
      delta.items.map((r) => [
        `${r.sessionId}|${r.audience}|${r.formVersion}|${r.itemKey}`,
        [r.answers, r.dontKnow, r.topBox, ...r.options],
      ]),
    ),
    scales: new Map(
      delta.scales.map((r) => [
        `${r.sessionId}|${r.audience}|${r.formVersion}|${r.scaleKey}`,
        [r.respondents, r.scoreSum, r.scoreSumSquares],
      ]),
    ),
  };
}

function same(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => Math.abs(x - b[i]) <= 1e-6 * Math.max(1, Math.abs(x)));
}

function compare(table: string, stored: Keyed, rebuilt: Keyed, out: string[]) {
  for (const [key, value] of rebuilt) {
    const have = stored.get(key);
    if (!same(have, value)) {
      out.push(
        `${table} ${key}: stored ${have?.join("/") ?? "nothing"}, rebuilt ${value.join("/")}`,
      );
    }
  }
  for (const [key, value] of stored) {
    if (!rebuilt.has(key)) out.push(`${table} ${key}: stored ${value.join("/")}, rebuilt nothing`);
  }
}

async function storedCounts(db: DB, sessionIds: number[]): Promise<CountDelta> {
  const [sessions, items, scales] = await Promise.all([
    db
      .selectFrom("feedback_session_counts")
      .selectAll()
      .where("session_id", "in", sessionIds)
      .execute(),
    db
      .selectFrom("feedback_item_counts")
      .selectAll()
      .where("session_id", "in", sessionIds)
      .execute(),
    db
      .selectFrom("feedback_scale_sums")
      .selectAll()
      .where("session_id", "in", sessionIds)
      .execute(),
  ]);
  return {
    sessions: sessions.map((r) => ({
      sessionId: r.session_id,
      audience: r.audience,
      formVersion: r.form_version,
      responses: r.responses,
      comments: r.comments,
    })),
    items: items.map((r) => ({
      sessionId: r.session_id,
      audience: r.audience,
      formVersion: r.form_version,
      itemKey: r.item_key,
      answers: r.answers,
      dontKnow: r.dont_know,
      topBox: r.top_box,
      options: [r.option_1, r.option_2, r.option_3, r.option_4, r.option_5, r.option_6],
    })),
    scales: scales.map((r) => ({
      sessionId: r.session_id,
      audience: r.audience,
      formVersion: r.form_version,
      scaleKey: r.scale_key,
      respondents: r.respondents,
      scoreSum: r.score_sum,
      scoreSumSquares: r.score_sum_squares,
    })),
  };
}

async function deleteCounts(db: DB, sessionIds: number[]) {
  for (const table of [
    "feedback_session_counts",
    "feedback_item_counts",
    "feedback_scale_sums",
  ] as const) {
    await db.deleteFrom(table).where("session_id", "in", sessionIds).execute();
  }
}

/**
 * Recomputes every session's counts from its responses and compares them with the stored ones.
 * With `write`, replaces the stored counts with the recomputed ones (in one transaction).
 */
export async function rebuildFeedbackCounts(
  db: DB,
  options: { write: boolean; batchSessions?: number },
): Promise<RebuildResult> {
  const batch = options.batchSessions ?? 200;
  return db.transaction().execute(async (trx) => {
    const answered = (
      await trx.selectFrom("feedback_responses").select("session_id").distinct().execute()
    ).map((r) => r.session_id);
    const counted = (
      await trx.selectFrom("feedback_session_counts").select("session_id").distinct().execute()
    ).map((r) => r.session_id);
    const answeredSet = new Set(answered);
    const orphans = counted.filter((id) => !answeredSet.has(id));
    const mismatches: string[] = [];
    let responses = 0;
    for (let i = 0; i < answered.length; i += batch) {
      const ids = answered.slice(i, i + batch);
      const rows = await trx
        .selectFrom("feedback_responses")
        .select(["session_id", "audience", "form_version", "answers", "comment"])
        .where("session_id", "in", ids)
        .execute();
      responses += rows.length;
      const rebuilt = countResponses(
        rows.map((r) => ({
          sessionId: r.session_id,
          audience: r.audience as FeedbackAudience,
          formVersion: r.form_version,
          answers: JSON.parse(r.answers) as Record<string, string>,
          hasComment: r.comment !== null && r.comment !== "",
        })),
      );
      const stored = keyed(await storedCounts(trx, ids));
      const fresh = keyed(rebuilt);
      compare("sessions", stored.sessions, fresh.sessions, mismatches);
      compare("items", stored.items, fresh.items, mismatches);
      compare("scales", stored.scales, fresh.scales, mismatches);
      if (options.write) {
        await deleteCounts(trx, ids);
        await addFeedbackCounts(trx, rebuilt);
      }
    }
    for (let i = 0; i < orphans.length; i += batch) {
      const ids = orphans.slice(i, i + batch);
      const stored = keyed(await storedCounts(trx, ids));
      compare("sessions", stored.sessions, new Map(), mismatches);
      if (options.write) await deleteCounts(trx, ids);
    }
    return { sessions: answered.length, responses, mismatches };
  });
}
