import { type Kysely, sql } from "kysely";
import {
  columnTypes,
  createGuardTrigger,
  isJsonText,
  isPostgres,
  matchesPattern,
  withoutRowid,
} from "../dialect";

/**
 * Anonymous feedback (privacy.md): versioned forms with items and translations, responses and
 * printed one-time codes.
 *
 * Anonymity is enforced by the shape of the tables:
 * - `feedback_responses` holds only a random id, the session, audience, form version, language,
 *   answers, an optional comment and the session's date: no time of answering, no client data.
 *   It is a WITHOUT ROWID table, so SQLite keeps no hidden, increasing rowid that would reveal the
 *   order in which answers arrived; rows are stored in the order of their random ids.
 * - `one_time_codes` holds only a keyed hash and a used flag per code, with no column that could
 *   point at a response (and responses have none that points back).
 * - A form version that has answers is frozen: triggers refuse to change or delete its items and
 *   texts (the service makes a new version instead).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const audienceCheck = (column: string) => sql`${sql.ref(column)} IN ('pupils','parents','staff')`;

  await db.schema
    .createTable("feedback_forms")
    .addColumn("id", "integer", t.id)
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck("audience")))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint("feedback_forms_audience_version_uq", ["audience", "version"])
    .execute();

  await db.schema
    .createTable("feedback_items")
    .addColumn("id", "integer", t.id)
    .addColumn("form_id", "integer", (c) =>
      c.notNull().references("feedback_forms.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) =>
      c.notNull().check(
        matchesPattern(db, {
          sqliteGlob: sql`key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'`,
          postgresRegex: sql`key ~ '^[a-z][a-z0-9_]*$'`,
        }),
      ),
    )
    .addColumn("scale", "text", (c) => c.notNull().check(sql`scale IN ('pupil4','agree5')`))
    .addUniqueConstraint("feedback_items_form_key_uq", ["form_id", "key"])
    .addUniqueConstraint("feedback_items_form_position_uq", ["form_id", "position"])
    .execute();

  // One row per text and language. Exactly one kind per row: an item's wording (item_id), a
  // scale option's label (scale + option_value) or the form's title (neither).
  await db.schema
    .createTable("feedback_texts")
    .addColumn("id", "integer", t.id)
    .addColumn("form_id", "integer", (c) =>
      c.notNull().references("feedback_forms.id").onDelete("cascade"),
    )
    .addColumn("item_id", "integer", (c) => c.references("feedback_items.id").onDelete("cascade"))
    .addColumn("scale", "text")
    .addColumn("option_value", "text")
    .addColumn("locale", "text", (c) =>
      c.notNull().check(sql`locale IN ('da','en','ar','so','ur','tr','fa')`),
    )
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(text) > 0`))
    .addColumn("is_draft", "integer", (c) => c.notNull().defaultTo(0).check(sql`is_draft IN (0,1)`))
    .addCheckConstraint(
      "feedback_texts_kind",
      sql`(item_id IS NOT NULL AND scale IS NULL AND option_value IS NULL)
        OR (item_id IS NULL AND scale IS NOT NULL AND option_value IS NOT NULL)
        OR (item_id IS NULL AND scale IS NULL AND option_value IS NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX feedback_texts_target_uq ON feedback_texts
    (form_id, coalesce(item_id, 0), coalesce(scale, ''), coalesce(option_value, ''), locale)`.execute(
    db,
  );

  await db.schema
    .createTable("feedback_responses")
    .addColumn("id", "text", (c) => c.primaryKey().check(sql`length(id) = 36`))
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(audienceCheck("audience")))
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("locale", "text", (c) =>
      c.notNull().check(sql`locale IN ('da','en','ar','so','ur','tr','fa')`),
    )
    .addColumn("answers", "text", (c) => c.notNull().check(isJsonText(db, "answers")))
    .addColumn("comment", "text")
    // A date type on PostgreSQL; a pattern-checked "YYYY-MM-DD" text on SQLite.
    .addColumn("session_date", t.date, (c) =>
      t.date === "date"
        ? c.notNull()
        : c.notNull().check(sql`session_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
    )
    .$call(withoutRowid(db))
    .execute();
  await db.schema
    .createIndex("feedback_responses_session_idx")
    .on("feedback_responses")
    .column("session_id")
    .execute();
  // "Has this form version answers?" and per-audience evaluation without a full scan.
  await db.schema
    .createIndex("feedback_responses_form_idx")
    .on("feedback_responses")
    .columns(["audience", "form_version"])
    .execute();

  await db.schema
    .createTable("one_time_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("sessions.id").onDelete("cascade"),
    )
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("used", "integer", (c) => c.notNull().defaultTo(0).check(sql`used IN (0,1)`))
    .$call(withoutRowid(db))
    .execute();
  await db.schema
    .createIndex("one_time_codes_session_idx")
    .on("one_time_codes")
    .columns(["session_id", "used"])
    .execute();

  // A form version with answers is never edited (its meaning is what people answered).
  const message = "feedback form version has answers: make a new version";
  for (const table of ["feedback_items", "feedback_texts"]) {
    for (const event of ["UPDATE", "DELETE"] as const) {
      await createGuardTrigger(db, {
        name: `${table}_frozen_${event.toLowerCase()}`,
        table,
        event,
        when: sql`EXISTS (
        SELECT 1 FROM feedback_forms f
        JOIN feedback_responses r ON r.audience = f.audience AND r.form_version = f.version
        WHERE f.id = OLD.form_id
      )`,
        message,
      });
    }
  }
  await createGuardTrigger(db, {
    name: "feedback_forms_frozen_update",
    table: "feedback_forms",
    event: "UPDATE",
    when: sql`EXISTS (
      SELECT 1 FROM feedback_responses r
      WHERE r.audience = OLD.audience AND r.form_version = OLD.version
    )`,
    message,
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "one_time_codes",
    "feedback_responses",
    "feedback_texts",
    "feedback_items",
    "feedback_forms",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) {
    for (const name of [
      "feedback_items_frozen_update",
      "feedback_items_frozen_delete",
      "feedback_texts_frozen_update",
      "feedback_texts_frozen_delete",
      "feedback_forms_frozen_update",
    ]) {
      await sql`DROP FUNCTION IF EXISTS ${sql.raw(name)}()`.execute(db);
    }
  }
}
