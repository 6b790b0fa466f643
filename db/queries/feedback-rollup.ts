/**
 * Keeping the monthly evaluation rollups (app/domain/evaluation-rollup.ts) in step: every write
 * that changes a session's answers, month, status or attendance runs inside
 * `withSessionRollups`, which takes the session's old contribution away and adds the new one, in
 * the caller's transaction. Today that is insertFeedbackResponses, updateSessionIfVersion,
 * recordSessionDelivery and clearCommentsBefore (retention); a new kind of session change must do
 * the same (the rebuild script finds drift).
 *
 * The old contribution is read, not derived, so the caller's transaction must keep it from
 * changing before the commit: the services use `writeTransaction` (SQLite: the write lock;
 * PostgreSQL: SERIALIZABLE, where a concurrent change makes one transaction fail and re-run from
 * the start). A plain transaction is enough only for a single writer (seeds).
 */
import { sql } from "kysely";
import {
  EMPTY_ROLLUP,
  type ItemRollupRow,
  negateRollup,
  type RollupDelta,
  type RollupKey,
  type RollupSession,
  type ScaleRollupRow,
  type SessionRollupRow,
  sessionRollup,
  termRollup,
} from "../../app/domain/evaluation-rollup";
import type { FeedbackAudience } from "../../app/domain/feedback-bank";
import { addCountDeltas, type CountDelta, EMPTY_COUNTS } from "../../app/domain/feedback-counts";
import { utcToCopenhagen } from "../../app/domain/timezone";
import type { DB } from "../connection";
import { type ReusableQuery, reusableQuery } from "../reusable-query";
import type { Audience } from "../schema";

const sessionCountsOf = reusableQuery((db: DB, ids: number[]) =>
  db.selectFrom("feedback_session_counts").selectAll().where("session_id", "in", ids),
);
const itemCountsOf = reusableQuery((db: DB, ids: number[]) =>
  db.selectFrom("feedback_item_counts").selectAll().where("session_id", "in", ids),
);
const scaleSumsOf = reusableQuery((db: DB, ids: number[]) =>
  db.selectFrom("feedback_scale_sums").selectAll().where("session_id", "in", ids),
);

/** The stored per-session counts of some sessions. */
export async function loadFeedbackCounts(
  db: DB,
  sessionIds: readonly number[],
): Promise<CountDelta> {
  if (sessionIds.length === 0) return { sessions: [], items: [], scales: [] };
  const ids = [...sessionIds];
  const [sessions, items, scales] = await Promise.all([
    sessionCountsOf.rows(db, ids),
    itemCountsOf.rows(db, ids),
    scaleSumsOf.rows(db, ids),
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

/** A session's facts that place it in the rollups, with its stored counts. */
export interface SessionRollupState {
  sessions: { id: number; session: RollupSession }[];
  counts: CountDelta;
}

/** The columns that place a session in the rollups (sessions as s joined to courses as c). */
const rollupSessionColumns = [
  "s.id",
  "s.school_id",
  "s.course_id",
  "s.starts_at",
  "s.status",
  "s.attendance_pupils",
  "s.attendance_parents",
  "s.attendance_professionals",
  sql<Audience>`coalesce(c.feedback_form_audience, c.audience)`.as("audience"),
] as const;

const rollupSessionsOf = reusableQuery((db: DB, ids: number[]) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select(rollupSessionColumns)
    .where("s.id", "in", ids),
);

type RollupSessionRow = {
  id: number;
  school_id: number;
  course_id: number;
  starts_at: string;
  status: string;
  attendance_pupils: number | null;
  attendance_parents: number | null;
  attendance_professionals: number | null;
  audience: Audience;
};

function rollupSessionOf(s: RollupSessionRow): { id: number; session: RollupSession } {
  return {
    id: s.id,
    session: {
      schoolId: s.school_id,
      courseId: s.course_id,
      courseAudience: s.audience as FeedbackAudience,
      month: utcToCopenhagen(s.starts_at).date.slice(0, 7),
      cancelled: s.status === "cancelled",
      attendance: {
        pupils: s.attendance_pupils,
        parents: s.attendance_parents,
        staff: s.attendance_professionals,
      },
    },
  };
}

/** Reads what the rollups of some sessions are computed from. */
export async function loadSessionRollupState(
  db: DB,
  sessionIds: readonly number[],
): Promise<SessionRollupState> {
  if (sessionIds.length === 0) return { sessions: [], counts: EMPTY_COUNTS };
  const ids = [...new Set(sessionIds)];
  const [sessions, counts] = await Promise.all([
    rollupSessionsOf.rows(db, ids),
    loadFeedbackCounts(db, ids),
  ]);
  return { sessions: sessions.map(rollupSessionOf), counts };
}

const answerSessionOf = reusableQuery((db: DB, id: number) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("requests as r", "r.id", "s.request_id")
    .select(rollupSessionColumns)
    .select(["r.group_count", "r.participants_per_group"])
    .where("s.id", "=", id),
);

/** What an answer's transaction reads once: the session's rollup state and its cap facts. */
export interface AnswerSessionState {
  /** The rollup state to pass on to `insertFeedbackResponses` (counts as stored now). */
  rollup: SessionRollupState;
  /** The session's stored number of answers (as `countFeedbackResponses`). */
  responses: number;
  /** Registered attendance per audience column, null where not registered. */
  attendance: [pupils: number | null, professionals: number | null, parents: number | null];
  /** The request's groups x participants per group. */
  expected: number;
}

/**
 * One session's state for taking an answer: the rows the cap is checked against and the rows the
 * rollups move from, read in one pass (the answer path used to read the cap facts, the count and
 * the rollup state separately: the same rows three times). Undefined for an unknown session.
 * Call inside the write transaction that inserts the answer.
 */
export async function loadAnswerSessionState(
  db: DB,
  sessionId: number,
): Promise<AnswerSessionState | undefined> {
  const [session, counts] = await Promise.all([
    answerSessionOf.first(db, sessionId),
    loadFeedbackCounts(db, [sessionId]),
  ]);
  if (!session) return undefined;
  let responses = 0;
  for (const row of counts.sessions) responses += Number(row.responses);
  return {
    rollup: { sessions: [rollupSessionOf(session)], counts },
    responses,
    attendance: [
      session.attendance_pupils,
      session.attendance_professionals,
      session.attendance_parents,
    ],
    expected: (session.group_count ?? 0) * (session.participants_per_group ?? 0),
  };
}

/** What sessions in a given state contribute to the rollups. */
export function rollupOfState(state: SessionRollupState): RollupDelta {
  const result: RollupDelta = { items: [], scales: [], sessions: [] };
  // Grouped once: filtering the counts per session would be quadratic in a batch's size.
  const bySession = <T extends { sessionId: number }>(rows: readonly T[]) => {
    const groups = new Map<number, T[]>();
    for (const row of rows) {
      const group = groups.get(row.sessionId);
      if (group) group.push(row);
      else groups.set(row.sessionId, [row]);
    }
    return groups;
  };
  const sessions = bySession(state.counts.sessions);
  const items = bySession(state.counts.items);
  const scales = bySession(state.counts.scales);
  for (const { id, session } of state.sessions) {
    const delta = sessionRollup(session, {
      sessions: sessions.get(id) ?? [],
      items: items.get(id) ?? [],
      scales: scales.get(id) ?? [],
    });
    result.items.push(...delta.items);
    result.scales.push(...delta.scales);
    result.sessions.push(...delta.sessions);
  }
  return result;
}

/** What the given sessions contribute to the rollups now. */
export async function sessionsRollup(db: DB, sessionIds: readonly number[]): Promise<RollupDelta> {
  if (sessionIds.length === 0) return EMPTY_ROLLUP;
  return rollupOfState(await loadSessionRollupState(db, sessionIds));
}

const keyOf = (r: RollupKey) =>
  `${r.audience}|${r.month}|${r.schoolId}|${r.courseId}|${r.formVersion}`;

function merge<T extends RollupKey>(
  rows: readonly T[],
  extra: (r: T) => string,
  add: (a: T, b: T) => T,
): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = `${keyOf(row)}|${extra(row)}`;
    const have = byKey.get(key);
    byKey.set(key, have ? add(have, row) : row);
  }
  return [...byKey.values()];
}

/** Adds rollup rows up by key (rows for the same key are summed first). */
export function mergeRollups(...deltas: RollupDelta[]): RollupDelta {
  return {
    items: merge(
      deltas.flatMap((d) => d.items),
      (r) => r.itemKey,
      (a, b): ItemRollupRow => ({
        ...a,
        sessions: a.sessions + b.sessions,
        answers: a.answers + b.answers,
        dontKnow: a.dontKnow + b.dontKnow,
        topBox: a.topBox + b.topBox,
        options: a.options.map((x, i) => x + b.options[i]),
        clusters: a.clusters + b.clusters,
        topBoxSqOverValid: a.topBoxSqOverValid + b.topBoxSqOverValid,
        validSq: a.validSq + b.validSq,
        answersWithAttendance: a.answersWithAttendance + b.answersWithAttendance,
        attendance: a.attendance + b.attendance,
        excludedSessions: a.excludedSessions + b.excludedSessions,
      }),
    ),
    scales: merge(
      deltas.flatMap((d) => d.scales),
      (r) => r.scaleKey,
      (a, b): ScaleRollupRow => ({
        ...a,
        sessions: a.sessions + b.sessions,
        respondents: a.respondents + b.respondents,
        scoreSum: a.scoreSum + b.scoreSum,
        scoreSumSquares: a.scoreSumSquares + b.scoreSumSquares,
        sumSqOverN: a.sumSqOverN + b.sumSqOverN,
        nSq: a.nSq + b.nSq,
      }),
    ),
    sessions: merge(
      deltas.flatMap((d) => d.sessions),
      () => "",
      (a, b): SessionRollupRow => ({
        ...a,
        sessions: a.sessions + b.sessions,
        withAttendance: a.withAttendance + b.withAttendance,
        attendance: a.attendance + b.attendance,
        respondentsWithAttendance: a.respondentsWithAttendance + b.respondentsWithAttendance,
        smallSessions: a.smallSessions + b.smallSessions,
        comments: a.comments + b.comments,
      }),
    ),
  };
}

/** Where a grain of rollups is stored, and its key columns for a row. */
interface RollupTables {
  items: "feedback_item_rollup" | "feedback_item_term_rollup";
  scales: "feedback_scale_rollup" | "feedback_scale_term_rollup";
  sessions: "feedback_session_rollup" | "feedback_session_term_rollup";
  keyColumns: readonly string[];
  key: (r: RollupKey) => Record<string, string | number>;
}

const MONTHLY: RollupTables = {
  items: "feedback_item_rollup",
  scales: "feedback_scale_rollup",
  sessions: "feedback_session_rollup",
  keyColumns: ["audience", "month", "school_id", "course_id", "form_version"],
  key: (r) => ({
    audience: r.audience,
    month: r.month,
    school_id: r.schoolId,
    course_id: r.courseId,
    form_version: r.formVersion,
  }),
};

/** Rows from `termRollup` (month = the term's first month, no course). */
const TERMLY: RollupTables = {
  items: "feedback_item_term_rollup",
  scales: "feedback_scale_term_rollup",
  sessions: "feedback_session_term_rollup",
  keyColumns: ["audience", "term", "school_id", "form_version"],
  key: (r) => ({
    audience: r.audience,
    term: r.month,
    school_id: r.schoolId,
    form_version: r.formVersion,
  }),
};

/** `table.column + excluded.column` for each column: upserts that add. */
function adding(table: string, columns: readonly string[]) {
  return Object.fromEntries(
    columns.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
  );
}

/** A row worth writing: some number in it is not 0 (key fields are not numbers that add). */
function changes(row: RollupKey & object): boolean {
  return Object.entries(row).some(
    ([name, value]) =>
      !["schoolId", "courseId", "formVersion"].includes(name) &&
      ((typeof value === "number" && Math.abs(value) > 1e-12) ||
        (Array.isArray(value) && value.some((x) => x !== 0))),
  );
}

/** Rollup rows as table rows (without their key columns). */
export const rollupColumns = {
  items: (r: ItemRollupRow) => ({
    item_key: r.itemKey,
    sessions: r.sessions,
    answers: r.answers,
    dont_know: r.dontKnow,
    top_box: r.topBox,
    option_1: r.options[0],
    option_2: r.options[1],
    option_3: r.options[2],
    option_4: r.options[3],
    option_5: r.options[4],
    option_6: r.options[5],
    clusters: r.clusters,
    top_box_sq_over_valid: r.topBoxSqOverValid,
    valid_sq: r.validSq,
    answers_with_attendance: r.answersWithAttendance,
    attendance: r.attendance,
    excluded_sessions: r.excludedSessions,
  }),
  scales: (r: ScaleRollupRow) => ({
    scale_key: r.scaleKey,
    sessions: r.sessions,
    respondents: r.respondents,
    score_sum: r.scoreSum,
    score_sum_squares: r.scoreSumSquares,
    sum_sq_over_n: r.sumSqOverN,
    n_sq: r.nSq,
  }),
  sessions: (r: SessionRollupRow) => ({
    sessions: r.sessions,
    with_attendance: r.withAttendance,
    attendance: r.attendance,
    respondents_with_attendance: r.respondentsWithAttendance,
    small_sessions: r.smallSessions,
    comments: r.comments,
  }),
};

/** Upserts that add, one reusable query per table (its key and summed columns never change). */
const addingUpserts = new Map<string, ReusableQuery<[rows: Record<string, unknown>[]], unknown>>();

function addingUpsert(table: string, conflict: readonly string[], sums: readonly string[]) {
  let upsert = addingUpserts.get(table);
  if (!upsert) {
    upsert = reusableQuery((db: DB, rows: Record<string, unknown>[]) =>
      // The table is one of RollupTables' names; Kysely cannot type a name chosen at run time.
      db
        .insertInto(table as "feedback_item_rollup")
        .values(rows as never)
        .onConflict((oc) =>
          oc.columns(conflict as never).doUpdateSet(adding(table, sums) as never),
        ),
    );
    addingUpserts.set(table, upsert);
  }
  return upsert;
}

/** Upserts that add rows of one kind into one table, 300 rows per statement. */
async function addRows<R extends RollupKey>(
  db: DB,
  table: string,
  tables: RollupTables,
  rows: readonly R[],
  columnsOf: (r: R) => Record<string, string | number>,
  rowKey: string | null,
) {
  const chunk = 300;
  const changed = rows.filter(changes);
  const conflict = [...tables.keyColumns, ...(rowKey ? [rowKey] : [])];
  for (let i = 0; i < changed.length; i += chunk) {
    // Object.assign onto the fresh key object: one row object each, not three (GC on every answer).
    const values = changed
      .slice(i, i + chunk)
      .map((r) => Object.assign(tables.key(r), columnsOf(r)));
    const sums = Object.keys(columnsOf(changed[i])).filter((c) => c !== rowKey);
    await addingUpsert(table, conflict, sums).run(db, values);
  }
}

async function addRollupsTo(db: DB, tables: RollupTables, delta: RollupDelta) {
  await addRows(db, tables.items, tables, delta.items, rollupColumns.items, "item_key");
  await addRows(db, tables.scales, tables, delta.scales, rollupColumns.scales, "scale_key");
  await addRows(db, tables.sessions, tables, delta.sessions, rollupColumns.sessions, null);
}

/**
 * Adds rows to the stored rollups: the monthly ones and, added up per term, the term ones (the
 * only place either is written, so they cannot drift apart). Call inside a transaction.
 */
export async function addRollups(db: DB, delta: RollupDelta) {
  await addRollupsTo(db, MONTHLY, delta);
  await addRollupsTo(db, TERMLY, mergeRollups(termRollup(delta)));
}

/**
 * Runs `change` (which may alter the sessions or their counts) and moves the sessions'
 * contributions in the rollups from before to after. Call inside a transaction.
 */
export async function withSessionRollups<T>(
  db: DB,
  sessionIds: readonly number[],
  change: () => Promise<T>,
): Promise<T> {
  const before = await sessionsRollup(db, sessionIds);
  const result = await change();
  const after = await sessionsRollup(db, sessionIds);
  await addRollups(db, mergeRollups(negateRollup(before), after));
  return result;
}

/** Whether a state read earlier is of exactly these sessions (then it need not be read again). */
function coversSessions(state: SessionRollupState, sessionIds: readonly number[]): boolean {
  return (
    state.sessions.length === sessionIds.length &&
    sessionIds.every((id) => state.sessions.some((s) => s.id === id))
  );
}

/**
 * Adds new counts (answers just inserted) to some sessions and moves the sessions' contributions
 * in the rollups: like `withSessionRollups`, but the state after is the state before plus the
 * counts (counts only add up), so it is not read a second time. `state`, when given, is the sessions' state as read earlier
 * in the same transaction (`loadAnswerSessionState`): it is used instead of reading it here.
 * Call inside a transaction.
 */
export async function addCountsWithRollups(
  db: DB,
  delta: CountDelta,
  writeCounts: () => Promise<void>,
  state?: SessionRollupState,
) {
  const sessionIds = [
    ...new Set([...delta.sessions, ...delta.items, ...delta.scales].map((r) => r.sessionId)),
  ];
  const before =
    state && coversSessions(state, sessionIds)
      ? state
      : await loadSessionRollupState(db, sessionIds);
  await writeCounts();
  const after = { ...before, counts: addCountDeltas(before.counts, delta) };
  await addRollups(db, mergeRollups(negateRollup(rollupOfState(before)), rollupOfState(after)));
}

/**
 * Adds sessions that were inserted directly with attendance or a status (seeds, generators) to
 * the rollups. Call once, right after inserting them, in the same transaction.
 */
export async function addInsertedSessionsToRollups(db: DB, sessionIds: readonly number[]) {
  await addRollups(db, mergeRollups(await sessionsRollup(db, sessionIds)));
}
