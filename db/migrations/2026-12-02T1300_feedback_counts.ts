import { type Kysely, sql } from "kysely";

/**
 * Per-session answer counts for the evaluation, so that its pages never read or parse answer rows.
 * Written in the same transaction as each answer (db/queries/feedback.ts, insertFeedbackResponses)
 * and rebuilt and checked by `npm run db:rebuild-counts`. Counts per session only: nothing about
 * time or order (privacy.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
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
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  // How many answered each option of each item in a session.
  await db.schema
    .createTable("feedback_answer_counts")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck))
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("option_value", "text", (c) => c.notNull())
    .addColumn("answers", "integer", (c) => c.notNull().check(sql`answers >= 0`))
    .addPrimaryKeyConstraint("feedback_answer_counts_pk", [
      "session_id",
      "audience",
      "form_version",
      "item_key",
      "option_value",
    ])
    .modifyEnd(sql`WITHOUT ROWID`)
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
    .addColumn("score_sum", "real", (c) => c.notNull())
    .addColumn("score_sum_squares", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_scale_sums_pk", [
      "session_id",
      "audience",
      "form_version",
      "scale_key",
    ])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  // The evaluation selects sessions by date, school and course.
  await db.schema
    .createIndex("sessions_course_starts_idx")
    .on("sessions")
    .columns(["course_id", "starts_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sessions_course_starts_idx").execute();
  for (const table of [
    "feedback_scale_sums",
    "feedback_answer_counts",
    "feedback_session_counts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
