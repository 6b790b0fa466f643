import { type Kysely, sql } from "kysely";
import { columnTypes, isJsonText } from "../dialect";

/**
 * The annual report to the committee (issue 10): one report per year; its text sections as
 * drafts with history (every save is a row; the newest row of a section is its current text);
 * and its final versions, each holding a frozen JSON snapshot of every number and chart input as
 * they were when it was finalised. A final version is never edited: it is superseded (with a
 * reason) and the next finalisation makes a new version.
 *
 * `annual_reports.version` is the optimistic-concurrency counter that finalising and
 * superseding check and bump (two finalisations at the same moment: one wins). The unique
 * (report_id, number) of the versions makes "one version n" a constraint as well.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("annual_reports")
    .addColumn("id", "integer", t.id)
    .addColumn("year", "integer", (c) =>
      c.notNull().unique().check(sql`year BETWEEN 2000 AND 2100`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable("annual_report_texts")
    .addColumn("id", "integer", t.id)
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("annual_reports.id").onDelete("cascade"),
    )
    .addColumn("section", "text", (c) =>
      c.notNull().check(sql`section IN ('summary','pilot','expertGroup','nextYear')`),
    )
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(text) <= 20000`))
    .addColumn("author_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex("annual_report_texts_section_idx")
    .on("annual_report_texts")
    .columns(["report_id", "section", "id"])
    .execute();

  await db.schema
    .createTable("annual_report_versions")
    .addColumn("id", "integer", t.id)
    .addColumn("report_id", "integer", (c) =>
      c.notNull().references("annual_reports.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number >= 1`))
    /** JSON: the report model and the text sections as finalised (db/queries/reports.ts decodes it). */
    .addColumn("snapshot", "text", (c) => c.notNull().check(isJsonText(db, "snapshot")))
    .addColumn("finalised_at", t.timestamp, (c) => c.notNull())
    .addColumn("finalised_by", "integer", (c) => c.references("users.id"))
    .addColumn("superseded_at", t.timestamp)
    .addColumn("superseded_by_user", "integer", (c) => c.references("users.id"))
    /** The version that replaced this one (set when the next version is finalised). */
    .addColumn("superseded_by", "integer", (c) => c.references("annual_report_versions.id"))
    .addColumn("supersede_reason", "text", (c) =>
      c.check(sql`supersede_reason IS NULL OR length(supersede_reason) BETWEEN 1 AND 2000`),
    )
    .addUniqueConstraint("annual_report_versions_number_uq", ["report_id", "number"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["annual_report_versions", "annual_report_texts", "annual_reports"]) {
    await db.schema.dropTable(table).execute();
  }
}
