/**
 * The evaluation's reads. Everything comes from the per-session count tables (never from answer
 * rows, except the comments a coordinator asks for) and is added up in SQL per school, trend
 * bucket and item, so a page reads a few hundred rows whatever the number of answers. Portable SQL
 * (CASE, SUM, COALESCE); dates are compared as ISO-8601 UTC text computed by the caller.
 */
import { type SqlBool, sql } from "kysely";
import type { DB } from "../connection";
import type { Audience } from "../schema";

/** A session's answers count towards an item's figures only from this many up (see suppression.ts). */
export const SESSION_FLOOR = 5;

export interface EvaluationScope {
  audience: Audience;
  /** Sessions starting at or after this instant (ISO UTC)... */
  startsFrom: string;
  /** ...and before this one. */
  startsBefore: string;
  /** Where each trend bucket after the first starts (ISO UTC, ascending). */
  bucketStarts: readonly string[];
  courseId: number | null;
  district: string | null;
  formVersion: number | null;
  /** Only pilot (true) or standard (false) schools; null = both. */
  pilot: boolean | null;
  /** Only these schools; null = all. */
  schoolIds: readonly number[] | null;
}

const ATTENDANCE = {
  pupils: "attendance_pupils",
  parents: "attendance_parents",
  staff: "attendance_professionals",
} as const;

/** The sessions in scope: started in the period, not cancelled, of the audience and filters. */
function inScope(scope: EvaluationScope) {
  const conditions = [
    sql`s.status <> 'cancelled'`,
    sql`s.starts_at >= ${scope.startsFrom}`,
    sql`s.starts_at < ${scope.startsBefore}`,
    sql`coalesce(c.feedback_form_audience, c.audience) = ${scope.audience}`,
  ];
  if (scope.courseId !== null) conditions.push(sql`s.course_id = ${scope.courseId}`);
  if (scope.district !== null) conditions.push(sql`sc.district = ${scope.district}`);
  if (scope.pilot === true) conditions.push(sql`sc.pilot_cohort IS NOT NULL`);
  if (scope.pilot === false) conditions.push(sql`sc.pilot_cohort IS NULL`);
  if (scope.schoolIds !== null) {
    const ids = scope.schoolIds.length > 0 ? scope.schoolIds : [-1];
    conditions.push(sql`s.school_id IN (${sql.join(ids.map((id) => sql`${id}`))})`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/** The trend bucket of a session: 0 for the first, 1 after the first boundary, ... */
function bucketOf(scope: EvaluationScope) {
  // An expression, not a literal: `GROUP BY 0` would mean "the 0th column".
  if (scope.bucketStarts.length === 0) return sql<number>`(0 * s.id)`;
  const whens = scope.bucketStarts.map(
    (start, i) => sql`WHEN s.starts_at < ${start} THEN ${sql.lit(i)}`,
  );
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(scope.bucketStarts.length)} END`;
}

function sessionsJoined(db: DB) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("schools as sc", "sc.id", "s.school_id");
}

export interface ItemAggregateRow {
  school_id: number;
  bucket: number;
  item_key: string;
  /** Sessions behind the figures (5+ answers to the item). */
  sessions: number;
  answers: number;
  dont_know: number;
  top_box: number;
  option_1: number;
  option_2: number;
  option_3: number;
  option_4: number;
  option_5: number;
  option_6: number;
  /** ICC sums over sessions with an answer other than "Ved ikke": count, sum of x^2/n, sum of n^2. */
  clusters: number;
  top_box_sq_over_valid: number;
  valid_sq: number;
  /** Response rate parts: answers and attendance of included sessions with attendance. */
  answers_with_attendance: number;
  attendance: number;
  /** Sessions with 1-4 answers to the item, left out of every figure. */
  excluded_sessions: number;
}

const n = (expression: ReturnType<typeof sql>) => sql<number>`coalesce(${expression}, 0)`;

/** Item figures per school, trend bucket and item (5+ answers per session only). */
export async function evaluationItemAggregates(
  db: DB,
  scope: EvaluationScope,
): Promise<ItemAggregateRow[]> {
  const bucket = bucketOf(scope);
  const floor = sql.lit(SESSION_FLOOR);
  const attendance = sql.ref(`s.${ATTENDANCE[scope.audience]}`);
  const included = (value: ReturnType<typeof sql>) =>
    n(sql`sum(CASE WHEN f.answers >= ${floor} THEN ${value} ELSE 0 END)`);
  const valid = sql`(f.answers - f.dont_know)`;
  let query = sessionsJoined(db)
    .innerJoin("feedback_item_counts as f", "f.session_id", "s.id")
    .where(inScope(scope))
    .where("f.audience", "=", scope.audience);
  if (scope.formVersion !== null) query = query.where("f.form_version", "=", scope.formVersion);
  const rows = await query
    .select([
      "s.school_id",
      bucket.as("bucket"),
      "f.item_key",
      included(sql`1`).as("sessions"),
      included(sql`f.answers`).as("answers"),
      included(sql`f.dont_know`).as("dont_know"),
      included(sql`f.top_box`).as("top_box"),
      included(sql`f.option_1`).as("option_1"),
      included(sql`f.option_2`).as("option_2"),
      included(sql`f.option_3`).as("option_3"),
      included(sql`f.option_4`).as("option_4"),
      included(sql`f.option_5`).as("option_5"),
      included(sql`f.option_6`).as("option_6"),
      n(sql`sum(CASE WHEN f.answers >= ${floor} AND ${valid} > 0 THEN 1 ELSE 0 END)`).as(
        "clusters",
      ),
      n(
        sql`sum(CASE WHEN f.answers >= ${floor} AND ${valid} > 0 THEN f.top_box * f.top_box * 1.0 / ${valid} ELSE 0 END)`,
      ).as("top_box_sq_over_valid"),
      included(sql`${valid} * ${valid}`).as("valid_sq"),
      n(
        sql`sum(CASE WHEN f.answers >= ${floor} AND ${attendance} IS NOT NULL THEN f.answers ELSE 0 END)`,
      ).as("answers_with_attendance"),
      n(
        sql`sum(CASE WHEN f.answers >= ${floor} AND ${attendance} IS NOT NULL THEN ${attendance} ELSE 0 END)`,
      ).as("attendance"),
      n(sql`sum(CASE WHEN f.answers > 0 AND f.answers < ${floor} THEN 1 ELSE 0 END)`).as(
        "excluded_sessions",
      ),
    ])
    .groupBy(["s.school_id", bucket, "f.item_key"])
    .execute();
  return rows.map((r) => numeric(r) as ItemAggregateRow);
}

export interface ScaleAggregateRow {
  school_id: number;
  bucket: number;
  scale_key: string;
  sessions: number;
  respondents: number;
  score_sum: number;
  score_sum_squares: number;
  /** Sum over sessions of (score sum)^2 / respondents, and of respondents^2 (for the ICC). */
  sum_sq_over_n: number;
  n_sq: number;
}

/** Scale sums per school, trend bucket and scale (sessions with 5+ scale scores only). */
export async function evaluationScaleAggregates(
  db: DB,
  scope: EvaluationScope,
): Promise<ScaleAggregateRow[]> {
  const bucket = bucketOf(scope);
  const floor = sql.lit(SESSION_FLOOR);
  const included = (value: ReturnType<typeof sql>) =>
    n(sql`sum(CASE WHEN f.respondents >= ${floor} THEN ${value} ELSE 0 END)`);
  let query = sessionsJoined(db)
    .innerJoin("feedback_scale_sums as f", "f.session_id", "s.id")
    .where(inScope(scope))
    .where("f.audience", "=", scope.audience);
  if (scope.formVersion !== null) query = query.where("f.form_version", "=", scope.formVersion);
  const rows = await query
    .select([
      "s.school_id",
      bucket.as("bucket"),
      "f.scale_key",
      included(sql`1`).as("sessions"),
      included(sql`f.respondents`).as("respondents"),
      included(sql`f.score_sum`).as("score_sum"),
      included(sql`f.score_sum_squares`).as("score_sum_squares"),
      included(sql`f.score_sum * f.score_sum / f.respondents`).as("sum_sq_over_n"),
      included(sql`f.respondents * f.respondents`).as("n_sq"),
    ])
    .groupBy(["s.school_id", bucket, "f.scale_key"])
    .execute();
  return rows.map((r) => numeric(r) as ScaleAggregateRow);
}

export interface SessionAggregateRow {
  school_id: number;
  bucket: number;
  /** Sessions in scope (started, not cancelled). */
  sessions: number;
  with_attendance: number;
  attendance: number;
  /** Respondents in sessions with attendance (for the overall response rate). */
  respondents_with_attendance: number;
  /** Sessions with 0-4 respondents (not behind any figure). */
  small_sessions: number;
  /** Comments in sessions with 5+ respondents (shown to coordinators on request). */
  comments: number;
}

function respondentsPerSession(db: DB, scope: EvaluationScope) {
  let q = db
    .selectFrom("feedback_session_counts")
    .select([
      "session_id",
      sql<number>`sum(responses)`.as("responses"),
      sql<number>`sum(comments)`.as("comments"),
    ])
    .where("audience", "=", scope.audience);
  if (scope.formVersion !== null) q = q.where("form_version", "=", scope.formVersion);
  return q.groupBy("session_id");
}

/** Sessions, attendance and respondents per school and trend bucket. */
export async function evaluationSessionAggregates(
  db: DB,
  scope: EvaluationScope,
): Promise<SessionAggregateRow[]> {
  const bucket = bucketOf(scope);
  const floor = sql.lit(SESSION_FLOOR);
  const attendance = sql.ref(`s.${ATTENDANCE[scope.audience]}`);
  const respondents = sql`coalesce(r.responses, 0)`;
  const rows = await sessionsJoined(db)
    .leftJoin(respondentsPerSession(db, scope).as("r"), "r.session_id", "s.id")
    .where(inScope(scope))
    .select([
      "s.school_id",
      bucket.as("bucket"),
      sql<number>`count(*)`.as("sessions"),
      n(sql`sum(CASE WHEN ${attendance} IS NOT NULL THEN 1 ELSE 0 END)`).as("with_attendance"),
      n(sql`sum(${attendance})`).as("attendance"),
      n(sql`sum(CASE WHEN ${attendance} IS NOT NULL THEN ${respondents} ELSE 0 END)`).as(
        "respondents_with_attendance",
      ),
      n(sql`sum(CASE WHEN ${respondents} < ${floor} THEN 1 ELSE 0 END)`).as("small_sessions"),
      n(sql`sum(CASE WHEN ${respondents} >= ${floor} THEN coalesce(r.comments, 0) ELSE 0 END)`).as(
        "comments",
      ),
    ])
    .groupBy(["s.school_id", bucket])
    .execute();
  return rows.map((r) => numeric(r) as SessionAggregateRow);
}

export interface NamedSession {
  id: number;
  starts_at: string;
  school_id: number;
  school_name: string;
  course_title: string;
}

/**
 * Sessions to name on the page: without registered attendance, or with fewer than 5 respondents.
 * At most `limit` of each, oldest first, plus how many there are in all.
 */
export async function evaluationNamedSessions(
  db: DB,
  scope: EvaluationScope,
  which: "noAttendance" | "small",
  limit: number,
): Promise<{ total: number; sessions: NamedSession[] }> {
  const floor = sql.lit(SESSION_FLOOR);
  const attendance = sql.ref(`s.${ATTENDANCE[scope.audience]}`);
  const base = sessionsJoined(db)
    .leftJoin(respondentsPerSession(db, scope).as("r"), "r.session_id", "s.id")
    .where(inScope(scope))
    .where(
      which === "noAttendance"
        ? sql<SqlBool>`${attendance} IS NULL`
        : sql<SqlBool>`coalesce(r.responses, 0) < ${floor}`,
    );
  const [count, sessions] = await Promise.all([
    base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
    base
      .select([
        "s.id",
        "s.starts_at",
        "s.school_id",
        "sc.name as school_name",
        "c.title as course_title",
      ])
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count.n), sessions };
}

/**
 * Free-text comments from sessions with 5+ respondents, in the given schools, sorted by text (never
 * in the order they were written). Coordinators only; the caller checks the group size.
 */
export async function evaluationComments(
  db: DB,
  scope: EvaluationScope,
  limit: number,
): Promise<Array<{ school_id: number; comment: string }>> {
  let query = sessionsJoined(db)
    .innerJoin(respondentsPerSession(db, scope).as("r"), "r.session_id", "s.id")
    .innerJoin("feedback_responses as fr", "fr.session_id", "s.id")
    .where(inScope(scope))
    .where("r.responses", ">=", SESSION_FLOOR)
    .where("fr.audience", "=", scope.audience)
    .where("fr.comment", "is not", null)
    .where("fr.comment", "!=", "");
  if (scope.formVersion !== null) query = query.where("fr.form_version", "=", scope.formVersion);
  const rows = await query
    .select(["s.school_id", "fr.comment"])
    .orderBy("fr.comment")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ school_id: r.school_id, comment: r.comment ?? "" }));
}

/** Schools, courses, districts and form versions for the filter form and the groups. */
export async function evaluationChoices(db: DB, audience: Audience) {
  const [schools, courses, versions] = await Promise.all([
    db
      .selectFrom("schools")
      .select(["id", "name", "district", "pilot_cohort"])
      .orderBy("name")
      .execute(),
    db
      .selectFrom("courses")
      .select(["id", "title"])
      .where(sql<Audience>`coalesce(feedback_form_audience, audience)`, "=", audience)
      .orderBy("title")
      .execute(),
    db
      .selectFrom("feedback_forms")
      .select(["id", "version"])
      .where("audience", "=", audience)
      .orderBy("version")
      .execute(),
  ]);
  return { schools, courses, versions };
}

/** SQLite returns numbers; a future PostgreSQL driver may return numeric strings for sums. */
function numeric<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      typeof value === "string" && key !== "item_key" && key !== "scale_key"
        ? Number(value)
        : value;
  }
  return out as T;
}
