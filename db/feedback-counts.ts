/**
 * Rebuilding the per-session evaluation counts from the responses, and checking that the stored
 * counts match (`npm run db:rebuild-counts`). The only place outside the insert path that reads
 * answer rows; it is an offline check, never part of a page.
 */

import { type RollupDelta, termRollup } from "../app/domain/evaluation-rollup";
import type { FeedbackAudience } from "../app/domain/feedback-bank";
import { type CountDelta, countResponses } from "../app/domain/feedback-counts";
import type { DB } from "./connection";
import { addFeedbackCounts } from "./queries/feedback";
import {
  addRollups,
  loadFeedbackCounts,
  mergeRollups,
  sessionsRollup,
} from "./queries/feedback-rollup";
import { snapshotTransaction, tableLockTransaction } from "./write-transaction";

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

async function deleteCounts(db: DB, sessionIds: number[]) {
  for (const table of [
    "feedback_session_counts",
    "feedback_item_counts",
    "feedback_scale_sums",
  ] as const) {
    await db.deleteFrom(table).where("session_id", "in", sessionIds).execute();
  }
}

/** The tables the rebuild writes: while it runs, answers and session changes wait for it. */
const DERIVED_TABLES = [
  "feedback_session_counts",
  "feedback_item_counts",
  "feedback_scale_sums",
  "feedback_item_rollup",
  "feedback_scale_rollup",
  "feedback_session_rollup",
  "feedback_item_term_rollup",
  "feedback_scale_term_rollup",
  "feedback_session_term_rollup",
];

/**
 * Recomputes every session's counts from its responses and compares them with the stored ones.
 * With `write`, replaces the stored counts with the recomputed ones (in one transaction, during
 * which every writer of the counts waits); without, compares one snapshot while answers go on.
 */
export async function rebuildFeedbackCounts(
  db: DB,
  options: { write: boolean; batchSessions?: number },
): Promise<RebuildResult> {
  const batch = options.batchSessions ?? 200;
  const transaction = <T>(fn: (trx: DB) => Promise<T>) =>
    options.write ? tableLockTransaction(db, DERIVED_TABLES, fn) : snapshotTransaction(db, fn);
  return transaction(async (trx) => {
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
      const stored = keyed(await loadFeedbackCounts(trx, ids));
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
      const stored = keyed(await loadFeedbackCounts(trx, ids));
      compare("sessions", stored.sessions, new Map(), mismatches);
      if (options.write) await deleteCounts(trx, ids);
    }
    await rebuildRollups(trx, options.write, batch, mismatches);
    return { sessions: answered.length, responses, mismatches };
  });
}

function rollupMaps(delta: RollupDelta) {
  const k = (r: {
    audience: string;
    month: string;
    schoolId: number;
    courseId: number;
    formVersion: number;
  }) => `${r.audience}|${r.month}|school ${r.schoolId}|course ${r.courseId}|v${r.formVersion}`;
  return {
    items: new Map(
      delta.items.map((r) => [
        `${k(r)}|${r.itemKey}`,
        [
          r.sessions,
          r.answers,
          r.dontKnow,
          r.topBox,
          ...r.options,
          r.clusters,
          r.topBoxSqOverValid,
          r.validSq,
          r.answersWithAttendance,
          r.attendance,
          r.excludedSessions,
        ],
      ]),
    ),
    scales: new Map(
      delta.scales.map((r) => [
        `${k(r)}|${r.scaleKey}`,
        [r.sessions, r.respondents, r.scoreSum, r.scoreSumSquares, r.sumSqOverN, r.nSq],
      ]),
    ),
    sessions: new Map(
      delta.sessions.map((r) => [
        k(r),
        [
          r.sessions,
          r.withAttendance,
          r.attendance,
          r.respondentsWithAttendance,
          r.smallSessions,
          r.comments,
        ],
      ]),
    ),
  };
}

/** All-zero rows are the same as no row (a contribution taken away leaves zeros behind). */
function withoutZeros(map: Map<string, number[]>) {
  return new Map([...map].filter(([, values]) => values.some((v) => Math.abs(v) > 1e-9)));
}

/** The stored monthly rollups, or (`term`) the term rollups as rows of `termRollup`. */
async function storedRollups(db: DB, grain: "month" | "term"): Promise<RollupDelta> {
  const tables =
    grain === "month"
      ? ["feedback_item_rollup", "feedback_scale_rollup", "feedback_session_rollup"]
      : ["feedback_item_term_rollup", "feedback_scale_term_rollup", "feedback_session_term_rollup"];
  // Either grain's rows have the same value columns; only the key differs (read below).
  const read = (table: string) =>
    db
      .selectFrom(table as "feedback_item_rollup")
      .selectAll()
      .execute() as unknown as Promise<Array<Record<string, never>>>;
  const [items, scales, sessions] = await Promise.all(tables.map(read));
  const key = (r: Record<string, never>) => ({
    audience: r.audience,
    month: grain === "month" ? r.month : r.term,
    schoolId: r.school_id,
    courseId: grain === "month" ? r.course_id : 0,
    formVersion: r.form_version,
  });
  return {
    items: items.map((r) => ({
      ...key(r),
      itemKey: r.item_key,
      sessions: r.sessions,
      answers: r.answers,
      dontKnow: r.dont_know,
      topBox: r.top_box,
      options: [r.option_1, r.option_2, r.option_3, r.option_4, r.option_5, r.option_6],
      clusters: r.clusters,
      topBoxSqOverValid: r.top_box_sq_over_valid,
      validSq: r.valid_sq,
      answersWithAttendance: r.answers_with_attendance,
      attendance: r.attendance,
      excludedSessions: r.excluded_sessions,
    })),
    scales: scales.map((r) => ({
      ...key(r),
      scaleKey: r.scale_key,
      sessions: r.sessions,
      respondents: r.respondents,
      scoreSum: r.score_sum,
      scoreSumSquares: r.score_sum_squares,
      sumSqOverN: r.sum_sq_over_n,
      nSq: r.n_sq,
    })),
    sessions: sessions.map((r) => ({
      ...key(r),
      sessions: r.sessions,
      withAttendance: r.with_attendance,
      attendance: r.attendance,
      respondentsWithAttendance: r.respondents_with_attendance,
      smallSessions: r.small_sessions,
      comments: r.comments,
    })),
  };
}

function compareRollups(
  name: string,
  stored: RollupDelta,
  rebuilt: RollupDelta,
  mismatches: string[],
) {
  const have = rollupMaps(stored);
  const fresh = rollupMaps(rebuilt);
  for (const kind of ["item", "scale", "session"] as const) {
    const part = `${kind}s` as const;
    compare(`${kind} ${name}`, withoutZeros(have[part]), withoutZeros(fresh[part]), mismatches);
  }
}

/** Recomputes the monthly and term rollups from the sessions and their (stored) counts. */
async function rebuildRollups(db: DB, write: boolean, batch: number, mismatches: string[]) {
  const ids = (await db.selectFrom("sessions").select("id").orderBy("id").execute()).map(
    (r) => r.id,
  );
  const parts: RollupDelta[] = [];
  for (let i = 0; i < ids.length; i += batch) {
    parts.push(await sessionsRollup(db, ids.slice(i, i + batch)));
  }
  const rebuilt = mergeRollups(...parts);
  compareRollups("rollup", await storedRollups(db, "month"), rebuilt, mismatches);
  // The term rollups are the monthly ones added up per term (the same function as when kept).
  compareRollups(
    "term rollup",
    await storedRollups(db, "term"),
    mergeRollups(termRollup(rebuilt)),
    mismatches,
  );
  if (write) {
    await db.deleteFrom("feedback_item_rollup").execute();
    await db.deleteFrom("feedback_scale_rollup").execute();
    await db.deleteFrom("feedback_session_rollup").execute();
    await db.deleteFrom("feedback_item_term_rollup").execute();
    await db.deleteFrom("feedback_scale_term_rollup").execute();
    await db.deleteFrom("feedback_session_term_rollup").execute();
    // Writes both grains.
    await addRollups(db, rebuilt);
  }
}
