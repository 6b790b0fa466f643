import { type Kysely, sql } from "kysely";
import { columnTypes } from "../dialect";

/**
 * The domain schema for accounts, catalogue, requests, sessions, mail and audit.
 * Times are ISO-8601 UTC strings ("2026-03-06T08:00:00.000Z"): on SQLite text that sorts correctly,
 * so range queries use plain indexes; on PostgreSQL `timestamptz`, read back as the same strings
 * (db/connection.ts). Lists (languages, grades) are JSON arrays in text columns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("schools")
    .addColumn("id", "integer", t.id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("district", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("pilot_cohort", "integer", (c) =>
      c.check(sql`pilot_cohort IS NULL OR pilot_cohort BETWEEN 2000 AND 2100`),
    )
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0,1)`))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex("schools_pilot_idx").on("schools").column("pilot_cohort").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", t.id)
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role IN ('coordinator','facilitator','school_leader')`),
    )
    .addColumn("school_id", "integer", (c) => c.references("schools.id"))
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0,1)`))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("deactivated_at", t.timestamp)
    .addCheckConstraint(
      "users_school_leader_has_school",
      sql`(role = 'school_leader') = (school_id IS NOT NULL)`,
    )
    .execute();
  await db.schema.createIndex("users_school_idx").on("users").column("school_id").execute();
  await db.schema.createIndex("users_role_idx").on("users").columns(["role", "active"]).execute();

  await db.schema
    .createTable("sign_in_tokens")
    .addColumn("id", "integer", t.id)
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .addColumn("used_at", t.timestamp)
    .execute();
  await db.schema
    .createIndex("sign_in_tokens_user_idx")
    .on("sign_in_tokens")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("auth_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("auth_sessions_user_idx")
    .on("auth_sessions")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", t.epochMs, (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("courses")
    .addColumn("id", "integer", t.id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) =>
      c.notNull().check(sql`audience IN ('pupils','staff','parents')`),
    )
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("grade_min", "integer", (c) => c.check(sql`grade_min BETWEEN 0 AND 10`))
    .addColumn("grade_max", "integer", (c) => c.check(sql`grade_max BETWEEN 0 AND 10`))
    .addColumn("duration_minutes", "integer", (c) =>
      c.notNull().check(sql`duration_minutes BETWEEN 15 AND 480`),
    )
    .addColumn("max_participants", "integer", (c) => c.notNull().check(sql`max_participants > 0`))
    .addColumn("facilitators_needed", "integer", (c) =>
      c.notNull().defaultTo(1).check(sql`facilitators_needed BETWEEN 1 AND 4`),
    )
    .addColumn("languages", "text", (c) => c.notNull().defaultTo('["da"]'))
    .addColumn("school_provides", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lead_time_days", "integer", (c) =>
      c.notNull().defaultTo(14).check(sql`lead_time_days BETWEEN 0 AND 365`),
    )
    .addColumn("feedback_form_audience", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active IN (0,1)`))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint(
      "courses_grade_range",
      sql`grade_min IS NULL OR grade_max IS NULL OR grade_min <= grade_max`,
    )
    .execute();
  await db.schema
    .createIndex("courses_audience_idx")
    .on("courses")
    .columns(["active", "audience"])
    .execute();

  await db.schema
    .createTable("requests")
    .addColumn("id", "integer", t.id)
    .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
    .addColumn("requester_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("requested")
        .check(
          sql`status IN ('requested','in_progress','scheduled','delivered','declined','cancelled')`,
        ),
    )
    .addColumn("group_count", "integer", (c) =>
      c.notNull().check(sql`group_count BETWEEN 1 AND 50`),
    )
    .addColumn("participants_per_group", "integer", (c) =>
      c.notNull().check(sql`participants_per_group > 0`),
    )
    .addColumn("grades", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("languages_needed", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("interpreter_needed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decline_reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("requests_status_idx")
    .on("requests")
    .columns(["status", "created_at"])
    .execute();
  await db.schema
    .createIndex("requests_school_idx")
    .on("requests")
    .columns(["school_id", "created_at"])
    .execute();
  await db.schema.createIndex("requests_course_idx").on("requests").column("course_id").execute();

  await db.schema
    .createTable("request_windows")
    .addColumn("id", "integer", t.id)
    .addColumn("request_id", "integer", (c) =>
      c.notNull().references("requests.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("date", t.date, (c) => c.notNull())
    .addColumn("part", "text", (c) =>
      c.notNull().check(sql`part IN ('morning','midday','afternoon','custom')`),
    )
    .addColumn("from_time", "text")
    .addColumn("to_time", "text")
    .execute();
  await db.schema
    .createIndex("request_windows_request_idx")
    .on("request_windows")
    .column("request_id")
    .execute();

  await db.schema
    .createTable("request_events")
    .addColumn("id", "integer", t.id)
    .addColumn("request_id", "integer", (c) =>
      c.notNull().references("requests.id").onDelete("cascade"),
    )
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("request_events_request_idx")
    .on("request_events")
    .columns(["request_id", "id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "integer", t.id)
    .addColumn("request_id", "integer", (c) => c.notNull().references("requests.id"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id"))
    .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
    .addColumn("starts_at", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp, (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status IN ('scheduled','delivered','cancelled')`),
    )
    .addColumn("uid", "text", (c) => c.notNull().unique())
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("feedback_code", "text", (c) => c.unique())
    .addColumn("feedback_close_days", "integer", (c) => c.notNull().defaultTo(14))
    .addColumn("strict_feedback", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attendance_pupils", "integer", (c) => c.check(sql`attendance_pupils >= 0`))
    .addColumn("attendance_professionals", "integer", (c) =>
      c.check(sql`attendance_professionals >= 0`),
    )
    .addColumn("attendance_parents", "integer", (c) => c.check(sql`attendance_parents >= 0`))
    .addColumn("delivery_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("delivered_at", t.timestamp)
    .addColumn("cancelled_at", t.timestamp)
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint("sessions_time_order", sql`starts_at < ends_at`)
    .execute();
  await db.schema
    .createIndex("sessions_starts_idx")
    .on("sessions")
    .columns(["starts_at", "ends_at"])
    .execute();
  await db.schema.createIndex("sessions_request_idx").on("sessions").column("request_id").execute();
  await db.schema
    .createIndex("sessions_school_idx")
    .on("sessions")
    .columns(["school_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("session_facilitators")
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("sessions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addPrimaryKeyConstraint("session_facilitators_pk", ["session_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("session_facilitators_user_idx")
    .on("session_facilitators")
    .columns(["user_id", "session_id"])
    .execute();

  await db.schema
    .createTable("unavailability")
    .addColumn("id", "integer", t.id)
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("starts_at", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp, (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint("unavailability_time_order", sql`starts_at < ends_at`)
    .execute();
  await db.schema
    .createIndex("unavailability_user_idx")
    .on("unavailability")
    .columns(["user_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "integer", t.id)
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("ics_method", "text", (c) =>
      c.check(sql`ics_method IS NULL OR ics_method IN ('REQUEST','CANCEL','PUBLISH')`),
    )
    .addColumn("ics_content", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status IN ('pending','sent','failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("last_error", "text")
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("sent_at", t.timestamp)
    .execute();
  await db.schema
    .createIndex("email_outbox_due_idx")
    .on("email_outbox")
    .columns(["status", "next_attempt_at", "id"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", t.id)
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity_type", "entity_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log",
    "email_outbox",
    "calendar_feeds",
    "unavailability",
    "session_facilitators",
    "sessions",
    "request_events",
    "request_windows",
    "requests",
    "courses",
    "rate_limits",
    "auth_sessions",
    "sign_in_tokens",
    "users",
    "schools",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
