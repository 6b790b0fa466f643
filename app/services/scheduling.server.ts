/**
 * Coordinator scheduling: create sessions from a request, move them, swap facilitators, cancel a
 * session or a whole request. Every change runs in ONE write transaction (`writeTransaction`, which
 * takes SQLite's write lock first) that re-checks conflicts, bumps the iCalendar SEQUENCE, writes
 * the audit log and queues every calendar message and reminder in the outbox, so a change and its
 * messages are saved together or not at all, and two coordinators saving at once cannot both book
 * the same facilitator.
 */
import type { DB } from "../../db/connection";
import { insertAuditEntry, listAuditEntries } from "../../db/queries/audit";
import { changeRequestStatus } from "../../db/queries/requests";
import {
  addSessionFacilitators,
  countSessionsPerFacilitator,
  deletePendingSessionReminders,
  feedbackCodeExists,
  findRequestForScheduling,
  findSessionWithFacilitators,
  insertSession,
  listActiveFacilitators,
  listBusyIntervals,
  listFacilitatorsByIds,
  listSchoolLeaders,
  listSessionStatusesOfRequest,
  listSessionsOfRequest,
  removeSessionFacilitators,
  type SchedulingRequest,
  type SessionWithFacilitators,
  updateSessionIfVersion,
} from "../../db/queries/sessions";
import {
  findActiveStepOfRequest,
  findActiveStepOfSession,
  findStepOfSession,
  linkSessionToStep,
  loadTrackOrder,
  type StepContext,
} from "../../db/queries/tracks";
import { listCalendarDeliveries } from "../../db/queries/users";
import type { RequestStatus } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import type { IcsPerson } from "../../emails/calendar";
import { inviteUidDomain, sessionUid } from "../../emails/calendar";
import {
  attendanceReminderEmail,
  type SessionEmailData,
  sessionCancelEmail,
  sessionInviteEmail,
  sessionReminderEmail,
} from "../../emails/session-invite";
import {
  type SchoolNoticeKind,
  schoolSessionConfirmationEmail,
  schoolSessionNoticeEmail,
} from "../../emails/session-school-notice";
import { attachesCalendarFile } from "../domain/calendar-delivery";
import { generateShortCode } from "../domain/feedback";
import { isOpenStatus, transitionRequest, windowTimes } from "../domain/requests";
import {
  type BusyInterval,
  busyWindow,
  type CancelValues,
  type Conflicts,
  copenhagenMonthRange,
  findConflicts,
  type MoveSessionValues,
  parseMailbox,
  rankSuggestions,
  reminderDedupeKey,
  reminderTimes,
  requestStatusAfterSessions,
  resolveSessionTimes,
  type SessionFormValues,
  type Suggestion,
  type SwapFacilitatorsValues,
  sessionInstants,
  transitionSession,
} from "../domain/scheduling";
import { isValidDateString, isValidTimeString, todayInCopenhagen } from "../domain/time";
import { utcToCopenhagen } from "../domain/timezone";
import { allowedWindow, type OrderOverrideValues, overrideReasonOf } from "../domain/tracks";
import { env } from "../lib/env.server";
import { type CurrentUser, requirePermission } from "../lib/guards.server";
import { queueEmail } from "../lib/mailer.server";
import { holidaysForDatePicking } from "./holidays.server";
import {
  checkOrderInTrack,
  type OrderViolationView,
  recordOrderOverride,
} from "./track-order.server";

// ---- configuration and results ----

export interface SchedulingConfig {
  /** Public base URL: links in emails. */
  appUrl: string;
  /** Sender and ORGANIZER, e.g. `Frirum <frirum@kk.example>`. */
  mailFrom: string;
  /** Domain of new invite UIDs (`inviteUidDomain`); existing sessions keep their stored UID. */
  uidDomain: string;
  now: () => Date;
}

function resolveConfig(overrides: Partial<SchedulingConfig> = {}): SchedulingConfig {
  const needsEnv = overrides.appUrl === undefined || overrides.mailFrom === undefined;
  const environment = needsEnv ? env() : undefined;
  const mailFrom = overrides.mailFrom ?? environment?.MAIL_FROM ?? "";
  return {
    appUrl: (overrides.appUrl ?? environment?.appUrl ?? "").replace(/\/$/, ""),
    mailFrom,
    uidDomain:
      overrides.uidDomain ??
      (overrides.mailFrom === undefined && environment
        ? environment.inviteUidDomain
        : inviteUidDomain(mailFrom)),
    now: overrides.now ?? (() => new Date()),
  };
}

/** A clash shown to the coordinator. */
export interface ConflictView {
  facilitatorId: number;
  facilitatorName: string;
  kind: "session" | "unavailability";
  startsAt: string;
  endsAt: string;
  label: string;
}

export interface ChangeFailure {
  ok: false;
  /** Field path (or `_form`) -> message key. */
  errors: Record<string, string>;
  conflicts?: ConflictView[];
  /** True when the only obstacle is registered unavailability: tick the box and save again. */
  needsConfirmation?: boolean;
  /** A session of a pilot track step that breaks the order rule: what it clashes with. */
  orderViolations?: OrderViolationView[];
}

export type ChangeResult<T extends object = object> = ({ ok: true } & T) | ChangeFailure;

function fail(
  errors: Record<string, string>,
  extra: Pick<ChangeFailure, "conflicts" | "needsConfirmation" | "orderViolations"> = {},
): ChangeFailure {
  return { ok: false, errors, ...extra };
}

/** Both refusals of one save at once (facilitator conflicts and the track order), or null. */
function combineRefusals(
  conflicts: ChangeFailure | null,
  order: ChangeFailure | null,
): ChangeFailure | null {
  if (!conflicts) return order;
  if (!order) return conflicts;
  return {
    ...conflicts,
    errors: { ...conflicts.errors, ...order.errors },
    orderViolations: order.orderViolations,
  };
}

/**
 * The order rule for a session in a pilot track step, inside the write transaction: null when the
 * session fits (or the rule is overridden with a reason), else the refusal.
 */
async function checkTrackOrder(
  trx: DB,
  step: StepContext | undefined,
  candidate: { sessionId?: number; startsAt: string; endsAt: string },
  input: OrderOverrideValues,
) {
  if (!step) return { refused: null, overridden: [] };
  const order = await checkOrderInTrack(trx, step, candidate, overrideReasonOf(input));
  if (order.ok) return { refused: null, overridden: order.overridden };
  return {
    refused: fail({ overrideOrder: "tracks.order.refused" }, { orderViolations: order.violations }),
    overridden: [],
  };
}

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

function conflictViews(conflicts: Conflicts, names: Map<number, string>): ConflictView[] {
  return [...conflicts.sessions, ...conflicts.unavailability].map((interval) => ({
    facilitatorId: interval.userId,
    facilitatorName: names.get(interval.userId) ?? String(interval.userId),
    kind: interval.kind,
    startsAt: interval.startsAt,
    endsAt: interval.endsAt,
    label: interval.label ?? "",
  }));
}

/**
 * The conflict rule for booking `userIds` at `instants`: any session clash refuses; registered
 * unavailability refuses unless confirmed. Null when the booking may go ahead.
 */
async function checkConflicts(
  trx: DB,
  instants: { startUtc: string; endUtc: string },
  userIds: readonly number[],
  names: Map<number, string>,
  confirmUnavailability: boolean,
  excludeSessionId?: number,
) {
  const busy = await listBusyIntervals(trx, busyWindow(instants), userIds);
  const conflicts = findConflicts(instants, busy, { excludeSessionId });
  if (conflicts.sessions.length > 0) {
    return fail(
      { facilitatorIds: "sessions.conflict.booked" },
      { conflicts: conflictViews(conflicts, names) },
    );
  }
  if (conflicts.unavailability.length > 0 && !confirmUnavailability) {
    return fail(
      { confirmUnavailability: "sessions.conflict.unavailableConfirm" },
      { conflicts: conflictViews(conflicts, names), needsConfirmation: true },
    );
  }
  return null;
}

// ---- messages ----

interface MessageContext {
  cfg: SchedulingConfig;
  organizer: IcsPerson;
  host: string;
}

function messageContext(cfg: SchedulingConfig): MessageContext {
  return { cfg, organizer: parseMailbox(cfg.mailFrom), host: cfg.uidDomain };
}

/**
 * Queue a message due now by the service's clock (`cfg.now`), so that tests with an injected clock
 * and the reminders (queued for later) use one time line.
 */
function queueNow(
  trx: DB,
  ctx: MessageContext,
  to: string,
  kind: string,
  content: Parameters<typeof queueEmail>[3],
) {
  return queueEmail(trx, to, kind, content, { sendAt: ctx.cfg.now().toISOString() });
}

/** One message per person, due now, built for that person. */
async function queueToEach<Person extends { email: string }>(
  trx: DB,
  ctx: MessageContext,
  people: readonly Person[],
  kind: string,
  build: (person: Person) => Parameters<typeof queueEmail>[3],
) {
  for (const person of people) await queueNow(trx, ctx, person.email, kind, build(person));
}

/**
 * Calendar messages (invites, updates, cancellations) to facilitators, one per person: with the
 * .ics, or as a plain notice to those who chose the private feed only (`calendar_delivery`).
 */
async function queueCalendarMessages<Person extends { id: number; email: string }>(
  trx: DB,
  ctx: MessageContext,
  people: readonly Person[],
  kind: string,
  build: (person: Person, options: { calendarFile: boolean }) => Parameters<typeof queueEmail>[3],
) {
  const deliveries = await listCalendarDeliveries(
    trx,
    people.map((person) => person.id),
  );
  await queueToEach(trx, ctx, people, kind, (person) =>
    build(person, { calendarFile: attachesCalendarFile(deliveries.get(person.id)) }),
  );
}

function emailData(
  ctx: MessageContext,
  session: {
    id: number;
    uid: string;
    sequence: number;
    starts_at: string;
    ends_at: string;
    location: string;
    course_title: string;
    school_name: string;
  },
  facilitators: readonly { name: string; email: string }[],
  contact: { name: string; phone: string },
): SessionEmailData {
  return {
    uid: session.uid,
    sequence: session.sequence,
    startUtc: session.starts_at,
    endUtc: session.ends_at,
    courseTitle: session.course_title,
    schoolName: session.school_name,
    location: session.location,
    facilitators: facilitators.map((f) => ({ name: f.name, email: f.email })),
    organizer: ctx.organizer,
    url: facilitatorSessionUrl(ctx, session.id),
    contactName: contact.name,
    contactPhone: contact.phone,
    stamp: ctx.cfg.now(),
  };
}

/** The facilitator's page of a session (built by the facilitator side). */
function facilitatorSessionUrl(ctx: MessageContext, sessionId: number): string {
  return `${ctx.cfg.appUrl}/facilitator/sessions/${sessionId}`;
}

/** Reminders of a session at its current sequence: 3 days before (all) and attendance (facilitators). */
async function queueReminders(
  trx: DB,
  ctx: MessageContext,
  sessionId: number,
  data: SessionEmailData,
  facilitators: readonly { id: number; name: string; email: string }[],
  leaders: readonly { id: number; name: string; email: string }[],
) {
  const due = reminderTimes(data, ctx.cfg.now());
  if (due.threeDaysBefore) {
    for (const person of facilitators) {
      await queueEmail(
        trx,
        person.email,
        "session-reminder",
        sessionReminderEmail(data, person.name, "facilitator", data.url),
        {
          sendAt: due.threeDaysBefore,
          dedupeKey: reminderDedupeKey("reminder-3d", sessionId, data.sequence, person.id),
        },
      );
    }
    for (const leader of leaders) {
      await queueEmail(
        trx,
        leader.email,
        "session-reminder",
        sessionReminderEmail(data, leader.name, "school", `${ctx.cfg.appUrl}/school`),
        {
          sendAt: due.threeDaysBefore,
          dedupeKey: reminderDedupeKey("reminder-3d", sessionId, data.sequence, leader.id),
        },
      );
    }
  }
  if (due.dayAfter) {
    for (const person of facilitators) {
      await queueEmail(
        trx,
        person.email,
        "session-attendance-reminder",
        attendanceReminderEmail(data, person.name, data.url),
        {
          sendAt: due.dayAfter,
          dedupeKey: reminderDedupeKey("reminder-attendance", sessionId, data.sequence, person.id),
        },
      );
    }
  }
}

async function queueSchoolNotice(
  trx: DB,
  ctx: MessageContext,
  data: SessionEmailData,
  leaders: readonly { name: string; email: string }[],
  kind: SchoolNoticeKind,
  reason = "",
) {
  for (const leader of leaders) {
    await queueNow(
      trx,
      ctx,
      leader.email,
      `session-school-${kind}`,
      schoolSessionNoticeEmail(data, leader.name, kind, `${ctx.cfg.appUrl}/school`, reason),
    );
  }
}

async function contactOf(trx: DB, requestId: number) {
  const request = await findRequestForScheduling(trx, requestId);
  return { name: request?.contact_name ?? "", phone: request?.contact_phone ?? "" };
}

/** After sessions changed: move the request to what its sessions say, when that is allowed. */
async function syncRequestStatus(trx: DB, actor: CurrentUser, requestId: number, now: string) {
  const request = await findRequestForScheduling(trx, requestId);
  if (!request) return;
  const statuses = await listSessionStatusesOfRequest(trx, requestId);
  const target = requestStatusAfterSessions(statuses);
  if (target === request.status) return;
  // A move the rules do not allow (e.g. out of a final status) is left undone.
  await changeRequestStatus(trx, {
    requestId,
    from: request.status,
    to: target,
    actorId: actor.id,
    action: `request.${target}`,
    note: "sessions",
    now,
  });
}

// ---- suggestions ----

/**
 * Active facilitators ranked for one candidate time (see `rankSuggestions`): two indexed range
 * queries (busy intervals in the buffered window, session counts in the month) and pure ranking.
 */
export async function suggestFacilitators(
  db: DB,
  instants: { startUtc: string; endUtc: string },
  languagesNeeded: readonly string[],
  excludeSessionId?: number,
): Promise<Suggestion[]> {
  const [facilitators, busy, counts] = await Promise.all([
    listActiveFacilitators(db),
    listBusyIntervals(db, busyWindow(instants)),
    countSessionsPerFacilitator(db, copenhagenMonthRange(instants.startUtc)),
  ]);
  return rankSuggestions(
    facilitators.map((f) => ({
      id: f.id,
      name: f.name,
      languages: f.languages,
      sessionsThisMonth: counts.get(f.id) ?? 0,
    })),
    busy,
    instants,
    languagesNeeded,
    { excludeSessionId },
  );
}

// ---- pages ----

function addToTime(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** Default date/time of a new session: the request's first preferred window. */
function defaultTimes(request: SchedulingRequest) {
  const first = request.windows[0];
  if (!first) return { date: "", start: "", end: "" };
  const times = windowTimes({
    date: first.date,
    part: first.part,
    from: first.from_time ?? undefined,
    to: first.to_time ?? undefined,
  });
  const start = isValidTimeString(times.from) ? times.from : "";
  return { date: first.date, start, end: start ? addToTime(start, request.duration_minutes) : "" };
}

/**
 * The pilot track step a request schedules for (if its track is active): the track, the step and
 * the window the order rule leaves for a new session.
 */
async function trackContextOfRequest(db: DB, requestId: number) {
  const step = await findActiveStepOfRequest(db, requestId);
  if (!step) return null;
  const order = await loadTrackOrder(db, step.track_id);
  const window = allowedWindow(order.steps, order.sessions, step.id);
  return {
    trackId: step.track_id,
    trackName: step.track_name,
    cohortYear: step.cohort_year,
    stepPosition: step.position,
    stepCount: order.steps.length,
    courseTitle: step.course_title,
    minGapDays: step.min_gap_days,
    earliestStart: window.earliestStart,
    latestEnd: window.latestEnd,
  };
}

export async function loadSchedulePage(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  query: { date?: string | null; start?: string | null; end?: string | null } = {},
  options: { now?: Date } = {},
) {
  requirePermission(actor, "session.schedule");
  const request = await findRequestForScheduling(db, requestId);
  if (!request) notFound();
  const track = await trackContextOfRequest(db, requestId);
  const defaults = defaultTimes(request);
  if (!defaults.date && track?.earliestStart) {
    // A track step without preferred windows: start from the first date the order rule allows.
    const today = todayInCopenhagen(options.now ?? new Date());
    const earliest = track.earliestStart.date ?? utcToCopenhagen(track.earliestStart.at).date;
    defaults.date = [earliest, today].sort()[1];
  }
  const chosen = {
    date: query.date && isValidDateString(query.date) ? query.date : defaults.date,
    start: query.start && isValidTimeString(query.start) ? query.start : defaults.start,
    end: query.end && isValidTimeString(query.end) ? query.end : defaults.end,
  };
  const instants = chosen.date && chosen.start && chosen.end ? sessionInstants(chosen) : null;
  const [sessions, suggestions, facilitators, holidays] = await Promise.all([
    listSessionsOfRequest(db, requestId),
    instants ? suggestFacilitators(db, instants, request.languages_needed) : null,
    listActiveFacilitators(db),
    // School holidays around the dates a session can get (warned about, never refused).
    holidaysForDatePicking(db),
  ]);
  return {
    request,
    holidays,
    sessions,
    chosen,
    place: request.location || request.school_address,
    suggestions,
    facilitators,
    track,
    timeError:
      chosen.date && chosen.start && chosen.end && !instants ? "sessions.suggest.badTime" : null,
  };
}

export async function loadSessionPage(db: DB, actor: CurrentUser, sessionId: number) {
  requirePermission(actor, "session.schedule");
  const session = await findSessionWithFacilitators(db, sessionId);
  if (!session) notFound();
  const [request, suggestions, history, leaders, statuses, holidays] = await Promise.all([
    findRequestForScheduling(db, session.request_id),
    session.status === "scheduled"
      ? suggestFacilitators(
          db,
          { startUtc: session.starts_at, endUtc: session.ends_at },
          session.languages_needed,
          session.id,
        )
      : null,
    listAuditEntries(db, "session", session.id),
    listSchoolLeaders(db, session.school_id),
    listSessionStatusesOfRequest(db, session.request_id),
    holidaysForDatePicking(db),
  ]);
  if (!request) notFound();
  const step = await findStepOfSession(db, session.id);
  const start = utcToCopenhagen(session.starts_at);
  const end = utcToCopenhagen(session.ends_at);
  return {
    session,
    request: {
      ...request,
      scheduledCount: statuses.filter((status) => status === "scheduled").length,
    },
    suggestions,
    history,
    leaders,
    holidays,
    track: step
      ? {
          trackId: step.track_id,
          trackName: step.track_name,
          cohortYear: step.cohort_year,
          trackStatus: step.track_status,
          stepPosition: step.position,
        }
      : null,
    moveDefaults: {
      date: start.date,
      start: start.time,
      end: end.time,
      place: session.location,
      version: session.version,
    },
  };
}

// ---- use cases ----

async function loadFacilitatorsForBooking(db: DB, ids: readonly number[]) {
  const rows = await listFacilitatorsByIds(db, ids);
  const valid = rows.filter((row) => row.role === "facilitator" && row.active === 1);
  if (valid.length !== ids.length) return null;
  // Keep the order the coordinator chose.
  return ids.map((id) => valid.find((row) => row.id === id)!);
}

/**
 * Creates a session for a request: checks the facilitators are free (inside the write transaction),
 * stores it with a stable UID, SEQUENCE 0 and a unique feedback code, moves the request to
 * `scheduled` on its first session, and queues invites (REQUEST) to the facilitators, the
 * confirmation with an add-to-calendar file (PUBLISH) to the school leader(s) and the reminders.
 */
export async function scheduleSession(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  input: SessionFormValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sessionId: number }>> {
  requirePermission(actor, "session.schedule");
  const cfg = resolveConfig(overrides);
  const request = await findRequestForScheduling(db, requestId);
  if (!request) notFound();
  if (!isOpenStatus(request.status)) return fail({ _form: "sessions.request.closed" });
  const instants = resolveSessionTimes(input);
  if (!instants.ok) return fail(instants.errors);
  if (input.facilitatorIds.length !== request.facilitators_needed) {
    return fail({ facilitatorIds: "sessions.facilitators.count" });
  }
  const facilitators = await loadFacilitatorsForBooking(db, input.facilitatorIds);
  if (!facilitators) return fail({ facilitatorIds: "sessions.facilitators.invalid" });
  const names = new Map(facilitators.map((f) => [f.id, f.name]));
  const ctx = messageContext(cfg);

  return writeTransaction(db, async (trx) => {
    const fresh = await findRequestForScheduling(trx, requestId);
    if (!fresh || !isOpenStatus(fresh.status)) return fail({ _form: "sessions.request.closed" });
    const conflicts = await checkConflicts(
      trx,
      instants,
      input.facilitatorIds,
      names,
      input.confirmUnavailability,
    );
    // A request that schedules a pilot track step: the order rule, in this same transaction.
    const step = await findActiveStepOfRequest(trx, requestId);
    const order = await checkTrackOrder(
      trx,
      step,
      { startsAt: instants.startUtc, endsAt: instants.endUtc },
      input,
    );
    const refused = combineRefusals(conflicts, order.refused);
    if (refused) return refused;

    const nowIso = cfg.now().toISOString();
    let feedbackCode = generateShortCode();
    while (await feedbackCodeExists(trx, feedbackCode)) feedbackCode = generateShortCode();
    const { id: sessionId, uid } = await insertSession(trx, {
      requestId,
      courseId: fresh.course_id,
      schoolId: fresh.school_id,
      startsAt: instants.startUtc,
      endsAt: instants.endUtc,
      location: input.place,
      feedbackCode,
      uidFor: (id) => sessionUid(id, ctx.host),
      now: nowIso,
    });
    await addSessionFacilitators(trx, sessionId, input.facilitatorIds, nowIso);
    if (step) {
      await linkSessionToStep(trx, { sessionId, stepId: step.id, actorId: actor.id, now: nowIso });
      const reason = overrideReasonOf(input);
      if (reason && order.overridden.length > 0) {
        await recordOrderOverride(trx, {
          actorId: actor.id,
          step,
          sessionId,
          action: "scheduled",
          reason,
          overridden: order.overridden,
          now: nowIso,
        });
      }
    }

    if (fresh.status !== "scheduled") {
      const moved = await changeRequestStatus(trx, {
        requestId,
        from: fresh.status,
        to: "scheduled",
        actorId: actor.id,
        action: "request.scheduled",
        now: nowIso,
      });
      if (!moved.ok) throw new Error(`Request ${requestId} cannot be scheduled`);
    }
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.scheduled",
      entityType: "session",
      entityId: sessionId,
      details: {
        requestId,
        startsAt: instants.startUtc,
        endsAt: instants.endUtc,
        location: input.place,
        facilitatorIds: input.facilitatorIds,
        unavailabilityConfirmed: input.confirmUnavailability,
        ...(step ? { trackId: step.track_id, trackStepId: step.id } : {}),
      },
    });

    const data = emailData(
      ctx,
      {
        id: sessionId,
        uid,
        sequence: 0,
        starts_at: instants.startUtc,
        ends_at: instants.endUtc,
        location: input.place,
        course_title: fresh.course_title,
        school_name: fresh.school_name,
      },
      facilitators,
      { name: fresh.contact_name, phone: fresh.contact_phone },
    );
    await queueCalendarMessages(trx, ctx, facilitators, "session-invite", (person, options) =>
      sessionInviteEmail(data, person, "new", options),
    );
    const leaders = await listSchoolLeaders(trx, fresh.school_id);
    await queueToEach(trx, ctx, leaders, "session-school-confirmation", (leader) =>
      schoolSessionConfirmationEmail(data, leader.name, `${cfg.appUrl}/school`),
    );
    await queueReminders(trx, ctx, sessionId, data, facilitators, leaders);
    return { ok: true as const, sessionId };
  });
}

/** Loads the session inside the transaction and applies the common refusals. */
async function freshScheduledSession(
  trx: DB,
  sessionId: number,
  version: number,
): Promise<{ session: SessionWithFacilitators } | ChangeFailure> {
  const session = await findSessionWithFacilitators(trx, sessionId);
  if (!session) notFound();
  if (session.version !== version) return fail({ _form: "sessions.stale" });
  if (session.status !== "scheduled") return fail({ _form: "sessions.notScheduled" });
  return { session };
}

/**
 * Moves a session (time and/or place): same UID, SEQUENCE + 1, an update (REQUEST) to every
 * facilitator, a notice to the school, reminders replaced. A stale form is refused.
 */
export async function moveSession(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: MoveSessionValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sequence: number }>> {
  requirePermission(actor, "session.schedule");
  const cfg = resolveConfig(overrides);
  const ctx = messageContext(cfg);
  const instants = resolveSessionTimes(input);
  if (!instants.ok) return fail(instants.errors);

  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const { session } = loaded;
    const timeChanged =
      session.starts_at !== instants.startUtc || session.ends_at !== instants.endUtc;
    const placeChanged = session.location !== input.place;
    if (!timeChanged && !placeChanged) return fail({ _form: "sessions.move.nothing" });
    const step = timeChanged ? await findActiveStepOfSession(trx, sessionId) : undefined;
    let order: Awaited<ReturnType<typeof checkTrackOrder>> = { refused: null, overridden: [] };
    if (timeChanged) {
      const names = new Map(session.facilitators.map((f) => [f.id, f.name]));
      const conflicts = await checkConflicts(
        trx,
        instants,
        session.facilitators.map((f) => f.id),
        names,
        input.confirmUnavailability,
        session.id,
      );
      // A session of a pilot track step: moving it is checked against the order rule both ways.
      order = await checkTrackOrder(
        trx,
        step,
        { sessionId, startsAt: instants.startUtc, endsAt: instants.endUtc },
        input,
      );
      const refused = combineRefusals(conflicts, order.refused);
      if (refused) return refused;
    }
    const nowIso = cfg.now().toISOString();
    const updated = await updateSessionIfVersion(trx, sessionId, input.version, {
      startsAt: instants.startUtc,
      endsAt: instants.endUtc,
      location: input.place,
      bumpSequence: true,
      now: nowIso,
    });
    if (!updated) return fail({ _form: "sessions.stale" });
    const sequence = session.sequence + 1;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.moved",
      entityType: "session",
      entityId: sessionId,
      details: {
        from: { startsAt: session.starts_at, endsAt: session.ends_at, location: session.location },
        to: { startsAt: instants.startUtc, endsAt: instants.endUtc, location: input.place },
        sequence,
      },
    });
    const reason = overrideReasonOf(input);
    if (step && reason && order.overridden.length > 0) {
      await recordOrderOverride(trx, {
        actorId: actor.id,
        step,
        sessionId,
        action: "moved",
        reason,
        overridden: order.overridden,
        now: nowIso,
      });
    }
    const data = emailData(
      ctx,
      {
        ...session,
        sequence,
        starts_at: instants.startUtc,
        ends_at: instants.endUtc,
        location: input.place,
      },
      session.facilitators,
      await contactOf(trx, session.request_id),
    );
    await queueCalendarMessages(
      trx,
      ctx,
      session.facilitators,
      "session-update",
      (person, options) => sessionInviteEmail(data, person, "updated", options),
    );
    const leaders = await listSchoolLeaders(trx, session.school_id);
    await queueSchoolNotice(trx, ctx, data, leaders, "moved");
    await deletePendingSessionReminders(trx, sessionId);
    await queueReminders(trx, ctx, sessionId, data, session.facilitators, leaders);
    return { ok: true as const, sequence };
  });
}

/**
 * Replaces the session's facilitators: removed ones get a CANCEL, the ones who stay an update,
 * new ones an invite (all REQUESTs carry the new attendee list); SEQUENCE + 1. New facilitators
 * are checked for conflicts like a new booking.
 */
export async function swapFacilitators(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: SwapFacilitatorsValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sequence: number; added: number[]; removed: number[] }>> {
  requirePermission(actor, "session.schedule");
  const cfg = resolveConfig(overrides);
  const ctx = messageContext(cfg);
  const chosen = await loadFacilitatorsForBooking(db, input.facilitatorIds);
  if (!chosen) return fail({ facilitatorIds: "sessions.facilitators.invalid" });

  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const { session } = loaded;
    if (input.facilitatorIds.length !== session.facilitators_needed) {
      return fail({ facilitatorIds: "sessions.facilitators.count" });
    }
    const oldIds = new Set(session.facilitators.map((f) => f.id));
    const newIds = new Set(input.facilitatorIds);
    const removed = session.facilitators.filter((f) => !newIds.has(f.id));
    const added = chosen.filter((f) => !oldIds.has(f.id));
    const kept = session.facilitators.filter((f) => newIds.has(f.id));
    if (removed.length === 0 && added.length === 0) return fail({ _form: "sessions.swap.nothing" });
    const names = new Map(chosen.map((f) => [f.id, f.name]));
    const refused = await checkConflicts(
      trx,
      { startUtc: session.starts_at, endUtc: session.ends_at },
      added.map((f) => f.id),
      names,
      input.confirmUnavailability,
      session.id,
    );
    if (refused) return refused;

    const nowIso = cfg.now().toISOString();
    const updated = await updateSessionIfVersion(trx, sessionId, input.version, {
      bumpSequence: true,
      now: nowIso,
    });
    if (!updated) return fail({ _form: "sessions.stale" });
    await removeSessionFacilitators(
      trx,
      sessionId,
      removed.map((f) => f.id),
    );
    await addSessionFacilitators(
      trx,
      sessionId,
      added.map((f) => f.id),
      nowIso,
    );
    const sequence = session.sequence + 1;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.facilitatorsChanged",
      entityType: "session",
      entityId: sessionId,
      details: {
        added: added.map((f) => f.id),
        removed: removed.map((f) => f.id),
        sequence,
        unavailabilityConfirmed: input.confirmUnavailability,
      },
    });
    const current = [...kept, ...added];
    const contact = await contactOf(trx, session.request_id);
    const data = emailData(ctx, { ...session, sequence }, current, contact);
    await queueCalendarMessages(trx, ctx, removed, "session-removed", (person, options) =>
      sessionCancelEmail(data, person, "removed", "", options),
    );
    await queueCalendarMessages(trx, ctx, kept, "session-update", (person, options) =>
      sessionInviteEmail(data, person, "updated", options),
    );
    await queueCalendarMessages(trx, ctx, added, "session-invite", (person, options) =>
      sessionInviteEmail(data, person, "added", options),
    );
    const leaders = await listSchoolLeaders(trx, session.school_id);
    await queueSchoolNotice(trx, ctx, data, leaders, "facilitators");
    await deletePendingSessionReminders(trx, sessionId);
    await queueReminders(trx, ctx, sessionId, data, current, leaders);
    return {
      ok: true as const,
      sequence,
      added: added.map((f) => f.id),
      removed: removed.map((f) => f.id),
    };
  });
}

/** Inside a transaction: cancel one scheduled session with its messages (no request status). */
async function cancelSessionInTransaction(
  trx: DB,
  actor: CurrentUser,
  ctx: MessageContext,
  session: SessionWithFacilitators,
  reason: string,
  action: string,
): Promise<boolean> {
  const transition = transitionSession(session.status, "cancelled");
  if (!transition.ok) return false;
  const nowIso = ctx.cfg.now().toISOString();
  const updated = await updateSessionIfVersion(trx, session.id, session.version, {
    status: "cancelled",
    cancelledAt: nowIso,
    bumpSequence: true,
    now: nowIso,
  });
  if (!updated) return false;
  const sequence = session.sequence + 1;
  await insertAuditEntry(trx, {
    actorId: actor.id,
    action,
    entityType: "session",
    entityId: session.id,
    details: { reason, sequence },
  });
  const data = emailData(
    ctx,
    { ...session, sequence },
    session.facilitators,
    await contactOf(trx, session.request_id),
  );
  await queueCalendarMessages(
    trx,
    ctx,
    session.facilitators,
    "session-cancelled",
    (person, options) => sessionCancelEmail(data, person, "cancelled", reason, options),
  );
  const leaders = await listSchoolLeaders(trx, session.school_id);
  await queueSchoolNotice(trx, ctx, data, leaders, "cancelled", reason);
  await deletePendingSessionReminders(trx, session.id);
  return true;
}

/**
 * Cancels a session: CANCEL (SEQUENCE + 1) to every facilitator, a notice to the school, pending
 * reminders removed; the request goes back to in progress when no session is left.
 */
export async function cancelSession(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: CancelValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult> {
  requirePermission(actor, "session.schedule");
  const ctx = messageContext(resolveConfig(overrides));
  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const done = await cancelSessionInTransaction(
      trx,
      actor,
      ctx,
      loaded.session,
      input.reason,
      "session.cancelled",
    );
    if (!done) return fail({ _form: "sessions.stale" });
    await syncRequestStatus(trx, actor, loaded.session.request_id, ctx.cfg.now().toISOString());
    return { ok: true as const };
  });
}

/**
 * Cancels a whole request: every scheduled session is cancelled (with its messages) and the
 * request becomes `cancelled`. `input.version` is the request's version.
 */
export async function cancelRequest(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  input: CancelValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ cancelledSessions: number }>> {
  requirePermission(actor, "session.schedule");
  const ctx = messageContext(resolveConfig(overrides));
  return writeTransaction(db, async (trx) => {
    const request = await findRequestForScheduling(trx, requestId);
    if (!request) notFound();
    if (request.version !== input.version) return fail({ _form: "sessions.stale" });
    const from: RequestStatus = request.status;
    if (!transitionRequest(from, "cancelled").ok) {
      return fail({ _form: "sessions.request.closed" });
    }
    const sessions = await listSessionsOfRequest(trx, requestId);
    let cancelledSessions = 0;
    for (const row of sessions) {
      if (row.status !== "scheduled") continue;
      const session = await findSessionWithFacilitators(trx, row.id);
      if (!session) continue;
      if (
        await cancelSessionInTransaction(
          trx,
          actor,
          ctx,
          session,
          input.reason,
          "session.cancelledWithRequest",
        )
      ) {
        cancelledSessions++;
      }
    }
    const nowIso = ctx.cfg.now().toISOString();
    const moved = await changeRequestStatus(trx, {
      requestId,
      from,
      to: "cancelled",
      actorId: actor.id,
      action: "request.cancelled",
      note: input.reason,
      now: nowIso,
    });
    if (!moved.ok) return fail({ _form: "sessions.stale" });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "request.cancelled",
      entityType: "request",
      entityId: requestId,
      details: { reason: input.reason, cancelledSessions },
    });
    return { ok: true as const, cancelledSessions };
  });
}

export type { BusyInterval, Suggestion };
