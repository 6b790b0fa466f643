import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect";

/**
 * An index on a course's feedback audience (the expression every evaluation query filters
 * sessions by). Courses are few, so it is not there to find rows: PostgreSQL keeps statistics on
 * an indexed expression, and without them it guessed that 1 of 115,000 sessions in 480 was a
 * pupils' session instead of a third, and sorted every session of the year to name the first 25
 * small ones (400 ms at load average 13) instead of walking them in start order (25 ms). The
 * statistics come with ANALYZE (autovacuum runs it after 50 changed courses; gen:scale runs it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX courses_feedback_audience_idx
    ON courses ((coalesce(feedback_form_audience, audience)))`.execute(db);
  if (isPostgres(db)) await sql`ANALYZE courses`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX courses_feedback_audience_idx`.execute(db);
}
