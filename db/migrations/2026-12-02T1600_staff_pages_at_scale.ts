import { type Kysely, sql } from "kysely";
import { createRowTrigger, dropGuardTrigger } from "../dialect";

/**
 * The staff pages with national data (issue 13: ~1,100 schools, ten years, 600,000+ requests):
 *
 * - The coordinator's inbox lists requests oldest (or newest) first without a status filter: an
 *   index on (created_at, id) serves that order, so a page reads 25 index entries instead of
 *   sorting every request.
 * - The facilitator's upcoming sessions (ends_at after now) are few among ten years of sessions:
 *   an index on ends_at finds them without walking the facilitator's whole history.
 * - The inbox shows how many requests each status has, for its filters (school, course, audience,
 *   cohort). Counting 600,000 requests per page view is far too slow, so `request_counts` keeps
 *   them per status, school and course, maintained by triggers on `requests` in the same
 *   transaction as each write (whatever code writes requests). The inbox adds up at most a few
 *   thousand of its rows. (db/queries/requests.ts)
 */
const KEY = sql`status = OLD.status AND school_id = OLD.school_id AND course_id = OLD.course_id`;
const increment = sql`INSERT INTO request_counts (status, school_id, course_id, n)
  VALUES (NEW.status, NEW.school_id, NEW.course_id, 1)
  ON CONFLICT (status, school_id, course_id) DO UPDATE SET n = request_counts.n + 1`;
const decrement = sql`UPDATE request_counts SET n = n - 1 WHERE ${KEY}`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("requests_created_idx")
    .on("requests")
    .columns(["created_at", "id"])
    .execute();
  await db.schema.createIndex("sessions_ends_idx").on("sessions").column("ends_at").execute();

  await db.schema
    .createTable("request_counts")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
    .addColumn("n", "integer", (c) => c.notNull().check(sql`n >= 0`))
    .addPrimaryKeyConstraint("request_counts_pk", ["status", "school_id", "course_id"])
    .execute();
  await sql`INSERT INTO request_counts (status, school_id, course_id, n)
    SELECT status, school_id, course_id, count(*) FROM requests
    GROUP BY status, school_id, course_id`.execute(db);
  await createRowTrigger(db, {
    name: "request_counts_insert",
    table: "requests",
    event: "INSERT",
    statements: [increment],
  });
  await createRowTrigger(db, {
    name: "request_counts_update",
    table: "requests",
    event: "UPDATE",
    columns: ["status", "school_id", "course_id"],
    statements: [decrement, increment],
  });
  await createRowTrigger(db, {
    name: "request_counts_delete",
    table: "requests",
    event: "DELETE",
    statements: [decrement],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ["insert", "update", "delete"]) {
    await dropGuardTrigger(db, `request_counts_${event}`, "requests");
  }
  await db.schema.dropTable("request_counts").execute();
  await db.schema.dropIndex("sessions_ends_idx").execute();
  await db.schema.dropIndex("requests_created_idx").execute();
}
