/**
 * The annual report's reads and writes: the report rows, text history and final versions (the
 * snapshot JSON is decoded here, nowhere else), and the year's live counts, added up in SQL (a
 * few hundred rows at most whatever the number of schools).
 */
import { sql } from "kysely";
import {
  type DistrictRow,
  isReportSnapshot,
  type MonthCountRow,
  type ReportSectionKey,
  type ReportSnapshot,
} from "../../app/domain/report";
import type { DB } from "../connection";
import { decodeJsonList, isString } from "../json";

// ---- reports, texts, versions ----

export function findReport(db: DB, year: number) {
  return db.selectFrom("annual_reports").selectAll().where("year", "=", year).executeTakeFirst();
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The report of `year`, created (version 1, no texts) when it does not exist yet. */
export async function findOrCreateReport(db: DB, year: number, at: string): Promise<ReportRow> {
  await db
    .insertInto("annual_reports")
    .values({ year, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
  const row = await findReport(db, year);
  if (!row) throw new Error(`report ${year} missing after insert`);
  return row;
}

/** Bumps the report's version if it is still `expected`; false when someone changed it first. */
export async function bumpReportVersion(
  db: DB,
  reportId: number,
  expected: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("annual_reports")
    .set({ version: expected + 1, updated_at: at })
    .where("id", "=", reportId)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertReportText(
  db: DB,
  row: { reportId: number; section: ReportSectionKey; text: string; authorId: number; at: string },
) {
  await db
    .insertInto("annual_report_texts")
    .values({
      report_id: row.reportId,
      section: row.section,
      text: row.text,
      author_id: row.authorId,
      created_at: row.at,
    })
    .execute();
}

/** The current text of each section: its newest save. */
export async function currentReportTexts(
  db: DB,
  reportId: number,
): Promise<Partial<Record<ReportSectionKey, string>>> {
  const rows = await db
    .selectFrom("annual_report_texts as t")
    .select(["t.section", "t.text"])
    .where("t.report_id", "=", reportId)
    .where("t.id", "in", (q) =>
      q
        .selectFrom("annual_report_texts as u")
        .select((eb) => eb.fn.max("u.id").as("id"))
        .where("u.report_id", "=", reportId)
        .groupBy("u.section"),
    )
    .execute();
  return Object.fromEntries(rows.map((r) => [r.section, r.text]));
}

/** Every save, newest first (the history list): section, length, author and time. */
export function listReportTextHistory(db: DB, reportId: number, limit = 50) {
  return db
    .selectFrom("annual_report_texts as t")
    .leftJoin("users as u", "u.id", "t.author_id")
    .select([
      "t.id",
      "t.section",
      (eb) => eb.fn("length", ["t.text"]).as("length"),
      "t.created_at",
      "u.name as author_name",
    ])
    .where("t.report_id", "=", reportId)
    .orderBy("t.id", "desc")
    .limit(limit)
    .execute();
}

export interface ReportVersion {
  id: number;
  number: number;
  finalisedAt: string;
  finalisedBy: string | null;
  supersededAt: string | null;
  supersededByUser: string | null;
  supersededBy: number | null;
  supersedeReason: string | null;
}

function versionsQuery(db: DB) {
  return db
    .selectFrom("annual_report_versions as v")
    .leftJoin("users as f", "f.id", "v.finalised_by")
    .leftJoin("users as s", "s.id", "v.superseded_by_user")
    .select([
      "v.id",
      "v.report_id",
      "v.number",
      "v.finalised_at",
      "v.superseded_at",
      "v.superseded_by",
      "v.supersede_reason",
      "f.name as finalised_by_name",
      "s.name as superseded_by_name",
    ]);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionsQuery>["execute"]>>[number];

function toVersion(row: VersionRow): ReportVersion {
  return {
    id: row.id,
    number: row.number,
    finalisedAt: row.finalised_at,
    finalisedBy: row.finalised_by_name,
    supersededAt: row.superseded_at,
    supersededByUser: row.superseded_by_name,
    supersededBy: row.superseded_by,
    supersedeReason: row.supersede_reason,
  };
}

/** The report's final versions, newest first. */
export async function listReportVersions(db: DB, reportId: number): Promise<ReportVersion[]> {
  const rows = await versionsQuery(db)
    .where("v.report_id", "=", reportId)
    .orderBy("v.number", "desc")
    .execute();
  return rows.map(toVersion);
}

/** A version's snapshot, decoded and checked (a broken snapshot is an error, never guessed at). */
export async function loadReportSnapshot(db: DB, versionId: number): Promise<ReportSnapshot> {
  const row = await db
    .selectFrom("annual_report_versions")
    .select("snapshot")
    .where("id", "=", versionId)
    .executeTakeFirstOrThrow();
  const value: unknown = JSON.parse(row.snapshot);
  if (!isReportSnapshot(value)) throw new Error(`report version ${versionId}: bad snapshot`);
  return value;
}

export async function insertReportVersion(
  db: DB,
  row: { reportId: number; number: number; snapshot: ReportSnapshot; at: string; by: number },
): Promise<number> {
  const inserted = await db
    .insertInto("annual_report_versions")
    .values({
      report_id: row.reportId,
      number: row.number,
      snapshot: JSON.stringify(row.snapshot),
      finalised_at: row.at,
      finalised_by: row.by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Marks the current final version superseded (reason, who, when); false if there is none. */
export async function markVersionSuperseded(
  db: DB,
  versionId: number,
  change: { reason: string; by: number; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("annual_report_versions")
    .set({
      superseded_at: change.at,
      superseded_by_user: change.by,
      supersede_reason: change.reason,
    })
    .where("id", "=", versionId)
    .where("superseded_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links superseded versions that no version replaced yet to the new one. */
export async function linkSupersededVersions(db: DB, reportId: number, newVersionId: number) {
  await db
    .updateTable("annual_report_versions")
    .set({ superseded_by: newVersionId })
    .where("report_id", "=", reportId)
    .where("superseded_at", "is not", null)
    .where("superseded_by", "is", null)
    .execute();
}

/** Every report with its newest version (the list page). */
export async function listReports(db: DB) {
  const reports = await db
    .selectFrom("annual_reports")
    .selectAll()
    .orderBy("year", "desc")
    .execute();
  const versions = await versionsQuery(db).orderBy("v.number", "desc").execute();
  const texts = await db
    .selectFrom("annual_report_texts")
    .select(["report_id", (eb) => eb.fn.max("created_at").as("last_saved")])
    .groupBy("report_id")
    .execute();
  return reports.map((r) => ({
    year: r.year,
    latest: versions.filter((v) => v.report_id === r.id).map(toVersion)[0] ?? null,
    lastSaved: texts.find((t) => t.report_id === r.id)?.last_saved ?? null,
  }));
}

// ---- live counts of a year ----

export interface YearBounds {
  /** UTC instants of the Copenhagen month starts: 1 January ... 1 January next year (13). */
  monthStarts: readonly string[];
}

const byName = (name: string) => sql.ref(name);

/** Sessions per audience, Copenhagen month and status, with the audience's attendance. */
export async function reportMonthCounts(db: DB, bounds: YearBounds): Promise<MonthCountRow[]> {
  const starts = bounds.monthStarts;
  const whens = starts
    .slice(1, 12)
    .map((start, i) => sql`WHEN s.starts_at < ${start} THEN ${sql.lit(i + 1)}`);
  const month = sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(12)} END`;
  const attendanceOf = sql<number | null>`CASE c.audience
    WHEN 'pupils' THEN s.attendance_pupils
    WHEN 'staff' THEN s.attendance_professionals
    ELSE s.attendance_parents END`;
  const delivered = sql`s.status = 'delivered'`;
  const rows = await db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select([
      "c.audience",
      month.as("month"),
      "s.status",
      (eb) => eb.fn.countAll<number>().as("sessions"),
      sql<number>`coalesce(sum(CASE WHEN ${delivered} THEN ${attendanceOf} ELSE 0 END), 0)`.as(
        "attendance",
      ),
      sql<number>`coalesce(sum(CASE WHEN ${delivered} AND ${attendanceOf} IS NULL THEN 1 ELSE 0 END), 0)`.as(
        "without_attendance",
      ),
    ])
    .where("s.starts_at", ">=", starts[0])
    .where("s.starts_at", "<", starts[12])
    .groupBy(["c.audience", byName("month"), "s.status"])
    .execute();
  return rows.map((r) => ({
    audience: r.audience,
    month: Number(r.month),
    status: r.status,
    sessions: Number(r.sessions),
    attendance: Number(r.attendance),
    withoutAttendance: Number(r.without_attendance),
  }));
}

/** Schools reached (a delivered session in the year) and their sessions, per district and cohort. */
export async function reportDistricts(db: DB, bounds: YearBounds): Promise<DistrictRow[]> {
  const pilot = sql<number>`CASE WHEN sc.pilot_cohort IS NULL THEN 0 ELSE 1 END`;
  const rows = await db
    .selectFrom("sessions as s")
    .innerJoin("schools as sc", "sc.id", "s.school_id")
    .select([
      "sc.district",
      pilot.as("pilot"),
      sql<number>`count(DISTINCT s.school_id)`.as("schools"),
      (eb) => eb.fn.countAll<number>().as("sessions"),
    ])
    .where("s.status", "=", "delivered")
    .where("s.starts_at", ">=", bounds.monthStarts[0])
    .where("s.starts_at", "<", bounds.monthStarts[12])
    .groupBy(["sc.district", byName("pilot")])
    .execute();
  return rows.map((r) => ({
    district: r.district,
    pilot: Number(r.pilot) === 1,
    schools: Number(r.schools),
    sessions: Number(r.sessions),
  }));
}

/**
 * Delivered parent dialogues per language named on their requests ("da" when none was named:
 * held in Danish without interpreting). A dialogue in two languages counts for each.
 */
export async function reportParentLanguages(
  db: DB,
  bounds: YearBounds,
): Promise<Array<{ language: string; sessions: number }>> {
  const rows = await db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("requests as r", "r.id", "s.request_id")
    .select(["r.languages_needed", (eb) => eb.fn.countAll<number>().as("sessions")])
    .where("c.audience", "=", "parents")
    .where("s.status", "=", "delivered")
    .where("s.starts_at", ">=", bounds.monthStarts[0])
    .where("s.starts_at", "<", bounds.monthStarts[12])
    .groupBy("r.languages_needed")
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const listed = decodeJsonList(row.languages_needed, isString);
    const languages = listed.length > 0 ? listed : ["da"];
    for (const language of new Set(languages)) {
      counts.set(language, (counts.get(language) ?? 0) + Number(row.sessions));
    }
  }
  return [...counts].map(([language, sessions]) => ({ language, sessions }));
}

/** Requests declined in the year (a declined request is final: its last change is the decline). */
export async function reportDeclinedRequests(db: DB, bounds: YearBounds): Promise<number> {
  const row = await db
    .selectFrom("requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "declined")
    .where("updated_at", ">=", bounds.monthStarts[0])
    .where("updated_at", "<", bounds.monthStarts[12])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
