/**
 * Sessions, their facilitators, busy intervals for conflict checks and session reminders.
 * Times are ISO UTC strings; every range query is "starts before the window ends and ends after it
 * starts", served by sessions_starts_idx / session_facilitators_user_idx / unavailability_user_idx.
 */
import { type BusyInterval, reminderKeyPrefix } from "../../app/domain/scheduling";
import type { DB } from "../connection";
import { explainQueryPlan } from "../dialect";
import { decodeJsonList, isNumber, isString, withLanguageList } from "../json";
import type { SessionStatus } from "../schema";
import { withSessionRollups } from "./feedback-rollup";

// ---- busy intervals ----

/** Sessions are shorter than a day (the form keeps start and end on one date). */
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

function sessionStartLowerBound(from: string): string {
  return new Date(Date.parse(from) - MAX_SESSION_MS).toISOString();
}

/**
 * Non-cancelled sessions of the given facilitators (all facilitators when `userIds` is omitted)
 * overlapping [from, to): the caller widens the window by the travel buffer (`busyWindow`).
 */
export async function listSessionBusy(
  db: DB,
  window: { from: string; to: string },
  userIds?: readonly number[],
): Promise<BusyInterval[]> {
  if (userIds && userIds.length === 0) return [];
  let query = db
    .selectFrom("sessions as s")
    .innerJoin("session_facilitators as sf", "sf.session_id", "s.id")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("schools as sc", "sc.id", "s.school_id")
    .select([
      "sf.user_id",
      "s.id",
      "s.starts_at",
      "s.ends_at",
      "c.title as course_title",
      "sc.name as school_name",
    ])
    .where("s.starts_at", "<", window.to)
    // Sessions end on the day they start (< 24 h): this bound keeps the index range short.
    .where("s.starts_at", ">", sessionStartLowerBound(window.from))
    .where("s.ends_at", ">", window.from)
    .where("s.status", "!=", "cancelled");
  if (userIds) query = query.where("sf.user_id", "in", userIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    kind: "session" as const,
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    label: `${row.course_title}, ${row.school_name}`,
  }));
}

/** Registered unavailability of the given facilitators (all when omitted) overlapping [from, to). */
export async function listUnavailabilityBusy(
  db: DB,
  window: { from: string; to: string },
  userIds?: readonly number[],
): Promise<BusyInterval[]> {
  if (userIds && userIds.length === 0) return [];
  let query = db
    .selectFrom("unavailability")
    .select(["id", "user_id", "starts_at", "ends_at", "reason"])
    .where("starts_at", "<", window.to)
    .where("ends_at", ">", window.from);
  if (userIds) query = query.where("user_id", "in", userIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    userId: row.user_id,
    kind: "unavailability" as const,
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    label: row.reason,
  }));
}

/** Both kinds of busy intervals in one list. */
export async function listBusyIntervals(
  db: DB,
  window: { from: string; to: string },
  userIds?: readonly number[],
): Promise<BusyInterval[]> {
  const [sessions, unavailability] = await Promise.all([
    listSessionBusy(db, window, userIds),
    listUnavailabilityBusy(db, window, userIds),
  ]);
  return [...sessions, ...unavailability];
}

/** Non-cancelled sessions per facilitator starting in [from, to) (e.g. a Copenhagen month). */
export async function countSessionsPerFacilitator(
  db: DB,
  range: { from: string; to: string },
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("sessions as s")
    .innerJoin("session_facilitators as sf", "sf.session_id", "s.id")
    .select(["sf.user_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("s.starts_at", ">=", range.from)
    .where("s.starts_at", "<", range.to)
    .where("s.status", "!=", "cancelled")
    .groupBy("sf.user_id")
    .execute();
  return new Map(rows.map((row) => [row.user_id, Number(row.count)]));
}

// ---- facilitators and school leaders ----

export async function listActiveFacilitators(db: DB) {
  const rows = await db
    .selectFrom("users")
    .select(["id", "name", "email", "languages"])
    .where("role", "=", "facilitator")
    .where("active", "=", 1)
    .orderBy("name")
    .execute();
  return rows.map(withLanguageList);
}

export function listFacilitatorsByIds(db: DB, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "active", "role"])
    .where("id", "in", ids)
    .execute();
}

export function listSchoolLeaders(db: DB, schoolId: number) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("school_id", "=", schoolId)
    .where("role", "=", "school_leader")
    .where("active", "=", 1)
    .orderBy("id")
    .execute();
}

// ---- requests as scheduling needs them ----

export async function findRequestForScheduling(db: DB, requestId: number) {
  const row = await db
    .selectFrom("requests as r")
    .innerJoin("courses as c", "c.id", "r.course_id")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .select([
      "r.id",
      "r.status",
      "r.version",
      "r.school_id",
      "r.course_id",
      "r.group_count",
      "r.participants_per_group",
      "r.grades",
      "r.location",
      "r.contact_name",
      "r.contact_phone",
      "r.languages_needed",
      "r.interpreter_needed",
      "r.notes",
      "c.title as course_title",
      "c.audience as course_audience",
      "c.duration_minutes",
      "c.facilitators_needed",
      "s.name as school_name",
      "s.address as school_address",
    ])
    .where("r.id", "=", requestId)
    .executeTakeFirst();
  if (!row) return undefined;
  const windows = await db
    .selectFrom("request_windows")
    .select(["date", "part", "from_time", "to_time"])
    .where("request_id", "=", requestId)
    .orderBy("position")
    .execute();
  return {
    ...row,
    languages_needed: decodeJsonList(row.languages_needed, isString),
    grades: decodeJsonList(row.grades, isNumber),
    windows,
  };
}
export type SchedulingRequest = NonNullable<Awaited<ReturnType<typeof findRequestForScheduling>>>;

// ---- sessions ----

export async function feedbackCodeExists(db: DB, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("sessions")
    .select("id")
    .where("feedback_code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(
  db: DB,
  values: {
    requestId: number;
    courseId: number;
    schoolId: number;
    startsAt: string;
    endsAt: string;
    location: string;
    feedbackCode: string;
    uidFor: (id: number) => string;
    now: string;
  },
): Promise<{ id: number; uid: string }> {
  const placeholder = `pending-${values.feedbackCode}-${Date.now()}-${Math.random()}`;
  const inserted = await db
    .insertInto("sessions")
    .values({
      request_id: values.requestId,
      course_id: values.courseId,
      school_id: values.schoolId,
      starts_at: values.startsAt,
      ends_at: values.endsAt,
      location: values.location,
      uid: placeholder,
      sequence: 0,
      feedback_code: values.feedbackCode,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const uid = values.uidFor(inserted.id);
  await db.updateTable("sessions").set({ uid }).where("id", "=", inserted.id).execute();
  return { id: inserted.id, uid };
}

export async function addSessionFacilitators(
  db: DB,
  sessionId: number,
  userIds: readonly number[],
  now: string,
) {
  if (userIds.length === 0) return;
  await db
    .insertInto("session_facilitators")
    .values(userIds.map((userId) => ({ session_id: sessionId, user_id: userId, created_at: now })))
    .execute();
}

export async function removeSessionFacilitators(
  db: DB,
  sessionId: number,
  userIds: readonly number[],
) {
  if (userIds.length === 0) return;
  await db
    .deleteFrom("session_facilitators")
    .where("session_id", "=", sessionId)
    .where("user_id", "in", userIds)
    .execute();
}

/**
 * Applies a change to a session if its version is still `expectedVersion`: bumps version and
 * (for anything that changes the calendar event) the iCalendar SEQUENCE. False when stale.
 */
export async function updateSessionIfVersion(
  db: DB,
  sessionId: number,
  expectedVersion: number,
  changes: {
    startsAt?: string;
    endsAt?: string;
    location?: string;
    status?: SessionStatus;
    cancelledAt?: string;
    bumpSequence: boolean;
    now: string;
  },
): Promise<boolean> {
  // A move or cancellation changes the session's place in the evaluation's monthly rollups.
  const result = await withSessionRollups(db, [sessionId], () =>
    db
      .updateTable("sessions")
      .set((eb) => ({
        ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
        ...(changes.endsAt !== undefined ? { ends_at: changes.endsAt } : {}),
        ...(changes.location !== undefined ? { location: changes.location } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.cancelledAt !== undefined ? { cancelled_at: changes.cancelledAt } : {}),
        version: eb("version", "+", 1),
        sequence: changes.bumpSequence ? eb("sequence", "+", 1) : eb.ref("sequence"),
        updated_at: changes.now,
      }))
      .where("id", "=", sessionId)
      .where("version", "=", expectedVersion)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

/** A session with its course, school, request and facilitators (name, email, languages). */
export async function findSessionWithFacilitators(db: DB, sessionId: number) {
  const session = await db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("schools as sc", "sc.id", "s.school_id")
    .innerJoin("requests as r", "r.id", "s.request_id")
    .selectAll("s")
    .select([
      "c.title as course_title",
      "c.audience as course_audience",
      "c.facilitators_needed",
      "sc.name as school_name",
      "sc.address as school_address",
      "r.status as request_status",
      "r.version as request_version",
      "r.languages_needed",
    ])
    .where("s.id", "=", sessionId)
    .executeTakeFirst();
  if (!session) return undefined;
  const facilitators = await listFacilitatorsOfSessions(db, [sessionId]);
  return {
    ...session,
    languages_needed: decodeJsonList(session.languages_needed, isString),
    facilitators: facilitators.map(({ session_id: _, ...f }) => f),
  };
}
export type SessionWithFacilitators = NonNullable<
  Awaited<ReturnType<typeof findSessionWithFacilitators>>
>;

export async function listFacilitatorsOfSessions(db: DB, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom("session_facilitators as sf")
    .innerJoin("users as u", "u.id", "sf.user_id")
    .select(["sf.session_id", "u.id", "u.name", "u.email", "u.languages"])
    .where("sf.session_id", "in", sessionIds)
    .orderBy("u.name")
    .execute();
  return rows.map(withLanguageList);
}

/** The sessions of a request (oldest first), each with its facilitators. */
export async function listSessionsOfRequest(db: DB, requestId: number) {
  const sessions = await db
    .selectFrom("sessions")
    .select([
      "id",
      "starts_at",
      "ends_at",
      "location",
      "status",
      "sequence",
      "version",
      "uid",
      "feedback_code",
    ])
    .where("request_id", "=", requestId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  const facilitators = await listFacilitatorsOfSessions(
    db,
    sessions.map((s) => s.id),
  );
  return sessions.map((session) => ({
    ...session,
    facilitators: facilitators
      .filter((f) => f.session_id === session.id)
      .map(({ session_id: _, ...f }) => f),
  }));
}

export async function listSessionStatusesOfRequest(
  db: DB,
  requestId: number,
): Promise<SessionStatus[]> {
  const rows = await db
    .selectFrom("sessions")
    .select("status")
    .where("request_id", "=", requestId)
    .execute();
  return rows.map((row) => row.status);
}

// ---- reminders in the outbox ----

/** Pending outbox rows whose dedupe key starts with `prefix` (a range scan on the unique index). */
/** Upper bound of the keys that start with `prefix`: every such key sorts in [prefix, upper). */
function prefixUpperBound(prefix: string): string {
  // ':' + 1 = ';'
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

async function deletePendingByKeyPrefix(db: DB, prefix: string): Promise<number> {
  const upper = prefixUpperBound(prefix);
  const result = await db
    .deleteFrom("email_outbox")
    .where("dedupe_key", ">=", prefix)
    .where("dedupe_key", "<", upper)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes the not-yet-sent reminders of a session (3 days before and attendance): called when the
 * session moves, changes facilitators or is cancelled, before queuing new ones.
 */
export async function deletePendingSessionReminders(db: DB, sessionId: number): Promise<number> {
  return (
    (await deletePendingByKeyPrefix(db, reminderKeyPrefix("reminder-3d", sessionId))) +
    (await deletePendingByKeyPrefix(db, reminderKeyPrefix("reminder-attendance", sessionId)))
  );
}

/**
 * For the attendance registration (facilitator side): once attendance is registered, the
 * "register attendance" reminders of that session must not go out. Call it in the transaction that
 * saves the attendance.
 */
export async function cancelAttendanceReminders(trx: DB, sessionId: number): Promise<number> {
  return deletePendingByKeyPrefix(trx, reminderKeyPrefix("reminder-attendance", sessionId));
}

/** Pending reminder rows of a session (tests check what a session change queued). */
export function listPendingSessionReminders(db: DB, sessionId: number) {
  const threeDays = reminderKeyPrefix("reminder-3d", sessionId);
  const attendance = reminderKeyPrefix("reminder-attendance", sessionId);
  return db
    .selectFrom("email_outbox")
    .select(["id", "to_address", "kind", "dedupe_key", "next_attempt_at"])
    .where("status", "=", "pending")
    .where((eb) =>
      eb.or([
        eb.and([
          eb("dedupe_key", ">=", threeDays),
          eb("dedupe_key", "<", prefixUpperBound(threeDays)),
        ]),
        eb.and([
          eb("dedupe_key", ">=", attendance),
          eb("dedupe_key", "<", prefixUpperBound(attendance)),
        ]),
      ]),
    )
    .orderBy("id")
    .execute();
}

/**
 * Used by tests and the benchmark: the query plan must use an index, never scan sessions (see
 * `explainQueryPlan` for how PostgreSQL is asked).
 */
export function explainSessionBusy(db: DB, window: { from: string; to: string }) {
  return explainQueryPlan(
    db,
    db
      .selectFrom("sessions as s")
      .innerJoin("session_facilitators as sf", "sf.session_id", "s.id")
      .select("sf.user_id")
      .where("s.starts_at", "<", window.to)
      .where("s.starts_at", ">", sessionStartLowerBound(window.from))
      .where("s.ends_at", ">", window.from)
      .where("s.status", "!=", "cancelled"),
  );
}
