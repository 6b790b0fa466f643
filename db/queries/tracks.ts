/**
 * Pilot tracks: templates and their steps, tracks with their own copies of the steps, the
 * step <-> session links, the request each step schedules through, and the order overrides.
 * Steps are numbered 1..n without gaps; renumbering goes through positions above any real one
 * first (`REORDER_OFFSET`), so the (parent, position) unique constraints hold at every statement.
 */
import type { OrderSession, OrderStep } from "../../app/domain/tracks";
import type { DB } from "../connection";
import { decodeJsonList, isPresent } from "../json";
import type { SessionStatus, TrackOverrideAction, TrackStatus } from "../schema";

/** Far above MAX_STEPS: the parking place of positions while steps are renumbered. */
const REORDER_OFFSET = 10_000;

// ---- templates ----

export function listTemplates(db: DB) {
  return db
    .selectFrom("track_templates as t")
    .select((eb) => [
      "t.id",
      "t.name",
      "t.description",
      "t.active",
      "t.version",
      eb
        .selectFrom("track_template_steps as s")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("s.template_id", "=", "t.id")
        .as("step_count"),
      eb
        .selectFrom("tracks as tr")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("tr.template_id", "=", "t.id")
        .as("track_count"),
    ])
    .orderBy("t.active", "desc")
    .orderBy("t.name")
    .execute();
}

export function findTemplate(db: DB, templateId: number) {
  return db
    .selectFrom("track_templates")
    .selectAll()
    .where("id", "=", templateId)
    .executeTakeFirst();
}

export function findTemplateByName(db: DB, name: string) {
  return db
    .selectFrom("track_templates")
    .select(["id", "name"])
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function countTracksOfTemplate(db: DB, templateId: number): Promise<number> {
  const row = await db
    .selectFrom("tracks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("template_id", "=", templateId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const stepCourseColumns = [
  "c.title as course_title",
  "c.audience as course_audience",
  "c.active as course_active",
  "c.facilitators_needed as course_facilitators_needed",
] as const;

/** A template's steps in order, with their courses. */
export function listTemplateSteps(db: DB, templateId: number) {
  return db
    .selectFrom("track_template_steps as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select([
      "s.id",
      "s.template_id",
      "s.position",
      "s.course_id",
      "s.sessions_expected",
      "s.min_gap_days",
      "s.note",
      ...stepCourseColumns,
    ])
    .where("s.template_id", "=", templateId)
    .orderBy("s.position")
    .execute();
}
export type TemplateStepRow = Awaited<ReturnType<typeof listTemplateSteps>>[number];

export async function insertTemplate(
  db: DB,
  values: { name: string; description: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto("track_templates")
    .values({
      name: values.name,
      description: values.description,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Applies a change to a template if its version is still `expectedVersion` and bumps the version
 * (also for changes to its steps, which the caller makes in the same transaction). False when stale.
 */
export async function touchTemplateIfVersion(
  db: DB,
  templateId: number,
  expectedVersion: number,
  now: string,
  changes: { name?: string; description?: string; active?: boolean } = {},
): Promise<boolean> {
  const result = await db
    .updateTable("track_templates")
    .set((eb) => ({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      version: eb("version", "+", 1),
      updated_at: now,
    }))
    .where("id", "=", templateId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface StepFields {
  courseId: number;
  sessionsExpected: number;
  minGapDays: number;
  note: string;
}

export async function insertTemplateStep(
  db: DB,
  templateId: number,
  position: number,
  step: StepFields,
): Promise<number> {
  const row = await db
    .insertInto("track_template_steps")
    .values({
      template_id: templateId,
      position,
      course_id: step.courseId,
      sessions_expected: step.sessionsExpected,
      min_gap_days: step.minGapDays,
      note: step.note,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTemplateStep(db: DB, stepId: number, step: StepFields) {
  await db
    .updateTable("track_template_steps")
    .set({
      course_id: step.courseId,
      sessions_expected: step.sessionsExpected,
      min_gap_days: step.minGapDays,
      note: step.note,
    })
    .where("id", "=", stepId)
    .execute();
}

export async function deleteTemplateStep(db: DB, stepId: number) {
  await db.deleteFrom("track_template_steps").where("id", "=", stepId).execute();
}

/** Renumbers a template's steps 1..n in the order of `stepIds`. */
export function setTemplateStepOrder(db: DB, templateId: number, stepIds: readonly number[]) {
  return renumber(db, "track_template_steps", "template_id", templateId, stepIds);
}

/**
 * Renumbers the steps of one template or track 1..n in the order of `stepIds`, parking them
 * above every real position first so the (parent, position) unique constraint holds throughout.
 */
async function renumber(
  db: DB,
  table: "track_template_steps" | "track_steps",
  parentColumn: "template_id" | "track_id",
  parentId: number,
  stepIds: readonly number[],
) {
  for (const offset of [REORDER_OFFSET, 0]) {
    for (const [index, id] of stepIds.entries()) {
      // The two tables share these columns; Kysely cannot type a table chosen at run time.
      await db
        .updateTable(table as "track_steps")
        .set({ position: offset + index + 1 })
        .where("id", "=", id)
        .where(parentColumn as "track_id", "=", parentId)
        .execute();
    }
  }
}

// ---- courses for the step forms ----

/** Every course (active first) for the step forms; inactive ones are shown but refused. */
export function listCourseOptionsForSteps(db: DB) {
  return db
    .selectFrom("courses")
    .select(["id", "title", "audience", "active"])
    .orderBy("active", "desc")
    .orderBy("title")
    .execute();
}

export function findCourseForStep(db: DB, courseId: number) {
  return db
    .selectFrom("courses")
    .select([
      "id",
      "title",
      "audience",
      "active",
      "max_participants",
      "grade_min",
      "grade_max",
      "duration_minutes",
    ])
    .where("id", "=", courseId)
    .executeTakeFirst();
}

// ---- tracks ----

const trackColumns = [
  "t.id",
  "t.school_id",
  "t.template_id",
  "t.name",
  "t.cohort_year",
  "t.status",
  "t.stop_reason",
  "t.version",
  "t.created_at",
  "t.updated_at",
  "sc.name as school_name",
  "sc.address as school_address",
  "sc.district as school_district",
  "sc.pilot_cohort as school_pilot_cohort",
] as const;

/** Every track, newest cohort first, then by school. */
export function listTracks(db: DB) {
  return db
    .selectFrom("tracks as t")
    .innerJoin("schools as sc", "sc.id", "t.school_id")
    .select(trackColumns)
    .orderBy("t.cohort_year", "desc")
    .orderBy("sc.name")
    .orderBy("t.id")
    .execute();
}

export function listTracksOfSchool(db: DB, schoolId: number) {
  return db
    .selectFrom("tracks as t")
    .innerJoin("schools as sc", "sc.id", "t.school_id")
    .select(trackColumns)
    .where("t.school_id", "=", schoolId)
    .orderBy("t.cohort_year", "desc")
    .orderBy("t.id", "desc")
    .execute();
}

export function findTrack(db: DB, trackId: number) {
  return db
    .selectFrom("tracks as t")
    .innerJoin("schools as sc", "sc.id", "t.school_id")
    .select(trackColumns)
    .where("t.id", "=", trackId)
    .executeTakeFirst();
}
export type TrackRow = NonNullable<Awaited<ReturnType<typeof findTrack>>>;

export function findActiveTrackOfSchoolYear(db: DB, schoolId: number, cohortYear: number) {
  return db
    .selectFrom("tracks")
    .select(["id", "name", "created_at"])
    .where("school_id", "=", schoolId)
    .where("cohort_year", "=", cohortYear)
    .where("status", "=", "active")
    .executeTakeFirst();
}

export async function insertTrack(
  db: DB,
  values: {
    schoolId: number;
    templateId: number;
    name: string;
    cohortYear: number;
    createdBy: number | null;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("tracks")
    .values({
      school_id: values.schoolId,
      template_id: values.templateId,
      name: values.name,
      cohort_year: values.cohortYear,
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Bumps a track's version if it is still `expectedVersion` (optionally stopping it). */
export async function touchTrackIfVersion(
  db: DB,
  trackId: number,
  expectedVersion: number,
  now: string,
  changes: { status?: TrackStatus; stopReason?: string | null } = {},
): Promise<boolean> {
  const result = await db
    .updateTable("tracks")
    .set((eb) => ({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.stopReason !== undefined ? { stop_reason: changes.stopReason } : {}),
      version: eb("version", "+", 1),
      updated_at: now,
    }))
    .where("id", "=", trackId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- track steps ----

/** The steps of the given tracks in order, with their courses. */
export function listTrackSteps(db: DB, trackIds: readonly number[]) {
  if (trackIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("track_steps as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select([
      "s.id",
      "s.track_id",
      "s.position",
      "s.course_id",
      "s.sessions_expected",
      "s.min_gap_days",
      "s.note",
      "s.request_id",
      ...stepCourseColumns,
    ])
    .where("s.track_id", "in", trackIds)
    .orderBy("s.track_id")
    .orderBy("s.position")
    .execute();
}
export type TrackStepRow = Awaited<ReturnType<typeof listTrackSteps>>[number];

export async function insertTrackStep(
  db: DB,
  trackId: number,
  position: number,
  step: StepFields,
): Promise<number> {
  const row = await db
    .insertInto("track_steps")
    .values({
      track_id: trackId,
      position,
      course_id: step.courseId,
      sessions_expected: step.sessionsExpected,
      min_gap_days: step.minGapDays,
      note: step.note,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTrackStep(db: DB, stepId: number, step: Omit<StepFields, "courseId">) {
  await db
    .updateTable("track_steps")
    .set({
      sessions_expected: step.sessionsExpected,
      min_gap_days: step.minGapDays,
      note: step.note,
    })
    .where("id", "=", stepId)
    .execute();
}

export async function deleteTrackStep(db: DB, stepId: number) {
  await db.deleteFrom("track_steps").where("id", "=", stepId).execute();
}

/** Renumbers a track's steps 1..n in the order of `stepIds`. */
export function setTrackStepOrder(db: DB, trackId: number, stepIds: readonly number[]) {
  return renumber(db, "track_steps", "track_id", trackId, stepIds);
}

export async function setStepRequest(db: DB, stepId: number, requestId: number | null) {
  await db
    .updateTable("track_steps")
    .set({ request_id: requestId })
    .where("id", "=", stepId)
    .execute();
}

/** A step with its track's status, school and version (the context of every step change). */
const stepContextColumns = [
  "s.id",
  "s.track_id",
  "s.position",
  "s.course_id",
  "s.sessions_expected",
  "s.min_gap_days",
  "s.note",
  "s.request_id",
  "t.status as track_status",
  "t.version as track_version",
  "t.school_id",
  "t.name as track_name",
  "t.cohort_year",
  "c.title as course_title",
  "c.audience as course_audience",
  "c.active as course_active",
] as const;

function stepContextQuery(db: DB) {
  return db
    .selectFrom("track_steps as s")
    .innerJoin("tracks as t", "t.id", "s.track_id")
    .innerJoin("courses as c", "c.id", "s.course_id");
}

export function findStepContext(db: DB, stepId: number) {
  return stepContextQuery(db)
    .select(stepContextColumns)
    .where("s.id", "=", stepId)
    .executeTakeFirst();
}
export type StepContext = NonNullable<Awaited<ReturnType<typeof findStepContext>>>;

/** The step (of an active track) a request schedules for, if any. */
export function findActiveStepOfRequest(db: DB, requestId: number) {
  return stepContextQuery(db)
    .select(stepContextColumns)
    .where("s.request_id", "=", requestId)
    .where("t.status", "=", "active")
    .executeTakeFirst();
}

/** The step (of an active track) a session belongs to, if any. */
export function findActiveStepOfSession(db: DB, sessionId: number) {
  return stepContextQuery(db)
    .innerJoin("track_step_sessions as l", "l.step_id", "s.id")
    .select(stepContextColumns)
    .where("l.session_id", "=", sessionId)
    .where("t.status", "=", "active")
    .executeTakeFirst();
}

/** The step a session belongs to (any track status), with its track: for the session page. */
export function findStepOfSession(db: DB, sessionId: number) {
  return stepContextQuery(db)
    .innerJoin("track_step_sessions as l", "l.step_id", "s.id")
    .select(stepContextColumns)
    .where("l.session_id", "=", sessionId)
    .executeTakeFirst();
}

// ---- step <-> session links ----

export async function linkSessionToStep(
  db: DB,
  values: { sessionId: number; stepId: number; actorId: number | null; now: string },
) {
  await db
    .insertInto("track_step_sessions")
    .values({
      session_id: values.sessionId,
      step_id: values.stepId,
      created_by: values.actorId,
      created_at: values.now,
    })
    .execute();
}

export async function unlinkSession(db: DB, sessionId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("track_step_sessions")
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface TrackSessionRow {
  id: number;
  step_id: number;
  request_id: number;
  starts_at: string;
  ends_at: string;
  location: string;
  status: SessionStatus;
  attendance_pupils: number | null;
  attendance_professionals: number | null;
  attendance_parents: number | null;
}

/** Every session linked to a step of the given tracks (any status), by start time. */
export function listSessionsOfTracks(
  db: DB,
  trackIds: readonly number[],
): Promise<TrackSessionRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("track_steps as s")
    .innerJoin("track_step_sessions as l", "l.step_id", "s.id")
    .innerJoin("sessions as se", "se.id", "l.session_id")
    .select([
      "se.id",
      "l.step_id",
      "se.request_id",
      "se.starts_at",
      "se.ends_at",
      "se.location",
      "se.status",
      "se.attendance_pupils",
      "se.attendance_professionals",
      "se.attendance_parents",
    ])
    .where("s.track_id", "in", trackIds)
    .orderBy("se.starts_at")
    .orderBy("se.id")
    .execute();
}

/** Track step rows as the order rule takes them. */
export function orderStepsOf(steps: readonly TrackStepRow[]): OrderStep[] {
  return steps.map((s) => ({ id: s.id, position: s.position, minGapDays: s.min_gap_days }));
}

/** Track session rows as the order rule takes them. */
export function orderSessionsOf(sessions: readonly TrackSessionRow[]): OrderSession[] {
  return sessions.map((s) => ({
    id: s.id,
    stepId: s.step_id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    status: s.status,
  }));
}

/**
 * Everything the order rule needs about one track: its steps (with course titles, for the
 * messages) and every session linked to them.
 */
export async function loadTrackOrder(db: DB, trackId: number) {
  const rows = await listTrackSteps(db, [trackId]);
  const sessions = await listSessionsOfTracks(db, [trackId]);
  return {
    rows,
    steps: orderStepsOf(rows),
    sessions: orderSessionsOf(sessions),
    titles: new Map(rows.map((row) => [row.id, row.course_title])),
  };
}

/** How many sessions a step has, per status (cancelled included). */
export async function countSessionsOfStep(db: DB, stepId: number) {
  const rows = await db
    .selectFrom("track_step_sessions as l")
    .innerJoin("sessions as se", "se.id", "l.session_id")
    .select(["se.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("l.step_id", "=", stepId)
    .groupBy("se.status")
    .execute();
  const counts: Record<SessionStatus, number> = { scheduled: 0, delivered: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * Sessions of a school for the given courses that no step has yet and that are not cancelled:
 * what "attach to step" offers.
 */
export function listAttachableSessions(db: DB, schoolId: number, courseIds: readonly number[]) {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("sessions as se")
    .innerJoin("courses as c", "c.id", "se.course_id")
    .leftJoin("track_step_sessions as l", "l.session_id", "se.id")
    .select([
      "se.id",
      "se.course_id",
      "se.request_id",
      "se.starts_at",
      "se.ends_at",
      "se.status",
      "c.title as course_title",
    ])
    .where("se.school_id", "=", schoolId)
    .where("se.course_id", "in", courseIds)
    .where("se.status", "!=", "cancelled")
    .where("l.session_id", "is", null)
    .orderBy("se.starts_at")
    .execute();
}

/** A session as attaching needs it: school, course, status, request and any existing step. */
export function findSessionForAttach(db: DB, sessionId: number) {
  return db
    .selectFrom("sessions as se")
    .leftJoin("track_step_sessions as l", "l.session_id", "se.id")
    .select([
      "se.id",
      "se.school_id",
      "se.course_id",
      "se.request_id",
      "se.starts_at",
      "se.ends_at",
      "se.status",
      "l.step_id as linked_step_id",
    ])
    .where("se.id", "=", sessionId)
    .executeTakeFirst();
}

/** Is this request already the scheduling request of some step? */
export async function requestServesAStep(db: DB, requestId: number): Promise<boolean> {
  const row = await db
    .selectFrom("track_steps")
    .select("id")
    .where("request_id", "=", requestId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Open requests of a school for a course that no step uses yet (reused by "Planlæg session"). */
export function listFreeOpenRequests(db: DB, schoolId: number, courseId: number) {
  return db
    .selectFrom("requests as r")
    .leftJoin("track_steps as s", "s.request_id", "r.id")
    .select(["r.id", "r.status"])
    .where("r.school_id", "=", schoolId)
    .where("r.course_id", "=", courseId)
    .where("r.status", "in", ["requested", "in_progress", "scheduled"])
    .where("s.id", "is", null)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

// ---- overrides ----

export async function insertTrackOverride(
  db: DB,
  values: {
    trackId: number;
    stepId: number;
    sessionId: number;
    action: TrackOverrideAction;
    reason: string;
    violations: unknown;
    actorId: number;
    now: string;
  },
) {
  await db
    .insertInto("track_overrides")
    .values({
      track_id: values.trackId,
      step_id: values.stepId,
      session_id: values.sessionId,
      action: values.action,
      reason: values.reason,
      violations: JSON.stringify(values.violations),
      actor_id: values.actorId,
      created_at: values.now,
    })
    .execute();
}

/** A track's overrides, newest first, with who made them and the step they concern. */
export async function listTrackOverrides(db: DB, trackId: number) {
  const rows = await db
    .selectFrom("track_overrides as o")
    .leftJoin("users as u", "u.id", "o.actor_id")
    .leftJoin("track_steps as s", "s.id", "o.step_id")
    .leftJoin("courses as c", "c.id", "s.course_id")
    .leftJoin("sessions as se", "se.id", "o.session_id")
    .select([
      "o.id",
      "o.step_id",
      "o.session_id",
      "o.action",
      "o.reason",
      "o.violations",
      "o.created_at",
      "u.name as actor_name",
      "s.position as step_position",
      "c.title as course_title",
      "se.starts_at as session_starts_at",
      "se.ends_at as session_ends_at",
    ])
    .where("o.track_id", "=", trackId)
    .orderBy("o.id", "desc")
    .execute();
  return rows.map((row) => ({ ...row, violations: decodeJsonList(row.violations, isPresent) }));
}
