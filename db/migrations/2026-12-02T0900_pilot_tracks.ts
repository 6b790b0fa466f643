import { type Kysely, sql } from "kysely";
import { columnTypes } from "../dialect";

/**
 * Pilot tracks (issue 8): templates of ordered steps, a track per school and cohort year whose
 * steps are COPIED from the template when it starts (so later template edits never rewrite a
 * running or finished track), the link between a step and its sessions (and the request the step
 * schedules through), and the audited overrides of the order rule.
 *
 * Constraints that carry rules (not only checks in the service):
 * - at most one ACTIVE track per school and cohort year (a partial unique index; PostgreSQL has
 *   the same syntax);
 * - a course is at most one step of a template / a track;
 * - a session belongs to at most one step (session_id is the link's primary key), and a request
 *   serves at most one step.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("track_templates")
    .addColumn("id", "integer", t.id)
    .addColumn("name", "text", (c) =>
      c.notNull().unique().check(sql`length(name) BETWEEN 1 AND 120`),
    )
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0,1)`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable("track_template_steps")
    .addColumn("id", "integer", t.id)
    .addColumn("template_id", "integer", (c) =>
      c.notNull().references("track_templates.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
    .addColumn("sessions_expected", "integer", (c) =>
      c.notNull().check(sql`sessions_expected BETWEEN 1 AND 50`),
    )
    .addColumn("min_gap_days", "integer", (c) =>
      c.notNull().check(sql`min_gap_days BETWEEN 0 AND 365`),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("track_template_steps_position_uq", ["template_id", "position"])
    .addUniqueConstraint("track_template_steps_course_uq", ["template_id", "course_id"])
    .execute();
  await db.schema
    .createIndex("track_template_steps_course_idx")
    .on("track_template_steps")
    .column("course_id")
    .execute();

  await db.schema
    .createTable("tracks")
    .addColumn("id", "integer", t.id)
    .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
    .addColumn("template_id", "integer", (c) => c.references("track_templates.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("cohort_year", "integer", (c) =>
      c.notNull().check(sql`cohort_year BETWEEN 2000 AND 2100`),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("active").check(sql`status IN ('active','stopped')`),
    )
    .addColumn("stop_reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  // The rule "a school has at most one active track per year", as a constraint.
  await db.schema
    .createIndex("tracks_active_school_year_uq")
    .on("tracks")
    .columns(["school_id", "cohort_year"])
    .unique()
    .where(sql.ref("status"), "=", "active")
    .execute();
  await db.schema
    .createIndex("tracks_school_idx")
    .on("tracks")
    .columns(["school_id", "cohort_year"])
    .execute();
  await db.schema
    .createIndex("tracks_year_idx")
    .on("tracks")
    .columns(["cohort_year", "school_id"])
    .execute();

  await db.schema
    .createTable("track_steps")
    .addColumn("id", "integer", t.id)
    .addColumn("track_id", "integer", (c) =>
      c.notNull().references("tracks.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
    .addColumn("sessions_expected", "integer", (c) =>
      c.notNull().check(sql`sessions_expected BETWEEN 1 AND 50`),
    )
    .addColumn("min_gap_days", "integer", (c) =>
      c.notNull().check(sql`min_gap_days BETWEEN 0 AND 365`),
    )
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    /** The request "Planlæg session" schedules through (created or reused per step). */
    .addColumn("request_id", "integer", (c) => c.references("requests.id"))
    .addUniqueConstraint("track_steps_position_uq", ["track_id", "position"])
    .addUniqueConstraint("track_steps_course_uq", ["track_id", "course_id"])
    .execute();
  await db.schema
    .createIndex("track_steps_request_uq")
    .on("track_steps")
    .column("request_id")
    .unique()
    .where(sql.ref("request_id"), "is not", null)
    .execute();

  await db.schema
    .createTable("track_step_sessions")
    .addColumn("session_id", "integer", (c) =>
      c.primaryKey().references("sessions.id").onDelete("cascade"),
    )
    .addColumn("step_id", "integer", (c) =>
      c.notNull().references("track_steps.id").onDelete("cascade"),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("track_step_sessions_step_idx")
    .on("track_step_sessions")
    .columns(["step_id", "session_id"])
    .execute();

  await db.schema
    .createTable("track_overrides")
    .addColumn("id", "integer", t.id)
    .addColumn("track_id", "integer", (c) =>
      c.notNull().references("tracks.id").onDelete("cascade"),
    )
    .addColumn("step_id", "integer", (c) => c.references("track_steps.id").onDelete("set null"))
    .addColumn("session_id", "integer", (c) => c.references("sessions.id").onDelete("set null"))
    .addColumn("action", "text", (c) =>
      c.notNull().check(sql`action IN ('scheduled','moved','attached')`),
    )
    .addColumn("reason", "text", (c) => c.notNull().check(sql`length(reason) BETWEEN 1 AND 2000`))
    /** JSON: the order violations that were overridden (steps, sessions, dates). */
    .addColumn("violations", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("track_overrides_track_idx")
    .on("track_overrides")
    .columns(["track_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "track_overrides",
    "track_step_sessions",
    "track_steps",
    "tracks",
    "track_template_steps",
    "track_templates",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
