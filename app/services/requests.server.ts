/**
 * Course requests: the school leader's request form, school page and cancel; the coordinator's
 * inbox, request page, "in progress" and decline. Every status change goes through
 * `transitionRequest`, bumps `version` (stale forms are refused), writes a request event and an
 * audit entry, and queues its email in the same transaction.
 */

import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  changeRequestStatus,
  countRequestsByStatus,
  findCourseForRequest,
  findRequestDetail,
  insertRequest,
  insertRequestEvent,
  listOldestOpenRequests,
  listOpenRequestsOfSchoolForCourse,
  listRequestEvents,
  listRequestsOfSchool,
  listRequestWindows,
  listSessionsOfRequests,
  type SessionListItem,
} from "../../db/queries/requests";
import { findSchoolById } from "../../db/queries/schools";
import { findActiveStepOfRequest } from "../../db/queries/tracks";
import { findUserLocale } from "../../db/queries/users";
import { writeTransaction } from "../../db/write-transaction";
import { requestDeclinedEmail } from "../../emails/request-declined";
import { requestReceiptEmail } from "../../emails/request-receipt";
import type { FieldErrors } from "../domain/forms";
import { holidayOn } from "../domain/holidays";
import { type DeclineRequestInput, parseId } from "../domain/request-actions";
import {
  canSchoolCancel,
  checkRequestAgainstCourse,
  duplicateOpenRequestWarning,
  isOpenStatus,
  MAX_DAYS_AHEAD,
  type RequestFormValues,
  type RequestRuleCourse,
  type RequestStatus,
  type RequestWindow,
  transitionRequest,
} from "../domain/requests";
import { addDays, todayInCopenhagen } from "../domain/time";
import type { MessageParams } from "../i18n";
import type { CurrentUser } from "../lib/guards.server";
import { queueEmail } from "../lib/mailer.server";
import { holidaysAhead, holidaysBetween } from "./holidays.server";
import { forbidden, found, type NotFound, notFound } from "./result";
import { loadSchoolTracks } from "./tracks.server";

export { loadInbox } from "./inbox.server";

type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourseForRequest>>>;

function ruleCourse(course: CourseRow): RequestRuleCourse {
  return {
    audience: course.audience,
    gradeMin: course.grade_min,
    gradeMax: course.grade_max,
    maxParticipants: course.max_participants,
    leadTimeDays: course.lead_time_days,
    languages: course.languages,
    active: course.active === 1,
    durationMinutes: course.duration_minutes,
  };
}

function windowFromRow(row: {
  date: string;
  part: RequestWindow["part"];
  from_time: string | null;
  to_time: string | null;
}): RequestWindow {
  return row.part === "custom"
    ? { date: row.date, part: row.part, from: row.from_time ?? "", to: row.to_time ?? "" }
    : { date: row.date, part: row.part };
}

/** The actor's school when they may request courses for it (a school leader), else null. */
function ownSchoolId(actor: CurrentUser): number | null {
  return forbidden(actor, "request.create", { schoolId: actor.schoolId }) ? null : actor.schoolId;
}

// ---- the request form ----

/** What the request form needs: the (active) course, the school, and any open request for it. */
export async function loadRequestForm(
  db: DB,
  actor: CurrentUser,
  courseIdRaw: string | null,
  options: { now?: Date } = {},
) {
  const schoolId = ownSchoolId(actor);
  const courseId = parseId(courseIdRaw);
  if (schoolId === null || courseId === null) return notFound();
  const course = await findCourseForRequest(db, courseId);
  if (course?.active !== 1) return notFound();
  const [school, openRequests] = await Promise.all([
    findSchoolById(db, schoolId),
    listOpenRequestsOfSchoolForCourse(db, schoolId, courseId),
  ]);
  if (!school) return notFound();
  const today = todayInCopenhagen(options.now ?? new Date());
  const holidays = await holidaysAhead(db, today, MAX_DAYS_AHEAD);
  return found({
    /** School holidays in the year the form accepts dates for (the form warns on them). */
    holidays: holidays.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
    course: {
      id: course.id,
      title: course.title,
      audience: course.audience,
      summary: course.summary,
      gradeMin: course.grade_min,
      gradeMax: course.grade_max,
      durationMinutes: course.duration_minutes,
      maxParticipants: course.max_participants,
      leadTimeDays: course.lead_time_days,
      languages: course.languages,
    },
    school: { id: school.id, name: school.name },
    openRequests: openRequests.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.created_at,
    })),
    earliestDate: addDays(today, Math.max(course.lead_time_days, 1)),
    contactName: actor.name,
  });
}

export type CreateRequestResult =
  | { ok: true; requestId: number }
  | {
      ok: false;
      /** Message keys by form path. */
      errors: FieldErrors;
      /** Message parameters by form path (e.g. the course's maximum). */
      params: Record<string, MessageParams>;
      /** True when the only thing missing is the acknowledgement of the duplicate warning. */
      duplicate: boolean;
    }
  | NotFound;

/**
 * Saves a request of the actor's own school after the course rules and the duplicate warning, with
 * its "created" event, an audit entry and the receipt to the requester, in one transaction.
 */
export async function createRequest(
  db: DB,
  actor: CurrentUser,
  input: RequestFormValues,
  options: { appUrl: string; now?: Date },
): Promise<CreateRequestResult> {
  const schoolId = ownSchoolId(actor);
  if (schoolId === null) return notFound();
  const course = await findCourseForRequest(db, input.courseId);
  if (!course) {
    return {
      ok: false,
      errors: { courseId: "request.courseId.required" },
      params: {},
      duplicate: false,
    };
  }
  const today = todayInCopenhagen(options.now ?? new Date());
  const issues = checkRequestAgainstCourse(input, ruleCourse(course), today);
  const errors: FieldErrors = {};
  const params: Record<string, MessageParams> = {};
  for (const issue of issues) {
    if (errors[issue.path]) continue;
    errors[issue.path] = issue.message;
    if (issue.params) params[issue.path] = issue.params;
  }
  const open = await listOpenRequestsOfSchoolForCourse(db, schoolId, course.id);
  const duplicate = duplicateOpenRequestWarning(open, course.id) && !input.acknowledgeDuplicate;
  if (duplicate) errors.acknowledgeDuplicate = "request.duplicate.warning";
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors, params, duplicate: duplicate && issues.length === 0 };
  }

  const school = await findSchoolById(db, schoolId);
  if (!school) return notFound();
  const grades = course.audience === "pupils" ? input.grades : [];
  const requestId = await writeTransaction(db, async (trx) => {
    const id = await insertRequest(trx, {
      schoolId,
      requesterId: actor.id,
      courseId: course.id,
      groupCount: input.groupCount,
      participantsPerGroup: input.participantsPerGroup,
      grades,
      location: input.location,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      languagesNeeded: input.languagesNeeded,
      interpreterNeeded: input.interpreterNeeded,
      notes: input.notes,
      windows: input.windows,
    });
    await insertRequestEvent(trx, {
      requestId: id,
      actorId: actor.id,
      action: "request.created",
      fromStatus: null,
      toStatus: "requested",
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "request.created",
      entityType: "request",
      entityId: id,
      details: { schoolId, courseId: course.id, duplicateAcknowledged: open.length > 0 },
    });
    await queueEmail(
      trx,
      actor.email,
      "request-receipt",
      requestReceiptEmail(await findUserLocale(trx, actor.id), {
        requestId: id,
        requesterName: actor.name,
        schoolName: school.name,
        courseTitle: course.title,
        groupCount: input.groupCount,
        participantsPerGroup: input.participantsPerGroup,
        grades,
        windows: input.windows,
        location: input.location,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        languagesNeeded: input.languagesNeeded,
        interpreterNeeded: input.interpreterNeeded,
        notes: input.notes,
        requestUrl: `${options.appUrl}/school/requests/${id}`,
      }),
    );
    return id;
  });
  return { ok: true, requestId };
}

// ---- status changes ----

export type StatusChangeResult =
  | { ok: true }
  | {
      ok: false;
      /** `_form` (the status change) or the field (the decline reason) -> message key. */
      errors: FieldErrors;
      params?: MessageParams;
    }
  | NotFound;

type RequestDetail = NonNullable<Awaited<ReturnType<typeof findRequestDetail>>>;

const STALE: StatusChangeResult = { ok: false, errors: { _form: "triage.stale" } };

/**
 * The one path for a status change: the domain decides whether it is legal, the optimistic update
 * refuses a stale version, and the event, the audit entry and any email share the transaction.
 */
async function changeStatus(
  db: DB,
  actor: CurrentUser,
  request: RequestDetail,
  expectedVersion: number,
  to: RequestStatus,
  extra: {
    action: string;
    note?: string;
    declineReason?: string;
    email?: (trx: DB) => Promise<unknown>;
  },
): Promise<StatusChangeResult> {
  if (request.version !== expectedVersion) return STALE;
  const transition = transitionRequest(request.status, to);
  if (!transition.ok) {
    return { ok: false, errors: { _form: transition.error }, params: { from: request.status, to } };
  }
  return writeTransaction(db, async (trx) => {
    const changed = await changeRequestStatus(trx, {
      requestId: request.id,
      from: request.status,
      to,
      expectedVersion,
      actorId: actor.id,
      action: `request.${extra.action}`,
      note: extra.note,
      declineReason: extra.declineReason,
      now: new Date().toISOString(),
    });
    if (!changed.ok) return STALE;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: `request.${extra.action}`,
      entityType: "request",
      entityId: request.id,
      details: { from: request.status, to, version: expectedVersion + 1 },
    });
    if (extra.email) await extra.email(trx);
    return { ok: true } as const;
  });
}

/** The request when the actor triages requests (a coordinator) and it exists. */
async function findRequestToTriage(db: DB, actor: CurrentUser, requestId: number) {
  return forbidden(actor, "request.triage") ? undefined : findRequestDetail(db, requestId);
}

/** The school cancels its own request (only before it is scheduled). */
export async function cancelRequestBySchool(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  version: number,
): Promise<StatusChangeResult> {
  const request = await findRequestDetail(db, requestId);
  if (!request || forbidden(actor, "request.cancel", { schoolId: request.school_id })) {
    return notFound();
  }
  if (request.version !== version) return STALE;
  if (!canSchoolCancel(request.status)) {
    return { ok: false, errors: { _form: "request.cancel.notAllowed" } };
  }
  return changeStatus(db, actor, request, version, "cancelled", { action: "cancelled" });
}

export async function markInProgress(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  version: number,
): Promise<StatusChangeResult> {
  const request = await findRequestToTriage(db, actor, requestId);
  if (!request) return notFound();
  return changeStatus(db, actor, request, version, "in_progress", { action: "in_progress" });
}

/** Declines with a reason (required); the requester is emailed the reason. */
export async function declineRequest(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  input: DeclineRequestInput,
  options: { appUrl: string },
): Promise<StatusChangeResult> {
  const request = await findRequestToTriage(db, actor, requestId);
  if (!request) return notFound();
  const reason = input.reason.trim();
  if (!reason) return { ok: false, errors: { reason: "triage.decline.reason.required" } };
  return changeStatus(db, actor, request, input.version, "declined", {
    action: "declined",
    note: reason,
    declineReason: reason,
    email: async (trx) =>
      queueEmail(
        trx,
        request.requester_email,
        "request-declined",
        requestDeclinedEmail(await findUserLocale(trx, request.requester_id), {
          requestId: request.id,
          requesterName: request.requester_name,
          schoolName: request.school_name,
          courseTitle: request.course_title,
          requestedAt: request.created_at,
          reason,
          requestUrl: `${options.appUrl}/school/requests/${request.id}`,
        }),
      ),
  });
}

// ---- reading ----

function publicRequest(request: RequestDetail) {
  return {
    id: request.id,
    status: request.status,
    version: request.version,
    createdAt: request.created_at,
    updatedAt: request.updated_at,
    groupCount: request.group_count,
    participantsPerGroup: request.participants_per_group,
    grades: request.grades,
    location: request.location,
    contactName: request.contact_name,
    contactPhone: request.contact_phone,
    languagesNeeded: request.languages_needed,
    interpreterNeeded: request.interpreter_needed === 1,
    notes: request.notes,
    declineReason: request.decline_reason,
    requesterName: request.requester_name,
    course: {
      id: request.course_id,
      title: request.course_title,
      audience: request.course_audience,
      durationMinutes: request.course_duration_minutes,
    },
    school: {
      id: request.school_id,
      name: request.school_name,
      district: request.school_district,
      address: request.school_address,
      pilotCohort: request.school_pilot_cohort,
    },
  };
}

async function requestExtras(db: DB, requestId: number) {
  const [windows, events, sessions] = await Promise.all([
    listRequestWindows(db, requestId),
    listRequestEvents(db, requestId),
    listSessionsOfRequests(db, [requestId]),
  ]);
  const dates = windows.map((w) => w.date).sort();
  const holidays =
    dates.length > 0 ? await holidaysBetween(db, dates[0], dates[dates.length - 1]) : [];
  return {
    windows: windows.map(windowFromRow),
    /** Preferred dates in a school holiday: date -> the holiday's name (a warning, not an error). */
    windowHolidays: Object.fromEntries(
      windows.flatMap((w) => {
        const holiday = holidayOn(w.date, holidays);
        return holiday ? [[w.date, holiday.name]] : [];
      }),
    ) as Record<string, string>,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      createdAt: e.created_at,
      actorName: e.actor_name,
      actorRole: e.actor_role,
    })),
    sessions,
  };
}

/**
 * The school leader's page: the school, its requests (newest first) and their sessions, and the
 * school's pilot tracks (read-only, with the coming dates).
 */
export async function loadSchoolPage(db: DB, actor: CurrentUser, options: { now?: Date } = {}) {
  const own = { schoolId: actor.schoolId };
  if (forbidden(actor, "school.view", own) || forbidden(actor, "request.view", own)) {
    return notFound();
  }
  const school = await findSchoolById(db, actor.schoolId as number);
  if (!school) return notFound();
  const requests = await listRequestsOfSchool(db, school.id);
  const sessions = await listSessionsOfRequests(
    db,
    requests.map((r) => r.id),
  );
  const byRequest = new Map<number, SessionListItem[]>();
  for (const session of sessions) {
    const list = byRequest.get(session.request_id) ?? [];
    list.push(session);
    byRequest.set(session.request_id, list);
  }
  const tracks = await loadSchoolTracks(db, actor, school.id, options);
  if (!tracks.ok) return tracks;
  return found({
    school: { id: school.id, name: school.name, pilotCohort: school.pilot_cohort },
    tracks: tracks.tracks.filter((track) => track.status === "active"),
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.created_at,
      groupCount: r.group_count,
      declineReason: r.decline_reason,
      courseTitle: r.course_title,
      courseAudience: r.course_audience,
      sessions: byRequest.get(r.id) ?? [],
    })),
  });
}

/** One of the school's own requests; another school's (or an unknown) id is a 404. */
export async function loadSchoolRequest(db: DB, actor: CurrentUser, requestId: number) {
  const request = await findRequestDetail(db, requestId);
  if (!request || forbidden(actor, "request.view", { schoolId: request.school_id })) {
    return notFound();
  }
  return found({
    request: publicRequest(request),
    ...(await requestExtras(db, request.id)),
    canCancel: canSchoolCancel(request.status),
  });
}

/** The pilot-track step a request schedules for, so its page can link back to the track. */
async function trackStepOfRequest(db: DB, requestId: number) {
  const step = await findActiveStepOfRequest(db, requestId);
  return step
    ? { trackId: step.track_id, trackName: step.track_name, position: step.position }
    : null;
}

/** Everything about one request for the coordinator, and which actions apply. */
export async function loadCoordinatorRequest(db: DB, actor: CurrentUser, requestId: number) {
  const request = await findRequestToTriage(db, actor, requestId);
  if (!request) return notFound();
  return found({
    request: publicRequest(request),
    requesterEmail: request.requester_email,
    ...(await requestExtras(db, request.id)),
    trackStep: await trackStepOfRequest(db, request.id),
    canMarkInProgress: request.status === "requested",
    canDecline: transitionRequest(request.status, "declined").ok,
    canSchedule: isOpenStatus(request.status),
  });
}

/** The coordinator's start page: requests per status and the five oldest open requests. */
export async function loadCoordinatorOverview(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "request.triage")) return notFound();
  const [counts, oldest] = await Promise.all([
    countRequestsByStatus(db),
    listOldestOpenRequests(db, 5),
  ]);
  return found({ counts, oldest });
}
