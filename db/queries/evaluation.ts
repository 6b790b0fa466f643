/**
 * The evaluation's reads, added up in SQL per school, trend bucket and item. Whole months come
 * from the monthly rollups (a few thousand rows for a year, whatever the number of answers); the
 * days of a from/to period that cover only part of a month come from the per-session count
 * tables. Answer rows are never read, except the comments a coordinator asks for. Portable SQL
 * (CASE, SUM, COALESCE), the same on SQLite and PostgreSQL; instants are compared with ISO strings
 * computed by the caller (text on SQLite, timestamptz on PostgreSQL), months as "YYYY-MM" text.
 */
import { type SelectQueryBuilder, type SqlBool, sql } from "kysely";
import type { AggregateKey, SchoolKind } from "../../app/domain/evaluation";
import { SESSION_FLOOR } from "../../app/domain/evaluation-rollup";
import type { DB } from "../connection";
import type { Audience } from "../schema";

export interface EvaluationFiltersScope {
  audience: Audience;
  courseId: number | null;
  district: string | null;
  formVersion: number | null;
  /** Only pilot (true) or standard (false) schools; null = both. */
  pilot: boolean | null;
  /** Only these schools; null = all. */
  schoolIds: readonly number[] | null;
}

/** Sessions by their start instant (for part-months and named sessions). */
export interface EvaluationScope extends EvaluationFiltersScope {
  /** Sessions starting at or after this instant (ISO UTC)... */
  startsFrom: string;
  /** ...and before this one. */
  startsBefore: string;
  /** Where each trend bucket after the first starts (ISO UTC, ascending). */
  bucketStarts: readonly string[];
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

/**
 * GROUP BY the trend bucket by its output column's name: PostgreSQL does not see a CASE with
 * parameters in the SELECT list as the same expression as its copy in GROUP BY (each copy has
 * parameters of its own) and refuses the query; SQLite and PostgreSQL both accept the name.
 */
const byBucket = sql.ref("bucket");

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

export interface ItemAggregateRow extends AggregateKey {
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
function itemsPerSchoolFromSessions(db: DB, scope: EvaluationScope) {
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
  return query
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
    .groupBy(["s.school_id", byBucket, "f.item_key"]);
}

export interface ScaleAggregateRow extends AggregateKey {
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
function scalesPerSchoolFromSessions(db: DB, scope: EvaluationScope) {
  const bucket = bucketOf(scope);
  const floor = sql.lit(SESSION_FLOOR);
  const included = (value: ReturnType<typeof sql>) =>
    n(sql`sum(CASE WHEN f.respondents >= ${floor} THEN ${value} ELSE 0 END)`);
  let query = sessionsJoined(db)
    .innerJoin("feedback_scale_sums as f", "f.session_id", "s.id")
    .where(inScope(scope))
    .where("f.audience", "=", scope.audience);
  if (scope.formVersion !== null) query = query.where("f.form_version", "=", scope.formVersion);
  return query
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
    .groupBy(["s.school_id", byBucket, "f.scale_key"]);
}

/** Whole period only (bucket is always null). */
export interface SessionAggregateRow extends AggregateKey {
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

// ---------------------------------------------------------------------------------------------
// Whole months: the rollups
// ---------------------------------------------------------------------------------------------

export interface RollupScope extends EvaluationFiltersScope {
  /**
   * Which rollups: monthly ("month", per course), or per term over every course ("term", whose
   * rows are keyed by the term's first month: YYYY-01 or YYYY-08; never with a course filter).
   */
  grain: "month" | "term";
  /** First and last whole month (YYYY-MM) or term (its first month), inclusive. */
  monthFrom: string;
  monthTo: string;
  /** The month each trend bucket after the first starts in (YYYY-MM, ascending; term starts). */
  bucketMonths: readonly string[];
}

const ROLLUP_TABLES = {
  month: {
    items: "feedback_item_rollup",
    scales: "feedback_scale_rollup",
    sessions: "feedback_session_rollup",
  },
  term: {
    items: "feedback_item_term_rollup",
    scales: "feedback_scale_term_rollup",
    sessions: "feedback_session_term_rollup",
  },
} as const;

/** The rollup row's month, or its term's first month. */
const periodOf = (scope: RollupScope) => sql.ref(scope.grain === "month" ? "r.month" : "r.term");

function rollupConditions(scope: RollupScope) {
  if (scope.grain === "term" && scope.courseId !== null) {
    throw new Error("The term rollups have no course: a course filter reads the monthly ones.");
  }
  const period = periodOf(scope);
  const conditions = [
    sql`r.audience = ${scope.audience}`,
    sql`${period} >= ${scope.monthFrom}`,
    sql`${period} <= ${scope.monthTo}`,
  ];
  if (scope.formVersion !== null) conditions.push(sql`r.form_version = ${scope.formVersion}`);
  if (scope.courseId !== null) conditions.push(sql`r.course_id = ${scope.courseId}`);
  if (scope.district !== null) conditions.push(sql`sc.district = ${scope.district}`);
  if (scope.pilot === true) conditions.push(sql`sc.pilot_cohort IS NOT NULL`);
  if (scope.pilot === false) conditions.push(sql`sc.pilot_cohort IS NULL`);
  if (scope.schoolIds !== null) {
    const ids = scope.schoolIds.length > 0 ? scope.schoolIds : [-1];
    conditions.push(sql`r.school_id IN (${sql.join(ids.map((id) => sql`${id}`))})`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

function rollupBucket(scope: RollupScope) {
  if (scope.bucketMonths.length === 0) return sql<number>`(0 * r.school_id)`;
  const period = periodOf(scope);
  const whens = scope.bucketMonths.map((m, i) => sql`WHEN ${period} < ${m} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(scope.bucketMonths.length)} END`;
}

function itemsPerSchoolFromRollup(db: DB, scope: RollupScope) {
  const bucket = rollupBucket(scope);
  const sum = (column: string) => sql<number>`coalesce(sum(${sql.ref(`r.${column}`)}), 0)`;
  return db
    .selectFrom(`${ROLLUP_TABLES[scope.grain].items} as r` as "feedback_item_rollup as r")
    .innerJoin("schools as sc", "sc.id", "r.school_id")
    .where(rollupConditions(scope))
    .select([
      "r.school_id",
      bucket.as("bucket"),
      "r.item_key",
      sum("sessions").as("sessions"),
      sum("answers").as("answers"),
      sum("dont_know").as("dont_know"),
      sum("top_box").as("top_box"),
      sum("option_1").as("option_1"),
      sum("option_2").as("option_2"),
      sum("option_3").as("option_3"),
      sum("option_4").as("option_4"),
      sum("option_5").as("option_5"),
      sum("option_6").as("option_6"),
      sum("clusters").as("clusters"),
      sum("top_box_sq_over_valid").as("top_box_sq_over_valid"),
      sum("valid_sq").as("valid_sq"),
      sum("answers_with_attendance").as("answers_with_attendance"),
      sum("attendance").as("attendance"),
      sum("excluded_sessions").as("excluded_sessions"),
    ])
    .groupBy(["r.school_id", byBucket, "r.item_key"]);
}

function scalesPerSchoolFromRollup(db: DB, scope: RollupScope) {
  const bucket = rollupBucket(scope);
  const sum = (column: string) => sql<number>`coalesce(sum(${sql.ref(`r.${column}`)}), 0)`;
  return db
    .selectFrom(`${ROLLUP_TABLES[scope.grain].scales} as r` as "feedback_scale_rollup as r")
    .innerJoin("schools as sc", "sc.id", "r.school_id")
    .where(rollupConditions(scope))
    .select([
      "r.school_id",
      bucket.as("bucket"),
      "r.scale_key",
      sum("sessions").as("sessions"),
      sum("respondents").as("respondents"),
      sum("score_sum").as("score_sum"),
      sum("score_sum_squares").as("score_sum_squares"),
      sum("sum_sq_over_n").as("sum_sq_over_n"),
      sum("n_sq").as("n_sq"),
    ])
    .groupBy(["r.school_id", byBucket, "r.scale_key"]);
}

function sessionsPerSchoolFromRollup(db: DB, scope: RollupScope) {
  const bucket = rollupBucket(scope);
  const sum = (column: string) => sql<number>`coalesce(sum(${sql.ref(`r.${column}`)}), 0)`;
  return db
    .selectFrom(`${ROLLUP_TABLES[scope.grain].sessions} as r` as "feedback_session_rollup as r")
    .innerJoin("schools as sc", "sc.id", "r.school_id")
    .where(rollupConditions(scope))
    .select([
      "r.school_id",
      bucket.as("bucket"),
      sum("sessions").as("sessions"),
      sum("with_attendance").as("with_attendance"),
      sum("attendance").as("attendance"),
      sum("respondents_with_attendance").as("respondents_with_attendance"),
      sum("small_sessions").as("small_sessions"),
      sum("comments").as("comments"),
    ])
    .groupBy(["r.school_id", byBucket]);
}

// ---------------------------------------------------------------------------------------------
// Both sources added up per kind of school
// ---------------------------------------------------------------------------------------------

/**
 * Where a view's figures come from: whole terms from the term rollups, other whole months from
 * the monthly rollups, part-months session by session.
 */
export interface EvaluationSources {
  rollups: readonly RollupScope[];
  edges: readonly EvaluationScope[];
  /** The school a "school" view is about (its rows are "focus"); null for other views. */
  focusSchool: number | null;
}

const ITEM_SUMS = [
  "sessions",
  "answers",
  "dont_know",
  "top_box",
  "option_1",
  "option_2",
  "option_3",
  "option_4",
  "option_5",
  "option_6",
  "clusters",
  "top_box_sq_over_valid",
  "valid_sq",
  "answers_with_attendance",
  "attendance",
  "excluded_sessions",
] as const;
const SCALE_SUMS = [
  "sessions",
  "respondents",
  "score_sum",
  "score_sum_squares",
  "sum_sq_over_n",
  "n_sq",
] as const;
const SESSION_SUMS = [
  "sessions",
  "with_attendance",
  "attendance",
  "respondents_with_attendance",
  "small_sessions",
  "comments",
] as const;

/** A per-school part of a union: any SELECT with a school, its sessions and its sums. */
// biome-ignore lint/suspicious/noExplicitAny: the parts read different tables; only their columns must match
type PerSchoolPart = SelectQueryBuilder<any, any, { school_id: number; sessions: number }>;

/**
 * The SchoolKind of a school (`sc` is its row in schools): the view's own school is "focus"
 * (app/domain/evaluation.ts evaluationLayout turns kinds into the page's groups).
 */
function kindOf(schoolId: ReturnType<typeof sql.ref>, focusSchool: number | null) {
  return sql<SchoolKind>`CASE WHEN ${schoolId} = ${focusSchool ?? -1} THEN 'focus' WHEN sc.pilot_cohort IS NOT NULL THEN 'pilot' ELSE 'standard' END`;
}

/**
 * Adds up per-school rows (the union of the sources' parts, one row per school, bucket and key
 * in each part) per kind of school: per trend bucket and, with a null bucket, over the whole
 * period. The schools behind a figure are counted here too, once each even when a school has
 * rows in several sources or buckets. The per-school rows never leave the database: with 1,100
 * schools they were 17,600 rows for a year of pupils' items, and adding them up in JavaScript
 * took longer than the whole page may.
 *
 * Shaped for hash aggregation (no count(DISTINCT), which sorts every row): once the rows are
 * one per school, bucket and key, a bucket's schools are a sum of 0/1; the whole period's
 * schools come from a narrow (school, key) list, and its sums from the few bucket rows.
 */
async function addUpByKind<Row>(
  db: DB,
  parts: ReadonlyArray<PerSchoolPart>,
  sums: readonly string[],
  key: "item_key" | "scale_key" | null,
  focusSchool: number | null,
  perBucket: boolean,
): Promise<Row[]> {
  if (parts.length === 0) return [];
  const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]);
  const keyOf = (table: string) => (key ? sql`, ${sql.ref(`${table}.${key}`)}` : sql``);
  const keyAs = (table: string) =>
    key ? sql`, ${sql.ref(`${table}.${key}`)} AS ${sql.ref(key)}` : sql``;
  const summed = (table: string) =>
    sql.join(sums.map((c) => sql`coalesce(sum(${sql.ref(`${table}.${c}`)}), 0) AS ${sql.ref(c)}`));
  // One part is one row per school, bucket and key already; several may share a school's bucket.
  const perSchool =
    parts.length === 1
      ? sql`u AS ${union}`
      : sql`p AS ${union}, u AS (SELECT p.school_id, p.bucket${keyOf("p")}, ${summed("p")}
          FROM p GROUP BY p.school_id, p.bucket${keyOf("p")})`;
  // GROUP BY the kind by its output name, like byBucket (a CASE with a parameter).
  const buckets = sql`b AS (SELECT ${kindOf(sql.ref("u.school_id"), focusSchool)} AS school_kind,
      u.bucket AS bucket${keyAs("u")}, ${summed("u")},
      sum(CASE WHEN u.sessions > 0 THEN 1 ELSE 0 END) AS schools
    FROM u INNER JOIN schools sc ON sc.id = u.school_id
    GROUP BY school_kind, u.bucket${keyOf("u")})`;
  const schools = sql`w AS (SELECT ${kindOf(sql.ref("x.school_id"), focusSchool)} AS school_kind${keyAs("x")},
      count(*) AS schools
    FROM (SELECT u.school_id${keyOf("u")} FROM u WHERE u.sessions > 0
      GROUP BY u.school_id${keyOf("u")}) x INNER JOIN schools sc ON sc.id = x.school_id
    GROUP BY school_kind${keyOf("x")})`;
  const whole = sql`SELECT b.school_kind AS school_kind, NULL AS bucket${keyAs("b")}, ${summed("b")},
      coalesce(max(w.schools), 0) AS schools
    FROM b LEFT JOIN w ON w.school_kind = b.school_kind${key ? sql` AND ${sql.ref(`w.${key}`)} = ${sql.ref(`b.${key}`)}` : sql``}
    GROUP BY b.school_kind${keyOf("b")}`;
  const columns = sql.join(
    ["school_kind", "bucket", ...(key ? [key] : []), ...sums, "schools"].map((c) =>
      sql.ref(`b.${c}`),
    ),
  );
  const byBucketToo = perBucket ? sql` UNION ALL SELECT ${columns} FROM b` : sql``;
  const result = await sql<
    Record<string, unknown>
  >`WITH ${perSchool}, ${buckets}, ${schools} ${whole}${byBucketToo}`.execute(db);
  return result.rows.map((r) => numeric(r) as Row);
}

/** Item figures per kind of school, per trend bucket and for the whole period. */
export function evaluationItemAggregates(
  db: DB,
  sources: EvaluationSources,
): Promise<ItemAggregateRow[]> {
  const parts = [
    ...sources.rollups.map((rollup) => itemsPerSchoolFromRollup(db, rollup)),
    ...sources.edges.map((edge) => itemsPerSchoolFromSessions(db, edge)),
  ];
  return addUpByKind(db, parts, ITEM_SUMS, "item_key", sources.focusSchool, true);
}

/** Scale sums per kind of school, per trend bucket and for the whole period. */
export function evaluationScaleAggregates(
  db: DB,
  sources: EvaluationSources,
): Promise<ScaleAggregateRow[]> {
  const parts = [
    ...sources.rollups.map((rollup) => scalesPerSchoolFromRollup(db, rollup)),
    ...sources.edges.map((edge) => scalesPerSchoolFromSessions(db, edge)),
  ];
  return addUpByKind(db, parts, SCALE_SUMS, "scale_key", sources.focusSchool, true);
}

/** Sessions, attendance and respondents per kind of school, for the whole period. */
export function evaluationSessionAggregates(
  db: DB,
  sources: EvaluationSources,
): Promise<SessionAggregateRow[]> {
  const parts = [
    ...sources.rollups.map((rollup) => sessionsPerSchoolFromRollup(db, rollup)),
    ...sources.edges.map((edge) => sessionsPerSchoolFromSessions(db, edge)),
  ];
  return addUpByKind(db, parts, SESSION_SUMS, null, sources.focusSchool, false);
}

/** The session's respondents (or comments) for the scope's audience and form version. */
function perSession(scope: EvaluationFiltersScope, column: "responses" | "comments") {
  const version =
    scope.formVersion === null ? sql`` : sql` AND x.form_version = ${scope.formVersion}`;
  return sql<number>`coalesce((SELECT sum(${sql.ref(`x.${column}`)}) FROM feedback_session_counts x WHERE x.session_id = s.id AND x.audience = ${scope.audience}${version}), 0)`;
}

/** Sessions, attendance and respondents per school and trend bucket. */
function sessionsPerSchoolFromSessions(db: DB, scope: EvaluationScope) {
  const bucket = bucketOf(scope);
  const floor = sql.lit(SESSION_FLOOR);
  const attendance = sql.ref(`s.${ATTENDANCE[scope.audience]}`);
  const respondents = perSession(scope, "responses");
  return (
    sessionsJoined(db)
      .where(inScope(scope))
      // Like the rollups: a session counts once it has answers or registered attendance.
      .where(sql<SqlBool>`(${respondents} > 0 OR ${attendance} IS NOT NULL)`)
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
        n(
          sql`sum(CASE WHEN ${respondents} >= ${floor} THEN ${perSession(scope, "comments")} ELSE 0 END)`,
        ).as("comments"),
      ])
      .groupBy(["s.school_id", byBucket])
  );
}

export interface NamedSession {
  id: number;
  starts_at: string;
  school_id: number;
  school_name: string;
  course_title: string;
}

/**
 * Sessions to name on the page (the first `limit`, oldest first): sessions with answers but no
 * registered attendance, or sessions with 1-4 respondents. Both are rare, and partial indexes find
 * them without reading every session; how many there are in all comes from the rollups. `walk`
 * (small sessions only): first look among the first `walk` sessions in scope, a guess from how
 * common small sessions are; when that does not settle it, the plain query runs.
 */
export async function evaluationNamedSessions(
  db: DB,
  scope: EvaluationScope,
  which: "noAttendance" | "small",
  limit: number,
  walk?: number,
): Promise<NamedSession[]> {
  const columns = [
    "s.id",
    "s.starts_at",
    "s.school_id",
    "sc.name as school_name",
    "c.title as course_title",
  ] as const;
  if (which === "noAttendance") {
    // Attendance is registered in the course audience's column only, so "all three empty" is the
    // partial index's condition and means "no attendance".
    return sessionsJoined(db)
      .where(inScope(scope))
      .where(
        sql<SqlBool>`s.attendance_pupils IS NULL AND s.attendance_parents IS NULL AND s.attendance_professionals IS NULL`,
      )
      .where(sql<SqlBool>`${perSession(scope, "responses")} > 0`)
      .select(columns)
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .limit(limit)
      .execute();
  }
  // EXISTS rather than a join with DISTINCT (a session answered on two form versions is still one
  // row): no sort of every small session's columns before the LIMIT; 1.5 times faster at 1,100
  // schools on PostgreSQL.
  const version =
    scope.formVersion === null ? sql`` : sql` AND x.form_version = ${scope.formVersion}`;
  const small = sql<SqlBool>`EXISTS (SELECT 1 FROM feedback_session_counts x WHERE x.session_id = s.id AND x.responses < ${sql.lit(SESSION_FLOOR)} AND x.audience = ${scope.audience}${version})`;
  if (walk !== undefined) {
    // The first `walk` sessions in start order, of which the small ones: PostgreSQL's estimate of
    // the small sessions is far too low (12 for 3,300), so for the plain query below it gathers
    // every small session of the period and sorts them (400 ms at load average 14) instead of
    // walking the sessions in start order until it has enough (13 ms).
    const page = sessionsJoined(db)
      .where(inScope(scope))
      .select("s.id")
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .limit(walk);
    const rows = await sessionsJoined(db)
      .innerJoin(page.as("w"), "w.id", "s.id")
      .where(small)
      .select(columns)
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .limit(limit)
      .execute();
    // Enough found: the same rows as the plain query. Fewer: the guess was short, or there are
    // fewer small sessions than the limit (then the plain query reads few rows anyway).
    if (rows.length === limit) return rows;
  }
  return sessionsJoined(db)
    .where(inScope(scope))
    .where(small)
    .select(columns)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .limit(limit)
    .execute();
}

/**
 * Free-text comments from sessions with 5+ respondents, in the given schools, sorted by text (never
 * in the order they were written). Coordinators only; the caller checks the group size.
 */
export async function evaluationComments(
  db: DB,
  scope: EvaluationScope,
  focusSchool: number | null,
  limit: number,
): Promise<Array<{ school_kind: SchoolKind; comment: string }>> {
  let query = sessionsJoined(db)
    .innerJoin("feedback_responses as fr", "fr.session_id", "s.id")
    .where(inScope(scope))
    .where(sql<SqlBool>`${perSession(scope, "responses")} >= ${sql.lit(SESSION_FLOOR)}`)
    .where("fr.audience", "=", scope.audience)
    .where("fr.comment", "is not", null)
    .where("fr.comment", "!=", "");
  if (scope.formVersion !== null) query = query.where("fr.form_version", "=", scope.formVersion);
  const rows = await query
    .select([kindOf(sql.ref("s.school_id"), focusSchool).as("school_kind"), "fr.comment"])
    .orderBy("fr.comment")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ school_kind: r.school_kind, comment: r.comment ?? "" }));
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

const TEXT_COLUMNS = new Set(["school_kind", "item_key", "scale_key"]);

/**
 * Sums as numbers: SQLite returns numbers, and db/connection.ts parses PostgreSQL's bigint and
 * numeric sums to numbers too; this keeps any other numeric string from reaching the statistics.
 */
function numeric<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === "string" && !TEXT_COLUMNS.has(key) ? Number(value) : value;
  }
  return out as T;
}
