import { type Kysely, sql } from "kysely";
import { columnTypes, withoutRowid } from "../dialect";

/**
 * Per-session answer counts for the evaluation, so that its pages never read or parse answer rows.
 * Written in the same transaction as each answer (db/queries/feedback.ts, insertFeedbackResponses)
 * and rebuilt and checked by `npm run db:rebuild-counts`. Counts per session only: nothing about
 * time or order (privacy.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const audienceCheck = sql`audience IN ('pupils','staff','parents')`;

  // Respondents and comments per session and form version (the response rate's numerator).
  await db.schema
    .createTable("feedback_session_counts")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck))
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull().check(sql`responses >= 0`))
    .addColumn("comments", "integer", (c) => c.notNull().check(sql`comments >= 0`))
    .addPrimaryKeyConstraint("feedback_session_counts_pk", [
      "session_id",
      "audience",
      "form_version",
    ])
    .$call(withoutRowid(db))
    .execute();

  // Per session and item: answers (with "Ved ikke"), "Ved ikke", top box, and the answers to each
  // option in the scale's order (option_1 = the scale's first option; pupil4 uses 1-4, agree5 1-6).
  // One row per session and item keeps the evaluation's queries to a few hundred thousand rows
  // for a million answers.
  await db.schema
    .createTable("feedback_item_counts")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck))
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("answers", "integer", (c) => c.notNull().check(sql`answers >= 0`))
    .addColumn("dont_know", "integer", (c) => c.notNull().check(sql`dont_know >= 0`))
    .addColumn("top_box", "integer", (c) => c.notNull().check(sql`top_box >= 0`))
    .addColumn("option_1", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("option_2", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("option_3", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("option_4", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("option_5", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("option_6", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("feedback_item_counts_pk", [
      "session_id",
      "audience",
      "form_version",
      "item_key",
    ])
    .$call(withoutRowid(db))
    .execute();

  // Per session and scale: respondents with a scale score, and the sum and sum of squares of their
  // scores (enough for means, SDs, the ICC and Hedges' g).
  await db.schema
    .createTable("feedback_scale_sums")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck))
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("scale_key", "text", (c) => c.notNull())
    .addColumn("respondents", "integer", (c) => c.notNull().check(sql`respondents >= 0`))
    .addColumn("score_sum", t.real, (c) => c.notNull())
    .addColumn("score_sum_squares", t.real, (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_scale_sums_pk", [
      "session_id",
      "audience",
      "form_version",
      "scale_key",
    ])
    .$call(withoutRowid(db))
    .execute();

  // Monthly rollups: each session's contribution (app/domain/evaluation-rollup.ts) added up per
  // school, course, audience, form version and Copenhagen month, so a year's evaluation reads a
  // few thousand rows. Kept with the counts (answers) and with session changes (move, cancel,
  // attendance); rebuilt and checked by `npm run db:rebuild-counts`.
  const rollupKey = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck))
      .addColumn("month", "text", (c) => c.notNull().check(sql`length(month) = 7`))
      .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
      .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
      .addColumn("form_version", "integer", (c) => c.notNull());
  const keyColumns = ["audience", "month", "school_id", "course_id", "form_version"];

  await rollupKey("feedback_item_rollup")
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("sessions", "integer", (c) => c.notNull())
    .addColumn("answers", "integer", (c) => c.notNull())
    .addColumn("dont_know", "integer", (c) => c.notNull())
    .addColumn("top_box", "integer", (c) => c.notNull())
    .addColumn("option_1", "integer", (c) => c.notNull())
    .addColumn("option_2", "integer", (c) => c.notNull())
    .addColumn("option_3", "integer", (c) => c.notNull())
    .addColumn("option_4", "integer", (c) => c.notNull())
    .addColumn("option_5", "integer", (c) => c.notNull())
    .addColumn("option_6", "integer", (c) => c.notNull())
    .addColumn("clusters", "integer", (c) => c.notNull())
    .addColumn("top_box_sq_over_valid", t.real, (c) => c.notNull())
    .addColumn("valid_sq", "integer", (c) => c.notNull())
    .addColumn("answers_with_attendance", "integer", (c) => c.notNull())
    .addColumn("attendance", "integer", (c) => c.notNull())
    .addColumn("excluded_sessions", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_item_rollup_pk", [...keyColumns, "item_key"] as never)
    .$call(withoutRowid(db))
    .execute();

  await rollupKey("feedback_scale_rollup")
    .addColumn("scale_key", "text", (c) => c.notNull())
    .addColumn("sessions", "integer", (c) => c.notNull())
    .addColumn("respondents", "integer", (c) => c.notNull())
    .addColumn("score_sum", t.real, (c) => c.notNull())
    .addColumn("score_sum_squares", t.real, (c) => c.notNull())
    .addColumn("sum_sq_over_n", t.real, (c) => c.notNull())
    .addColumn("n_sq", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_scale_rollup_pk", [...keyColumns, "scale_key"] as never)
    .$call(withoutRowid(db))
    .execute();

  await rollupKey("feedback_session_rollup")
    .addColumn("sessions", "integer", (c) => c.notNull())
    .addColumn("with_attendance", "integer", (c) => c.notNull())
    .addColumn("attendance", "integer", (c) => c.notNull())
    .addColumn("respondents_with_attendance", "integer", (c) => c.notNull())
    .addColumn("small_sessions", "integer", (c) => c.notNull())
    .addColumn("comments", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_session_rollup_pk", keyColumns as never)
    .$call(withoutRowid(db))
    .execute();

  // The sessions the evaluation names: few among many, so partial indexes find them without a scan
  // (the same SQL on SQLite and PostgreSQL).
  await sql`CREATE INDEX feedback_session_counts_small_idx ON feedback_session_counts (session_id)
    WHERE responses < 5`.execute(db);
  await sql`CREATE INDEX sessions_without_attendance_idx ON sessions (starts_at)
    WHERE attendance_pupils IS NULL AND attendance_parents IS NULL
      AND attendance_professionals IS NULL`.execute(db);

  // The evaluation selects sessions by date, school and course.
  await db.schema
    .createIndex("sessions_course_starts_idx")
    .on("sessions")
    .columns(["course_id", "starts_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sessions_course_starts_idx").execute();
  await db.schema.dropIndex("sessions_without_attendance_idx").execute();
  for (const table of [
    "feedback_session_rollup",
    "feedback_scale_rollup",
    "feedback_item_rollup",
    "feedback_scale_sums",
    "feedback_item_counts",
    "feedback_session_counts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
