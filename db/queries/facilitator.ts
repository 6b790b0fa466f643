/**
 * The facilitator's side of sessions: own schedule, the session page, delivery with attendance,
 * the day-after reminders that delivery makes moot, and unavailability blocks.
 */
import type { DB } from "../connection";
import { decodeJsonList, isNumber, isString } from "../json";
import { withSessionRollups } from "./feedback-rollup";

const sessionListColumns = [
  "sessions.id",
  "sessions.starts_at",
  "sessions.ends_at",
  "sessions.location",
  "sessions.status",
  "schools.name as school_name",
  "schools.address as school_address",
  "courses.title as course_title",
  "courses.audience as course_audience",
] as const;

/**
 * The facilitator's sessions, from their own session ids first (a materialized CTE): with ten
 * years of national data, PostgreSQL otherwise walks every session backwards by start time for a
 * "latest 10" page, hoping to meet this facilitator's soon (seconds, not milliseconds).
 */
function facilitatorSessionsQuery(db: DB, userId: number) {
  return db
    .with(
      (cte) => cte("mine").materialized(),
      (qb) =>
        qb.selectFrom("session_facilitators").select("session_id").where("user_id", "=", userId),
    )
    .selectFrom("mine")
    .innerJoin("sessions", "sessions.id", "mine.session_id")
    .innerJoin("schools", "schools.id", "sessions.school_id")
    .innerJoin("courses", "courses.id", "sessions.course_id");
}

/** Sessions that have not ended at `now` (including ones in progress), soonest first. */
export function listUpcomingSessionsOfFacilitator(db: DB, userId: number, now: string) {
  return facilitatorSessionsQuery(db, userId)
    .select(sessionListColumns)
    .where("sessions.ends_at", ">", now)
    .orderBy("sessions.starts_at", "asc")
    .orderBy("sessions.id", "asc")
    .execute();
}

/** Sessions that ended at or before `now`, latest first, one page. */
export function listPastSessionsOfFacilitator(
  db: DB,
  userId: number,
  now: string,
  page: { limit: number; offset: number },
) {
  return facilitatorSessionsQuery(db, userId)
    .select(sessionListColumns)
    .where("sessions.ends_at", "<=", now)
    .orderBy("sessions.starts_at", "desc")
    .orderBy("sessions.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPastSessionsOfFacilitator(
  db: DB,
  userId: number,
  now: string,
): Promise<number> {
  const row = await facilitatorSessionsQuery(db, userId)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("sessions.ends_at", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One session with its school, course and request: everything the session page shows. */
/** A session with its request's details; grades and languages decoded. */
export async function findSessionDetail(db: DB, sessionId: number) {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("schools", "schools.id", "sessions.school_id")
    .innerJoin("courses", "courses.id", "sessions.course_id")
    .innerJoin("requests", "requests.id", "sessions.request_id")
    .select([
      "sessions.id",
      "sessions.request_id",
      "sessions.school_id",
      "sessions.starts_at",
      "sessions.ends_at",
      "sessions.location",
      "sessions.status",
      "sessions.version",
      "sessions.attendance_pupils",
      "sessions.attendance_professionals",
      "sessions.attendance_parents",
      "sessions.delivery_note",
      "sessions.delivered_at",
      "schools.name as school_name",
      "schools.address as school_address",
      "courses.title as course_title",
      "courses.audience as course_audience",
      "requests.status as request_status",
      "requests.contact_name",
      "requests.contact_phone",
      "requests.notes as request_notes",
      "requests.group_count",
      "requests.participants_per_group",
      "requests.grades",
      "requests.languages_needed",
      "requests.interpreter_needed",
      "requests.location as request_location",
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      grades: decodeJsonList(row.grades, isNumber),
      languages_needed: decodeJsonList(row.languages_needed, isString),
    }
  );
}

export function listFacilitatorsOfSession(db: DB, sessionId: number) {
  return db
    .selectFrom("session_facilitators")
    .innerJoin("users", "users.id", "session_facilitators.user_id")
    .select(["users.id", "users.name", "users.email", "users.phone"])
    .where("session_facilitators.session_id", "=", sessionId)
    .orderBy("users.name")
    .execute();
}

/**
 * Marks a session delivered with its attendance, only if it is still at `expectedVersion` and not
 * cancelled. Returns false when nothing was updated (stale form or cancelled meanwhile).
 */
export async function recordSessionDelivery(
  db: DB,
  input: {
    sessionId: number;
    expectedVersion: number;
    attendance: {
      attendance_pupils: number | null;
      attendance_professionals: number | null;
      attendance_parents: number | null;
    };
    note: string;
    now: string;
  },
): Promise<boolean> {
  // Attendance is the evaluation's response-rate denominator: keep the monthly rollups in step.
  const result = await withSessionRollups(db, [input.sessionId], () =>
    db
      .updateTable("sessions")
      .set((eb) => ({
        ...input.attendance,
        status: "delivered",
        delivery_note: input.note,
        // A correction keeps the first delivery time.
        delivered_at: eb.fn.coalesce("delivered_at", eb.val(input.now)),
        version: eb("version", "+", 1),
        updated_at: input.now,
      }))
      .where("id", "=", input.sessionId)
      .where("version", "=", input.expectedVersion)
      .where("status", "!=", "cancelled")
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}

/** Sessions of a request that are neither cancelled nor delivered. */
export async function countUndeliveredSessionsOfRequest(db: DB, requestId: number) {
  const row = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("request_id", "=", requestId)
    .where("status", "=", "scheduled")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findRequestStatus(db: DB, requestId: number) {
  return db
    .selectFrom("requests")
    .select(["id", "status", "version"])
    .where("id", "=", requestId)
    .executeTakeFirst();
}

// ---- unavailability ----

export function findFacilitator(db: DB, userId: number) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "active"])
    .where("id", "=", userId)
    .where("role", "=", "facilitator")
    .executeTakeFirst();
}

/** Blocks of a user that have not ended at `now`, in time order. */
export function listCurrentUnavailability(db: DB, userId: number, now: string) {
  return db
    .selectFrom("unavailability")
    .select(["id", "starts_at", "ends_at", "reason"])
    .where("user_id", "=", userId)
    .where("ends_at", ">", now)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

export async function insertUnavailability(
  db: DB,
  block: { userId: number; startsAt: string; endsAt: string; reason: string; createdBy: number },
): Promise<number> {
  const row = await db
    .insertInto("unavailability")
    .values({
      user_id: block.userId,
      starts_at: block.startsAt,
      ends_at: block.endsAt,
      reason: block.reason,
      created_by: block.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findUnavailability(db: DB, id: number) {
  return db
    .selectFrom("unavailability")
    .select(["id", "user_id", "starts_at", "ends_at", "reason"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteUnavailability(db: DB, id: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("unavailability")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Scheduled sessions of a facilitator that overlap [startsAt, endsAt). */
export function listScheduledSessionsOverlapping(
  db: DB,
  userId: number,
  startsAt: string,
  endsAt: string,
) {
  return facilitatorSessionsQuery(db, userId)
    .select(["sessions.id", "sessions.starts_at", "sessions.ends_at"])
    .where("sessions.status", "=", "scheduled")
    .where("sessions.starts_at", "<", endsAt)
    .where("sessions.ends_at", ">", startsAt)
    .execute();
}
