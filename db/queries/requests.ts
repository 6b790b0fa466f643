import { transitionRequest } from "../../app/domain/requests";
import type { DB } from "../connection";
import { fixedLimit } from "../dialect";
import { decodeJsonList, isNumber, isString, withLanguageList } from "../json";
import { reusableQuery } from "../reusable-query";
import type { Audience, DayPart, RequestStatus, SessionStatus } from "../schema";

// ---- courses and schools as the request side needs them ----

/** The course a request is for, its language list decoded (or undefined). */
export async function findCourseForRequest(db: DB, courseId: number) {
  const row = await db
    .selectFrom("courses")
    .select([
      "id",
      "slug",
      "title",
      "audience",
      "summary",
      "grade_min",
      "grade_max",
      "duration_minutes",
      "max_participants",
      "languages",
      "lead_time_days",
      "active",
    ])
    .where("id", "=", courseId)
    .executeTakeFirst();
  return row && withLanguageList(row);
}

const courseFilterOptions = reusableQuery((db: DB) =>
  db.selectFrom("courses").select(["id", "title", "audience", "active"]).orderBy("title"),
);

export function listCourseFilterOptions(db: DB) {
  return courseFilterOptions.rows(db);
}

/** The school's requests for one course that are still open (for the duplicate warning). */
export function listOpenRequestsOfSchoolForCourse(db: DB, schoolId: number, courseId: number) {
  return db
    .selectFrom("requests")
    .select(["id", "course_id as courseId", "status", "created_at"])
    .where("school_id", "=", schoolId)
    .where("course_id", "=", courseId)
    .where("status", "in", ["requested", "in_progress", "scheduled"])
    .orderBy("id")
    .execute();
}

// ---- writes ----

export interface NewRequestRow {
  /** Default `requested`; a coordinator's request for a track step starts `in_progress`. */
  status?: RequestStatus;
  schoolId: number;
  requesterId: number;
  courseId: number;
  groupCount: number;
  participantsPerGroup: number;
  grades: number[];
  location: string;
  contactName: string;
  contactPhone: string;
  languagesNeeded: string[];
  interpreterNeeded: boolean;
  notes: string;
  windows: ReadonlyArray<{ date: string; part: DayPart; from?: string; to?: string }>;
}

/** Inserts the request and its windows; returns the new id. Call inside a transaction. */
export async function insertRequest(db: DB, row: NewRequestRow): Promise<number> {
  const inserted = await db
    .insertInto("requests")
    .values({
      school_id: row.schoolId,
      requester_id: row.requesterId,
      course_id: row.courseId,
      status: row.status ?? "requested",
      group_count: row.groupCount,
      participants_per_group: row.participantsPerGroup,
      grades: JSON.stringify(row.grades),
      location: row.location,
      contact_name: row.contactName,
      contact_phone: row.contactPhone,
      languages_needed: JSON.stringify(row.languagesNeeded),
      interpreter_needed: row.interpreterNeeded ? 1 : 0,
      notes: row.notes,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (row.windows.length > 0) {
    await db
      .insertInto("request_windows")
      .values(
        row.windows.map((window, index) => ({
          request_id: inserted.id,
          position: index + 1,
          date: window.date,
          part: window.part,
          from_time: window.part === "custom" ? (window.from ?? null) : null,
          to_time: window.part === "custom" ? (window.to ?? null) : null,
        })),
      )
      .execute();
  }
  return inserted.id;
}

export async function insertRequestEvent(
  db: DB,
  event: {
    requestId: number;
    actorId: number | null;
    action: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus | null;
    note?: string;
    /** Defaults to the database's clock. */
    now?: string;
  },
) {
  await db
    .insertInto("request_events")
    .values({
      request_id: event.requestId,
      actor_id: event.actorId,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      note: event.note ?? "",
      ...(event.now ? { created_at: event.now } : {}),
    })
    .execute();
}

export interface RequestStatusChange {
  requestId: number;
  /** The status the caller read. */
  from: RequestStatus;
  to: RequestStatus;
  /** The version the caller showed (a form's hidden field): the change is refused if it moved on. */
  expectedVersion?: number;
  actorId: number;
  /** The event's action, `request.<what happened>`. */
  action: `request.${string}`;
  note?: string;
  declineReason?: string;
  now: string;
}

export type RequestStatusChangeResult =
  | { ok: true; version: number }
  | { ok: false; error: "request.transition.illegal" | "request.stale" };

/**
 * The one way to change a request's status: the domain rule decides whether `from` -> `to` is
 * allowed; the update applies only while the request is still at `from` (and `expectedVersion`,
 * if given), bumps the version, and records the event. Run it inside `writeTransaction` together
 * with whatever else the change writes (audit entry, emails).
 */
export async function changeRequestStatus(
  db: DB,
  change: RequestStatusChange,
): Promise<RequestStatusChangeResult> {
  if (!transitionRequest(change.from, change.to).ok) {
    return { ok: false, error: "request.transition.illegal" };
  }
  let update = db
    .updateTable("requests")
    .set((eb) => ({
      status: change.to,
      ...(change.declineReason !== undefined ? { decline_reason: change.declineReason } : {}),
      version: eb("version", "+", 1),
      updated_at: change.now,
    }))
    .where("id", "=", change.requestId)
    .where("status", "=", change.from);
  if (change.expectedVersion !== undefined) {
    update = update.where("version", "=", change.expectedVersion);
  }
  const updated = await update.returning("version").executeTakeFirst();
  if (!updated) return { ok: false, error: "request.stale" };
  await insertRequestEvent(db, {
    requestId: change.requestId,
    actorId: change.actorId,
    action: change.action,
    fromStatus: change.from,
    toStatus: change.to,
    note: change.note,
    now: change.now,
  });
  return { ok: true, version: updated.version };
}

// ---- reads ----

/** One request with its school, course and requester (or undefined); grades and languages decoded. */
export async function findRequestDetail(db: DB, requestId: number) {
  const row = await db
    .selectFrom("requests as r")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .innerJoin("courses as c", "c.id", "r.course_id")
    .innerJoin("users as u", "u.id", "r.requester_id")
    .select([
      "r.id",
      "r.school_id",
      "r.course_id",
      "r.requester_id",
      "r.status",
      "r.group_count",
      "r.participants_per_group",
      "r.grades",
      "r.location",
      "r.contact_name",
      "r.contact_phone",
      "r.languages_needed",
      "r.interpreter_needed",
      "r.notes",
      "r.decline_reason",
      "r.version",
      "r.created_at",
      "r.updated_at",
      "s.name as school_name",
      "s.district as school_district",
      "s.address as school_address",
      "s.pilot_cohort as school_pilot_cohort",
      "c.title as course_title",
      "c.audience as course_audience",
      "c.duration_minutes as course_duration_minutes",
      "u.name as requester_name",
      "u.email as requester_email",
    ])
    .where("r.id", "=", requestId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      grades: decodeJsonList(row.grades, isNumber),
      languages_needed: decodeJsonList(row.languages_needed, isString),
    }
  );
}

export function listRequestWindows(db: DB, requestId: number) {
  return db
    .selectFrom("request_windows")
    .select(["position", "date", "part", "from_time", "to_time"])
    .where("request_id", "=", requestId)
    .orderBy("position")
    .execute();
}

export function listRequestEvents(db: DB, requestId: number) {
  return db
    .selectFrom("request_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select([
      "e.id",
      "e.action",
      "e.from_status",
      "e.to_status",
      "e.note",
      "e.created_at",
      "u.name as actor_name",
      "u.role as actor_role",
    ])
    .where("e.request_id", "=", requestId)
    .orderBy("e.id")
    .execute();
}

export interface SessionListItem {
  id: number;
  request_id: number;
  starts_at: string;
  ends_at: string;
  location: string;
  status: SessionStatus;
  facilitators: string[];
}

/** Sessions of the given requests (by start time), each with its facilitators' names. */
export async function listSessionsOfRequests(
  db: DB,
  requestIds: readonly number[],
): Promise<SessionListItem[]> {
  if (requestIds.length === 0) return [];
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "request_id", "starts_at", "ends_at", "location", "status"])
    .where("request_id", "in", requestIds)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  if (sessions.length === 0) return [];
  const people = await db
    .selectFrom("session_facilitators as sf")
    .innerJoin("users as u", "u.id", "sf.user_id")
    .select(["sf.session_id", "u.name"])
    .where(
      "sf.session_id",
      "in",
      sessions.map((s) => s.id),
    )
    .orderBy("u.name")
    .execute();
  return sessions.map((session) => ({
    ...session,
    facilitators: people.filter((p) => p.session_id === session.id).map((p) => p.name),
  }));
}

/** All requests of a school, newest first. */
export function listRequestsOfSchool(db: DB, schoolId: number) {
  return db
    .selectFrom("requests as r")
    .innerJoin("courses as c", "c.id", "r.course_id")
    .select([
      "r.id",
      "r.status",
      "r.created_at",
      "r.group_count",
      "r.decline_reason",
      "c.title as course_title",
      "c.audience as course_audience",
    ])
    .where("r.school_id", "=", schoolId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .execute();
}

// ---- the coordinator's inbox ----

export interface InboxFilter {
  status?: RequestStatus;
  audience?: Audience;
  schoolId?: number;
  cohort?: "pilot" | "standard";
  courseId?: number;
}

/**
 * The values of the inbox's filters as its queries take them (see ./reusable-query: each is
 * placed in the SQL as a value, or left out when undefined). The cohort and the sort change the
 * SQL itself, so each of their combinations is a query of its own (`inboxQueries`).
 */
type InboxValues = Omit<InboxFilter, "cohort">;

function inboxValues(filter: InboxFilter): InboxValues {
  const { status, audience, schoolId, courseId } = filter;
  return { status, audience, schoolId, courseId };
}

function inboxBase(db: DB, filter: InboxValues, cohort: InboxFilter["cohort"]) {
  let query = db
    .selectFrom("requests as r")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .innerJoin("courses as c", "c.id", "r.course_id");
  if (filter.audience !== undefined) query = query.where("c.audience", "=", filter.audience);
  if (filter.schoolId !== undefined) query = query.where("r.school_id", "=", filter.schoolId);
  if (filter.courseId !== undefined) query = query.where("r.course_id", "=", filter.courseId);
  if (cohort === "pilot") query = query.where("s.pilot_cohort", "is not", null);
  if (cohort === "standard") query = query.where("s.pilot_cohort", "is", null);
  return query;
}

/**
 * The kept counts (request_counts, one row per status, school and course) under the inbox's
 * filters: a few thousand rows at most, where counting the requests themselves would read all of
 * them (600,000 with national data).
 */
function countsBase(db: DB, filter: InboxValues, cohort: InboxFilter["cohort"]) {
  let query = db
    .selectFrom("request_counts as r")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .innerJoin("courses as c", "c.id", "r.course_id");
  if (filter.audience !== undefined) query = query.where("c.audience", "=", filter.audience);
  if (filter.schoolId !== undefined) query = query.where("r.school_id", "=", filter.schoolId);
  if (filter.courseId !== undefined) query = query.where("r.course_id", "=", filter.courseId);
  if (cohort === "pilot") query = query.where("s.pilot_cohort", "is not", null);
  if (cohort === "standard") query = query.where("s.pilot_cohort", "is", null);
  return query;
}

type InboxSort = "oldest" | "newest";

/** The inbox's queries for one cohort filter, sort and page size, built and compiled once. */
function makeInboxQueries(cohort: InboxFilter["cohort"], sort: InboxSort, limit: number) {
  const direction = sort === "oldest" ? "asc" : "desc";
  return {
    page: reusableQuery((db: DB, filter: InboxValues, offset: number) => {
      let query = inboxBase(db, filter, cohort);
      if (filter.status !== undefined) query = query.where("r.status", "=", filter.status);
      return query
        .select([
          "r.id",
          "r.status",
          "r.created_at",
          "r.group_count",
          "r.participants_per_group",
          "s.id as school_id",
          "s.name as school_name",
          "s.pilot_cohort as school_pilot_cohort",
          "c.title as course_title",
          "c.audience as course_audience",
        ])
        .orderBy("r.created_at", direction)
        .orderBy("r.id", direction)
        .limit(fixedLimit(limit))
        .offset(offset);
    }),
    countsByStatus: reusableQuery((db: DB, filter: InboxValues) =>
      countsBase(db, filter, cohort)
        .select(["r.status", (eb) => eb.fn.sum<number>("r.n").as("count")])
        .groupBy("r.status"),
    ),
  };
}

const inboxQueryCache = new Map<string, ReturnType<typeof makeInboxQueries>>();

function inboxQueries(cohort: InboxFilter["cohort"], sort: InboxSort = "oldest", limit = 0) {
  const key = `${cohort}:${sort}:${limit}`;
  let queries = inboxQueryCache.get(key);
  if (!queries) {
    queries = makeInboxQueries(cohort, sort, limit);
    inboxQueryCache.set(key, queries);
  }
  return queries;
}

/** One page of the inbox, sorted by age (the total is the counts': `countRequestsByStatus`). */
export function listInboxRequests(
  db: DB,
  filter: InboxFilter,
  options: { sort: InboxSort; limit: number; offset: number },
) {
  return inboxQueries(filter.cohort, options.sort, options.limit).page.rows(
    db,
    inboxValues(filter),
    options.offset,
  );
}

/** Requests per status for the inbox's other filters (status itself is not applied). */
export async function countRequestsByStatus(
  db: DB,
  filter: Omit<InboxFilter, "status"> = {},
): Promise<Partial<Record<RequestStatus, number>>> {
  const values = inboxValues({ ...filter, status: undefined });
  const rows = await inboxQueries(filter.cohort).countsByStatus.rows(db, values);
  return Object.fromEntries(
    rows.filter((row) => Number(row.count) > 0).map((row) => [row.status, Number(row.count)]),
  );
}

/** The oldest open requests (requested, in progress or scheduled). */
export function listOldestOpenRequests(db: DB, limit: number) {
  return db
    .selectFrom("requests as r")
    .innerJoin("schools as s", "s.id", "r.school_id")
    .innerJoin("courses as c", "c.id", "r.course_id")
    .select([
      "r.id",
      "r.status",
      "r.created_at",
      "s.name as school_name",
      "s.pilot_cohort as school_pilot_cohort",
      "c.title as course_title",
    ])
    .where("r.status", "in", ["requested", "in_progress", "scheduled"])
    .orderBy("r.created_at", "asc")
    .orderBy("r.id", "asc")
    .limit(limit)
    .execute();
}
