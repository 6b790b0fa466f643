/**
 * Rebuilding the per-session evaluation counts from the responses, and checking that the stored
 * counts match (`npm run db:rebuild-counts`). The only place outside the insert path that reads
 * answer rows; it is an offline check, never part of a page.
 */

import { sql } from "kysely";
import {
  monthsOfTerm,
  type RollupDelta,
  termOf,
  termRollup,
} from "../app/domain/evaluation-rollup";
import type { FeedbackAudience } from "../app/domain/feedback-bank";
import { type CountDelta, countResponses, EMPTY_COUNTS } from "../app/domain/feedback-counts";
import { utcToCopenhagen } from "../app/domain/timezone";
import type { DB } from "./connection";
import { analyzeTables } from "./dialect";
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
  /**
   * Human-readable differences between stored and rebuilt counts (empty = they matched): the
   * first LISTED_DIFFERENCES of them (a rebuild into empty tables differs in every row).
   */
  mismatches: string[];
  /** How many differences there were in all. */
  differences: number;
}

export const LISTED_DIFFERENCES = 100;

export type RebuildProgress =
  | { step: "counts"; sessions: number; of: number; responses: number }
  | { step: "rollups"; term: string; sessions: number };

/**
 * A progress printer for the scripts: every term's rollups, and the counts at most every 30
 * seconds (a national data set takes a while).
 */
export function printRebuildProgress(print: (line: string) => void = console.log) {
  const started = performance.now();
  let printed = 0;
  return (p: RebuildProgress) => {
    const now = performance.now();
    if (p.step === "counts" && now - printed < 30_000) return;
    printed = now;
    const seconds = Math.round((now - started) / 1000);
    print(
      p.step === "counts"
        ? `  counts: ${p.sessions} of ${p.of} sessions (${p.responses} responses), ${seconds} s`
        : `  rollups: term ${p.term} (${p.sessions} sessions), ${seconds} s`,
    );
  };
}

/** Differences found so far: counted, and the first ones kept as text. */
class Differences {
  readonly listed: string[] = [];
  count = 0;
  add(line: string) {
    this.count++;
    if (this.listed.length < LISTED_DIFFERENCES) this.listed.push(line);
  }
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

function compare(table: string, stored: Keyed, rebuilt: Keyed, out: Differences) {
  for (const [key, value] of rebuilt) {
    const have = stored.get(key);
    if (!same(have, value)) {
      out.add(
        `${table} ${key}: stored ${have?.join("/") ?? "nothing"}, rebuilt ${value.join("/")}`,
      );
    }
  }
  for (const [key, value] of stored) {
    if (!rebuilt.has(key)) out.add(`${table} ${key}: stored ${value.join("/")}, rebuilt nothing`);
  }
}

const COUNT_TABLES = [
  "feedback_session_counts",
  "feedback_item_counts",
  "feedback_scale_sums",
] as const;

async function countsAreEmpty(db: DB): Promise<boolean> {
  for (const table of COUNT_TABLES) {
    if (await db.selectFrom(table).select("session_id").limit(1).executeTakeFirst()) return false;
  }
  return true;
}

async function deleteCounts(db: DB, sessionIds: number[]) {
  for (const table of COUNT_TABLES) {
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
  options: {
    write: boolean;
    batchSessions?: number;
    /** Called after each batch of counted sessions and after each term's rollups. */
    onProgress?: (progress: RebuildProgress) => void;
  },
): Promise<RebuildResult> {
  const batch = options.batchSessions ?? 1000;
  const progress = options.onProgress ?? (() => undefined);
  const transaction = <T>(fn: (trx: DB) => Promise<T>) =>
    options.write ? tableLockTransaction(db, DERIVED_TABLES, fn) : snapshotTransaction(db, fn);
  return transaction(async (trx) => {
    const answered =
      // In id order: a batch's answers were written together, so it reads neighbouring pages.
      (
        await trx
          .selectFrom("feedback_responses")
          .select("session_id")
          .distinct()
          .orderBy("session_id")
          .execute()
      ).map((r) => r.session_id);
    const counted = (
      await trx.selectFrom("feedback_session_counts").select("session_id").distinct().execute()
    ).map((r) => r.session_id);
    const answeredSet = new Set(answered);
    const orphans = counted.filter((id) => !answeredSet.has(id));
    const differences = new Differences();
    let responses = 0;
    // Nothing stored yet (the first build, as after gen:scale): every rebuilt row is a
    // difference, and there is nothing to read or delete batch by batch.
    const nothingStored = await countsAreEmpty(trx);
    const read = (ids: number[]) =>
      Promise.all([
        trx
          .selectFrom("feedback_responses")
          .select(["session_id", "audience", "form_version", "answers", "comment"])
          .where("session_id", "in", ids)
          .execute(),
        nothingStored ? EMPTY_COUNTS : loadFeedbackCounts(trx, ids),
      ]);
    // The next batch is read while this one is counted and written (disjoint sessions): the
    // database works while Node counts, instead of each waiting for the other.
    let next = read(answered.slice(0, batch));
    for (let i = 0; i < answered.length; i += batch) {
      const ids = answered.slice(i, i + batch);
      const [rows, storedCounts] = await next;
      if (i + batch < answered.length) {
        next = read(answered.slice(i + batch, i + 2 * batch));
        // Awaited in the next round; this only keeps a failure from being reported as unhandled
        // while this round's writes run.
        next.catch(() => undefined);
      }
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
      const stored = keyed(storedCounts);
      const fresh = keyed(rebuilt);
      compare("sessions", stored.sessions, fresh.sessions, differences);
      compare("items", stored.items, fresh.items, differences);
      compare("scales", stored.scales, fresh.scales, differences);
      if (options.write) {
        if (!nothingStored) await deleteCounts(trx, ids);
        await addFeedbackCounts(trx, rebuilt);
      }
      progress({
        step: "counts",
        sessions: i + ids.length,
        of: answered.length,
        responses,
      });
    }
    for (let i = 0; i < orphans.length; i += batch) {
      const ids = orphans.slice(i, i + batch);
      const stored = keyed(await loadFeedbackCounts(trx, ids));
      compare("sessions", stored.sessions, new Map(), differences);
      if (options.write) await deleteCounts(trx, ids);
    }
    // The rollups below read the counts session by session: with statistics from before the
    // rebuild (an empty table, after gen:scale) PostgreSQL would scan every count for each batch.
    if (options.write) await analyzeTables(trx, COUNT_TABLES);
    await rebuildRollups(trx, options.write, batch, differences, progress);
    return {
      sessions: answered.length,
      responses,
      mismatches: differences.listed,
      differences: differences.count,
    };
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

/**
 * The stored monthly rollups of one term's months, or (`term`) the term's rollups as rows of
 * `termRollup`.
 */
async function storedRollups(db: DB, grain: "month" | "term", term: string): Promise<RollupDelta> {
  const tables =
    grain === "month"
      ? ["feedback_item_rollup", "feedback_scale_rollup", "feedback_session_rollup"]
      : ["feedback_item_term_rollup", "feedback_scale_term_rollup", "feedback_session_term_rollup"];
  const { first, last } = monthsOfTerm(term);
  // Either grain's rows have the same value columns; only the key differs (read below).
  const read = (table: string) => {
    const rows = db.selectFrom(table as "feedback_item_rollup").selectAll();
    return (grain === "month"
      ? rows.where("month", ">=", first).where("month", "<=", last)
      : rows.where(sql.ref("term"), "=", term)
    ).execute() as unknown as Promise<Array<Record<string, never>>>;
  };
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
  differences: Differences,
) {
  const have = rollupMaps(stored);
  const fresh = rollupMaps(rebuilt);
  for (const kind of ["item", "scale", "session"] as const) {
    const part = `${kind}s` as const;
    compare(`${kind} ${name}`, withoutZeros(have[part]), withoutZeros(fresh[part]), differences);
  }
}

/** Every term that has sessions or stored rollup rows, oldest first, with its sessions. */
async function sessionsByTerm(db: DB): Promise<Map<string, number[]>> {
  const terms = new Map<string, number[]>();
  const sessionsOf = (term: string) => {
    let ids = terms.get(term);
    if (!ids) {
      ids = [];
      terms.set(term, ids);
    }
    return ids;
  };
  // The month as the rollups place a session (loadSessionRollupState): in Copenhagen time.
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "starts_at"])
    .orderBy("id")
    .execute();
  for (const s of sessions)
    sessionsOf(termOf(utcToCopenhagen(s.starts_at).date.slice(0, 7))).push(s.id);
  // Stored rows of a term without sessions are differences too (and removed by a rebuild).
  for (const table of [
    "feedback_item_rollup",
    "feedback_scale_rollup",
    "feedback_session_rollup",
  ] as const) {
    for (const r of await db.selectFrom(table).select("month").distinct().execute()) {
      sessionsOf(termOf(r.month));
    }
  }
  for (const table of [
    "feedback_item_term_rollup",
    "feedback_scale_term_rollup",
    "feedback_session_term_rollup",
  ] as const) {
    for (const r of await db.selectFrom(table).select("term").distinct().execute()) {
      sessionsOf(r.term);
    }
  }
  return new Map([...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Recomputes the monthly and term rollups from the sessions and their (stored) counts, one term
 * at a time: a session's rows all fall in its own month and term, so a term's rows are complete
 * once its sessions are added up, and memory holds one term, not ten years.
 */
async function rebuildRollups(
  db: DB,
  write: boolean,
  batch: number,
  differences: Differences,
  progress: (progress: RebuildProgress) => void,
) {
  for (const [term, ids] of await sessionsByTerm(db)) {
    const parts: RollupDelta[] = [];
    for (let i = 0; i < ids.length; i += batch) {
      parts.push(await sessionsRollup(db, ids.slice(i, i + batch)));
    }
    const rebuilt = mergeRollups(...parts);
    compareRollups("rollup", await storedRollups(db, "month", term), rebuilt, differences);
    // The term rollups are the monthly ones added up per term (the same function as when kept).
    compareRollups(
      "term rollup",
      await storedRollups(db, "term", term),
      mergeRollups(termRollup(rebuilt)),
      differences,
    );
    if (write) {
      const { first, last } = monthsOfTerm(term);
      for (const table of [
        "feedback_item_rollup",
        "feedback_scale_rollup",
        "feedback_session_rollup",
      ] as const) {
        await db.deleteFrom(table).where("month", ">=", first).where("month", "<=", last).execute();
      }
      for (const table of [
        "feedback_item_term_rollup",
        "feedback_scale_term_rollup",
        "feedback_session_term_rollup",
      ] as const) {
        await db.deleteFrom(table).where("term", "=", term).execute();
      }
      // Writes both grains.
      await addRollups(db, rebuilt);
    }
    progress({ step: "rollups", term, sessions: ids.length });
  }
}
