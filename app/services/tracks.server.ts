/**
 * Pilot tracks (journey 6): templates of ordered steps, a track per school and cohort year with
 * its own copy of the steps, "Planlæg session" per step (through the existing request and
 * scheduling flow), attaching sessions booked the normal way, the track page's model and the
 * school leader's read-only view.
 *
 * Every change runs in one `writeTransaction`, checks the version of the template or track the
 * form was rendered with (stale forms are refused, never overwritten) and writes the audit log.
 * The order rule of sessions runs in the booking/move/attach transaction (track-order.server.ts).
 */

import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { countFeedbackResponsesBySession } from "../../db/queries/feedback";
import { insertRequest, insertRequestEvent } from "../../db/queries/requests";
import {
  findSchoolById,
  listSchoolOptions,
  updateSchoolIfUnchanged,
} from "../../db/queries/schools";
import {
  findRequestForScheduling,
  listFacilitatorsOfSessions,
  listSchoolLeaders,
} from "../../db/queries/sessions";
import {
  countSessionsOfStep,
  countTracksOfTemplate,
  deleteTemplateStep as deleteTemplateStepRow,
  deleteTrackStep as deleteTrackStepRow,
  findActiveTrackOfSchoolYear,
  findCourseForStep,
  findSessionForAttach,
  findStepContext,
  findTemplate,
  findTemplateByName,
  findTrack,
  insertTemplate,
  insertTemplateStep,
  insertTrack,
  insertTrackStep,
  linkSessionToStep,
  listAttachableSessions,
  listCourseOptionsForSteps,
  listFreeOpenRequests,
  listSessionsOfTracks,
  listTemplateSteps,
  listTemplates,
  listTrackOverrides,
  listTrackSteps,
  listTracks,
  listTracksOfSchool,
  loadTrackOrder,
  orderSessionsOf,
  orderStepsOf,
  requestServesAStep,
  setStepRequest,
  setTemplateStepOrder,
  setTrackStepOrder,
  type TrackRow,
  touchTemplateIfVersion,
  touchTrackIfVersion,
  unlinkSession,
  updateTemplateStep as updateTemplateStepRow,
  updateTrackStep,
} from "../../db/queries/tracks";
import type { Audience, SessionStatus, TrackStatus } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import type { FieldErrors } from "../domain/forms";
import { isOpenStatus } from "../domain/requests";
import { todayInCopenhagen } from "../domain/time";
import {
  type AttachSessionValues,
  allOrderViolations,
  allowedWindow,
  MAX_STEPS,
  type OrderLimit,
  overrideReasonOf,
  type Reach,
  reachOf,
  type StartTrackValues,
  type StepFormValues,
  type StepStatus,
  type StopTrackValues,
  stepStatus,
  type TemplateFormValues,
  type TrackDisplayStatus,
  type TrackStepEditValues,
  trackDisplayStatus,
  trackProgress,
} from "../domain/tracks";
import type { MessageParams } from "../i18n";
import type { CurrentUser } from "../lib/guards.server";
import { nextTimestamp } from "./course-admin.server";
import { forbidden, found, type NotFound, notFound } from "./result";
import {
  checkOrderInTrack,
  type OrderViolationView,
  recordOrderOverride,
  withCourseTitles,
} from "./track-order.server";

// ---- results ----

export interface TrackFailure {
  ok: false;
  reason?: undefined;
  /** Field path (or `_form`) -> message key. */
  errors: FieldErrors;
  /** Parameters of the messages (e.g. the course or school named in a refusal). */
  params?: MessageParams;
  orderViolations?: OrderViolationView[];
}

export type TrackResult<T extends object = object> = ({ ok: true } & T) | TrackFailure | NotFound;

function fail(
  errors: FieldErrors,
  extra: Pick<TrackFailure, "params" | "orderViolations"> = {},
): TrackFailure {
  return { ok: false, errors, ...extra };
}

function nowOf(options: { now?: Date }): Date {
  return options.now ?? new Date();
}

// ---- the track model ----

export interface TrackSessionModel {
  id: number;
  requestId: number;
  startsAt: string;
  endsAt: string;
  location: string;
  status: SessionStatus;
  facilitators: string[];
  attendance: { pupils: number | null; staff: number | null; parents: number | null };
  answers: number;
}

export interface TrackStepModel {
  id: number;
  position: number;
  courseId: number;
  courseTitle: string;
  courseAudience: Audience;
  courseActive: boolean;
  sessionsExpected: number;
  minGapDays: number;
  note: string;
  requestId: number | null;
  status: StepStatus;
  deliveredCount: number;
  scheduledCount: number;
  sessions: TrackSessionModel[];
  /** First and last non-cancelled session (dates of the step). */
  firstStartsAt: string | null;
  lastEndsAt: string | null;
  reach: Reach;
  /** When a new session of this step may take place under the order rule. */
  earliestStart: OrderLimit | null;
  latestEnd: OrderLimit | null;
}

/**
 * One track as plain, serializable data: steps in order with status, dates, facilitators,
 * attendance per audience, answers and response rate, progress and the next session. The track
 * page renders it; the annual report reuses it ("pilot experience").
 */
export interface TrackModel {
  id: number;
  name: string;
  cohortYear: number;
  status: TrackStatus;
  /** The badge: "completed" once every step is delivered (see `trackDisplayStatus`). */
  displayStatus: TrackDisplayStatus;
  stopReason: string | null;
  version: number;
  createdAt: string;
  school: { id: number; name: string; district: string; pilotCohort: number | null };
  progress: { delivered: number; total: number };
  /** The next session to come (scheduled, starting after `now`), with its step. */
  nextSession: { startsAt: string; stepPosition: number; courseTitle: string } | null;
  reach: Reach;
  steps: TrackStepModel[];
}

/** Builds the models of several tracks with a fixed number of queries (not one per track). */
async function buildTrackModels(
  db: DB,
  tracks: readonly TrackRow[],
  now: Date,
): Promise<TrackModel[]> {
  if (tracks.length === 0) return [];
  const ids = tracks.map((t) => t.id);
  const [steps, sessions] = await Promise.all([
    listTrackSteps(db, ids),
    listSessionsOfTracks(db, ids),
  ]);
  const sessionIds = sessions.map((s) => s.id);
  const [facilitators, answers] = await Promise.all([
    listFacilitatorsOfSessions(db, sessionIds),
    countFeedbackResponsesBySession(db, sessionIds),
  ]);
  const namesBySession = new Map<number, string[]>();
  for (const f of facilitators) {
    const list = namesBySession.get(f.session_id) ?? [];
    list.push(f.name);
    namesBySession.set(f.session_id, list);
  }
  const nowIso = now.toISOString();

  return tracks.map((track) => {
    const ownSteps = steps.filter((s) => s.track_id === track.id);
    const stepIds = new Set(ownSteps.map((s) => s.id));
    const ownSessions = sessions.filter((s) => stepIds.has(s.step_id));
    const rules = { steps: orderStepsOf(ownSteps), sessions: orderSessionsOf(ownSessions) };
    const stepModels = ownSteps.map((step): TrackStepModel => {
      const rows = ownSessions.filter((s) => s.step_id === step.id);
      const models = rows.map(
        (s): TrackSessionModel => ({
          id: s.id,
          requestId: s.request_id,
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          location: s.location,
          status: s.status,
          facilitators: namesBySession.get(s.id) ?? [],
          attendance: {
            pupils: s.attendance_pupils,
            staff: s.attendance_professionals,
            parents: s.attendance_parents,
          },
          answers: answers.get(s.id) ?? 0,
        }),
      );
      const live = models.filter((s) => s.status !== "cancelled");
      const window = allowedWindow(rules.steps, rules.sessions, step.id);
      return {
        id: step.id,
        position: step.position,
        courseId: step.course_id,
        courseTitle: step.course_title,
        courseAudience: step.course_audience,
        courseActive: step.course_active === 1,
        sessionsExpected: step.sessions_expected,
        minGapDays: step.min_gap_days,
        note: step.note,
        requestId: step.request_id,
        status: stepStatus(
          step.sessions_expected,
          models.map((s) => s.status),
        ),
        deliveredCount: live.filter((s) => s.status === "delivered").length,
        scheduledCount: live.filter((s) => s.status === "scheduled").length,
        sessions: models,
        firstStartsAt: live[0]?.startsAt ?? null,
        lastEndsAt:
          live.length > 0
            ? live
                .map((s) => s.endsAt)
                .sort()
                .at(-1)!
            : null,
        reach: reachOf(models.map(reachSession)),
        earliestStart: window.earliestStart,
        latestEnd: window.latestEnd,
      };
    });
    const upcoming = stepModels
      .flatMap((step) =>
        step.sessions
          .filter((s) => s.status === "scheduled" && s.startsAt > nowIso)
          .map((s) => ({
            startsAt: s.startsAt,
            stepPosition: step.position,
            courseTitle: step.courseTitle,
          })),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const progress = trackProgress(stepModels.map((s) => s.status));
    return {
      id: track.id,
      name: track.name,
      cohortYear: track.cohort_year,
      status: track.status,
      stopReason: track.stop_reason,
      version: track.version,
      createdAt: track.created_at,
      school: {
        id: track.school_id,
        name: track.school_name,
        district: track.school_district,
        pilotCohort: track.school_pilot_cohort,
      },
      progress,
      displayStatus: trackDisplayStatus(track.status, progress),
      nextSession: upcoming[0] ?? null,
      reach: reachOf(stepModels.flatMap((s) => s.sessions.map(reachSession))),
      steps: stepModels,
    };
  });
}

function reachSession(s: TrackSessionModel) {
  return {
    status: s.status,
    attendancePupils: s.attendance.pupils,
    attendanceProfessionals: s.attendance.staff,
    attendanceParents: s.attendance.parents,
    answers: s.answers,
  };
}

/**
 * The plain model of one track (undefined when it does not exist). No permission check: callers
 * (the track page, the annual report) check their own.
 */
export async function buildTrackModel(
  db: DB,
  trackId: number,
  options: { now?: Date } = {},
): Promise<TrackModel | undefined> {
  const track = await findTrack(db, trackId);
  if (!track) return undefined;
  const [model] = await buildTrackModels(db, [track], nowOf(options));
  return model;
}

/**
 * The models of every track of a cohort year (the annual report's "pilot experience"). No
 * permission check: the report service checks its own.
 */
export async function buildTrackModelsOfYear(
  db: DB,
  cohortYear: number,
  options: { now?: Date } = {},
): Promise<TrackModel[]> {
  const tracks = (await listTracks(db)).filter((t) => t.cohort_year === cohortYear);
  return buildTrackModels(db, tracks, nowOf(options));
}

// ---- track pages ----

/** Every track with school, year, progress and the next session (the coordinator's list). */
export async function loadTrackList(db: DB, actor: CurrentUser, options: { now?: Date } = {}) {
  if (forbidden(actor, "track.manage")) return notFound();
  const tracks = await buildTrackModels(db, await listTracks(db), nowOf(options));
  return found({ tracks });
}

/** The track page: the model, its overrides, and what the forms offer. */
export async function loadTrackPage(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  options: { now?: Date } = {},
) {
  if (forbidden(actor, "track.manage")) return notFound();
  const model = await buildTrackModel(db, trackId, options);
  if (!model) return notFound();
  const [overrides, attachable, courses] = await Promise.all([
    listTrackOverrides(db, trackId),
    listAttachableSessions(
      db,
      model.school.id,
      model.steps.map((s) => s.courseId),
    ),
    listCourseOptionsForSteps(db),
  ]);
  const used = new Set(model.steps.map((s) => s.courseId));
  return found({
    track: model,
    overrides,
    attachable: attachable.map((s) => ({
      id: s.id,
      courseId: s.course_id,
      courseTitle: s.course_title,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      status: s.status,
      stepId: model.steps.find((step) => step.courseId === s.course_id)?.id ?? null,
    })),
    courseOptions: courses.filter((c) => c.active === 1 && !used.has(c.id)),
  });
}

/**
 * The school leader's view on /school: the school's tracks, newest first, read-only and lean (steps,
 * status and dates; no answer counts, overrides or staff notes).
 */
export async function loadSchoolTracks(
  db: DB,
  actor: CurrentUser,
  schoolId: number,
  options: { now?: Date } = {},
) {
  if (forbidden(actor, "track.view", { schoolId })) return notFound();
  const models = await buildTrackModels(db, await listTracksOfSchool(db, schoolId), nowOf(options));
  const tracks = models.map((track) => ({
    id: track.id,
    name: track.name,
    cohortYear: track.cohortYear,
    status: track.status,
    displayStatus: track.displayStatus,
    progress: track.progress,
    steps: track.steps.map((step) => ({
      id: step.id,
      position: step.position,
      courseTitle: step.courseTitle,
      status: step.status,
      sessions: step.sessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location,
        status: s.status,
      })),
    })),
  }));
  return found({ tracks });
}

/** The "start a track" form: active schools, usable templates and this year. */
export async function loadStartTrackForm(db: DB, actor: CurrentUser, options: { now?: Date } = {}) {
  if (forbidden(actor, "track.manage")) return notFound();
  const [schools, templates] = await Promise.all([listSchoolOptions(db), listTemplates(db)]);
  return found({
    schools,
    templates: templates
      .filter((t) => t.active === 1)
      .map((t) => ({ id: t.id, name: t.name, stepCount: Number(t.step_count) })),
    currentYear: Number(todayInCopenhagen(nowOf(options)).slice(0, 4)),
  });
}

// ---- starting and stopping a track ----

/**
 * Starts a track: the template's steps are COPIED into the track (later template edits never
 * change it). Refused: an inactive or empty template, a step whose course is deactivated, an
 * inactive school, and a second active track for the school that year (also a unique index).
 * With `markPilot`, a school without a pilot cohort gets the year as its cohort (audited).
 */
export async function startTrack(
  db: DB,
  actor: CurrentUser,
  input: StartTrackValues,
  options: { now?: Date } = {},
): Promise<TrackResult<{ trackId: number }>> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const template = await findTemplate(trx, input.templateId);
    if (!template) return fail({ templateId: "tracks.start.template.required" });
    if (template.active !== 1) {
      return fail(
        { templateId: "tracks.start.template.inactive" },
        { params: { template: template.name } },
      );
    }
    const steps = await listTemplateSteps(trx, template.id);
    if (steps.length === 0) {
      return fail(
        { templateId: "tracks.start.template.empty" },
        { params: { template: template.name } },
      );
    }
    const inactive = steps.find((s) => s.course_active !== 1);
    if (inactive) {
      return fail(
        { templateId: "tracks.start.template.inactiveCourse" },
        { params: { position: inactive.position, course: inactive.course_title } },
      );
    }
    const school = await findSchoolById(trx, input.schoolId);
    if (school?.active !== 1) return fail({ schoolId: "tracks.start.school.required" });
    const existing = await findActiveTrackOfSchoolYear(trx, school.id, input.cohortYear);
    if (existing) {
      return fail(
        { cohortYear: "tracks.start.duplicate" },
        { params: { school: school.name, year: input.cohortYear, track: existing.name } },
      );
    }
    const trackId = await insertTrack(trx, {
      schoolId: school.id,
      templateId: template.id,
      name: template.name,
      cohortYear: input.cohortYear,
      createdBy: actor.id,
      now: nowIso,
    });
    for (const step of steps) {
      await insertTrackStep(trx, trackId, step.position, {
        courseId: step.course_id,
        sessionsExpected: step.sessions_expected,
        minGapDays: step.min_gap_days,
        note: step.note,
      });
    }
    if (input.markPilot && school.pilot_cohort === null) {
      await updateSchoolIfUnchanged(trx, school.id, school.updated_at, {
        pilot_cohort: input.cohortYear,
        updated_at: nextTimestamp(school.updated_at, new Date(nowIso)),
      });
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "school.updated",
        entityType: "school",
        entityId: school.id,
        details: {
          before: { pilotCohort: null },
          after: { pilotCohort: input.cohortYear },
          trackId,
        },
      });
    }
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.started",
      entityType: "track",
      entityId: trackId,
      details: {
        schoolId: school.id,
        cohortYear: input.cohortYear,
        templateId: template.id,
        templateVersion: template.version,
        steps: steps.map((s) => ({
          position: s.position,
          courseId: s.course_id,
          sessionsExpected: s.sessions_expected,
          minGapDays: s.min_gap_days,
        })),
      },
    });
    return { ok: true as const, trackId };
  });
}

/** Loads a track inside a transaction for a change: not found, stopped, stale. */
async function trackForChange(trx: DB, trackId: number, version?: number) {
  const track = await findTrack(trx, trackId);
  if (!track) return { failure: notFound() };
  if (version !== undefined && track.version !== version) {
    return { failure: fail({ _form: "tracks.stale" }) };
  }
  if (track.status !== "active") return { failure: fail({ _form: "tracks.stopped" }) };
  return { track };
}

/** Stops (ends) a track: it keeps its history; the school may then get a new track that year. */
export async function stopTrack(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  input: StopTrackValues,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId, input.version);
    if (loaded.failure) return loaded.failure;
    await touchTrackIfVersion(trx, trackId, input.version, nowIso, {
      status: "stopped",
      stopReason: input.reason || null,
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.stopped",
      entityType: "track",
      entityId: trackId,
      details: { reason: input.reason },
    });
    return { ok: true as const };
  });
}

// ---- scheduling from a step ----

/**
 * "Planlæg session" on a step: the request the step schedules through. Reuses the step's request
 * while it is open, else an open request of the school for the course that no step uses (e.g. one
 * the school sent), else creates one (in progress, by the coordinator). The session is then booked
 * on the existing schedule page; the booking links it to the step and checks the order rule.
 */
export async function planStepSession(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  stepId: number,
): Promise<TrackResult<{ requestId: number; created: boolean }>> {
  if (forbidden(actor, "track.manage")) return notFound();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId);
    if (loaded.failure) return loaded.failure;
    const step = await findStepContext(trx, stepId);
    if (!step || step.track_id !== trackId) return notFound();
    if (step.request_id !== null) {
      const current = await findRequestForScheduling(trx, step.request_id);
      if (current && isOpenStatus(current.status)) {
        return { ok: true as const, requestId: current.id, created: false };
      }
    }
    const [free] = await listFreeOpenRequests(trx, step.school_id, step.course_id);
    if (free) {
      await setStepRequest(trx, step.id, free.id);
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "track.stepRequestLinked",
        entityType: "track",
        entityId: trackId,
        details: { stepId: step.id, requestId: free.id },
      });
      return { ok: true as const, requestId: free.id, created: false };
    }
    const course = await findCourseForStep(trx, step.course_id);
    const school = await findSchoolById(trx, step.school_id);
    if (!course || !school) return notFound();
    const [leader] = await listSchoolLeaders(trx, step.school_id);
    const note = `Pilotforløb "${step.track_name}" ${step.cohort_year}, trin ${step.position}${step.note ? `: ${step.note}` : ""}`;
    const requestId = await insertRequest(trx, {
      status: "in_progress",
      schoolId: step.school_id,
      requesterId: actor.id,
      courseId: step.course_id,
      groupCount: step.sessions_expected,
      participantsPerGroup: course.max_participants,
      grades: [],
      location: school.address,
      contactName: leader?.name ?? "",
      contactPhone: "",
      languagesNeeded: [],
      interpreterNeeded: false,
      notes: note,
      windows: [],
    });
    await insertRequestEvent(trx, {
      requestId,
      actorId: actor.id,
      action: "request.createdForTrack",
      fromStatus: null,
      toStatus: "in_progress",
      note,
    });
    await setStepRequest(trx, step.id, requestId);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.stepRequestCreated",
      entityType: "track",
      entityId: trackId,
      details: { stepId: step.id, requestId },
    });
    return { ok: true as const, requestId, created: true };
  });
}

/**
 * Attaches a session booked through the normal request flow to a step: same school, the step's
 * course, not cancelled, not in another step, and the order rule (checked in this transaction;
 * overridable with a reason). The session's request becomes the step's request when it has none.
 */
export async function attachSessionToStep(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  input: AttachSessionValues,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId);
    if (loaded.failure) return loaded.failure;
    const step = await findStepContext(trx, input.stepId);
    if (!step || step.track_id !== trackId) return fail({ stepId: "tracks.attach.step.required" });
    const session = await findSessionForAttach(trx, input.sessionId);
    if (!session || session.school_id !== step.school_id) {
      return fail({ sessionId: "tracks.attach.session.otherSchool" });
    }
    const params = { position: step.position, course: step.course_title };
    if (session.course_id !== step.course_id) {
      return fail({ sessionId: "tracks.attach.session.otherCourse" }, { params });
    }
    if (session.status === "cancelled")
      return fail({ sessionId: "tracks.attach.session.cancelled" });
    if (session.linked_step_id !== null) {
      return fail({ sessionId: "tracks.attach.session.linked" });
    }
    const reason = overrideReasonOf(input);
    const order = await checkOrderInTrack(
      trx,
      step,
      { sessionId: session.id, startsAt: session.starts_at, endsAt: session.ends_at },
      reason,
    );
    if (!order.ok) {
      return fail({ overrideOrder: "tracks.order.refused" }, { orderViolations: order.violations });
    }
    await linkSessionToStep(trx, {
      sessionId: session.id,
      stepId: step.id,
      actorId: actor.id,
      now: nowIso,
    });
    if (step.request_id === null && !(await requestServesAStep(trx, session.request_id))) {
      await setStepRequest(trx, step.id, session.request_id);
    }
    if (reason && order.overridden.length > 0) {
      await recordOrderOverride(trx, {
        actorId: actor.id,
        step,
        sessionId: session.id,
        action: "attached",
        reason,
        overridden: order.overridden,
        now: nowIso,
      });
    }
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.sessionAttached",
      entityType: "track",
      entityId: trackId,
      details: { stepId: step.id, sessionId: session.id, overridden: order.overridden.length > 0 },
    });
    return { ok: true as const };
  });
}

/** Takes a session out of its step (the session itself stays as it is). */
export async function detachSessionFromStep(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  sessionId: number,
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId);
    if (loaded.failure) return loaded.failure;
    const session = await findSessionForAttach(trx, sessionId);
    const step = session?.linked_step_id
      ? await findStepContext(trx, session.linked_step_id)
      : undefined;
    if (!session || !step || step.track_id !== trackId)
      return fail({ _form: "tracks.detach.notLinked" });
    await unlinkSession(trx, sessionId);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.sessionDetached",
      entityType: "track",
      entityId: trackId,
      details: { stepId: step.id, sessionId },
    });
    return { ok: true as const };
  });
}

// ---- a track's own steps ----

/**
 * Changes a track step's expected sessions, gap and note. A larger gap that would put sessions
 * already booked out of order is refused (listing them); a smaller one is always fine.
 */
export async function editTrackStep(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  stepId: number,
  input: TrackStepEditValues,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId, input.version);
    if (loaded.failure) return loaded.failure;
    const order = await loadTrackOrder(trx, trackId);
    const step = order.rows.find((s) => s.id === stepId);
    if (!step) return notFound();
    const after = order.steps.map((s) =>
      s.id === stepId ? { ...s, minGapDays: input.minGapDays } : s,
    );
    const pair = (p: { earlierSessionId: number; laterSessionId: number }) =>
      `${p.earlierSessionId}<${p.laterSessionId}`;
    const known = new Set(allOrderViolations(order.steps, order.sessions).map(pair));
    const added = allOrderViolations(after, order.sessions).filter((p) => !known.has(pair(p)));
    if (added.length > 0) {
      return fail(
        { minGapDays: "tracks.step.gap.breaksOrder" },
        {
          params: { position: step.position, days: input.minGapDays },
          orderViolations: withCourseTitles(
            added.map((p) => p.violation),
            order.titles,
          ),
        },
      );
    }
    await updateTrackStep(trx, stepId, {
      sessionsExpected: input.sessionsExpected,
      minGapDays: input.minGapDays,
      note: input.note,
    });
    await touchTrackIfVersion(trx, trackId, input.version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.stepChanged",
      entityType: "track",
      entityId: trackId,
      details: {
        stepId,
        before: {
          sessionsExpected: step.sessions_expected,
          minGapDays: step.min_gap_days,
          note: step.note,
        },
        after: {
          sessionsExpected: input.sessionsExpected,
          minGapDays: input.minGapDays,
          note: input.note,
        },
      },
    });
    return { ok: true as const };
  });
}

/** Refusals common to a new step: the course must be active and not already a step. */
function checkStepCourse(
  course: { title: string; active: number } | undefined,
  existing: ReadonlyArray<{
    id: number;
    course_id: number;
    position: number;
    course_title: string;
  }>,
  courseId: number,
  ownStepId?: number,
): TrackFailure | null {
  if (!course) return fail({ courseId: "tracks.step.course.required" });
  if (course.active !== 1) {
    return fail({ courseId: "tracks.step.course.inactive" }, { params: { course: course.title } });
  }
  const twin = existing.find((s) => s.course_id === courseId && s.id !== ownStepId);
  if (twin) {
    return fail(
      { courseId: "tracks.step.course.duplicate" },
      { params: { course: twin.course_title, position: twin.position } },
    );
  }
  return null;
}

/** Adds a step at the end of a running track. */
export async function addTrackStep(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  input: StepFormValues,
  options: { now?: Date } = {},
): Promise<TrackResult<{ stepId: number }>> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId, input.version);
    if (loaded.failure) return loaded.failure;
    const steps = await listTrackSteps(trx, [trackId]);
    if (steps.length >= MAX_STEPS)
      return fail({ _form: "tracks.step.tooMany" }, { params: { max: MAX_STEPS } });
    const refused = checkStepCourse(
      await findCourseForStep(trx, input.courseId),
      steps,
      input.courseId,
    );
    if (refused) return refused;
    const stepId = await insertTrackStep(trx, trackId, steps.length + 1, input);
    await touchTrackIfVersion(trx, trackId, input.version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.stepAdded",
      entityType: "track",
      entityId: trackId,
      details: { stepId, ...input },
    });
    return { ok: true as const, stepId };
  });
}

/**
 * Deletes a track step. Refused while the step has sessions that are not cancelled (they would
 * lose their place in the track): move them out or cancel them first. Later steps move up.
 */
export async function deleteTrackStep(
  db: DB,
  actor: CurrentUser,
  trackId: number,
  stepId: number,
  version: number,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await trackForChange(trx, trackId, version);
    if (loaded.failure) return loaded.failure;
    const steps = await listTrackSteps(trx, [trackId]);
    const step = steps.find((s) => s.id === stepId);
    if (!step) return notFound();
    const counts = await countSessionsOfStep(trx, stepId);
    const live = counts.scheduled + counts.delivered;
    if (live > 0) {
      return fail(
        { _form: "tracks.step.delete.hasSessions" },
        {
          params: {
            position: step.position,
            course: step.course_title,
            count: live,
            delivered: counts.delivered,
            scheduled: counts.scheduled,
          },
        },
      );
    }
    await deleteTrackStepRow(trx, stepId);
    await setTrackStepOrder(
      trx,
      trackId,
      steps.filter((s) => s.id !== stepId).map((s) => s.id),
    );
    await touchTrackIfVersion(trx, trackId, version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "track.stepDeleted",
      entityType: "track",
      entityId: trackId,
      details: {
        stepId,
        position: step.position,
        courseId: step.course_id,
        cancelledSessions: counts.cancelled,
      },
    });
    return { ok: true as const };
  });
}

// ---- templates ----

export async function loadTemplateList(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "track.manage")) return notFound();
  const templates = await listTemplates(db);
  return found({
    templates: templates.map((t) => ({
      ...t,
      step_count: Number(t.step_count),
      track_count: Number(t.track_count),
    })),
  });
}

export async function loadTemplatePage(db: DB, actor: CurrentUser, templateId: number) {
  if (forbidden(actor, "track.manage")) return notFound();
  const template = await findTemplate(db, templateId);
  if (!template) return notFound();
  const [steps, courses, trackCount] = await Promise.all([
    listTemplateSteps(db, templateId),
    listCourseOptionsForSteps(db),
    countTracksOfTemplate(db, templateId),
  ]);
  return found({ template, steps, courses, trackCount });
}

async function templateForChange(trx: DB, templateId: number, version: number) {
  const template = await findTemplate(trx, templateId);
  if (!template) return { failure: notFound() };
  if (template.version !== version) return { failure: fail({ _form: "tracks.template.stale" }) };
  return { template };
}

export async function createTemplate(
  db: DB,
  actor: CurrentUser,
  input: TemplateFormValues,
  options: { now?: Date } = {},
): Promise<TrackResult<{ templateId: number }>> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    if (await findTemplateByName(trx, input.name)) {
      return fail({ name: "tracks.template.name.taken" }, { params: { name: input.name } });
    }
    const templateId = await insertTemplate(trx, {
      name: input.name,
      description: input.description,
      now: nowIso,
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.created",
      entityType: "track_template",
      entityId: templateId,
      details: { name: input.name },
    });
    return { ok: true as const, templateId };
  });
}

export async function updateTemplate(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  input: TemplateFormValues & { version: number },
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, input.version);
    if (loaded.failure) return loaded.failure;
    const twin = await findTemplateByName(trx, input.name);
    if (twin && twin.id !== templateId) {
      return fail({ name: "tracks.template.name.taken" }, { params: { name: input.name } });
    }
    await touchTemplateIfVersion(trx, templateId, input.version, nowIso, {
      name: input.name,
      description: input.description,
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.updated",
      entityType: "track_template",
      entityId: templateId,
      details: {
        before: { name: loaded.template.name, description: loaded.template.description },
        after: { name: input.name, description: input.description },
      },
    });
    return { ok: true as const };
  });
}

/** Deactivates (no new tracks from it) or reactivates a template. */
export async function setTemplateActive(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  active: boolean,
  version: number,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, version);
    if (loaded.failure) return loaded.failure;
    await touchTemplateIfVersion(trx, templateId, version, nowIso, { active });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: active ? "trackTemplate.activated" : "trackTemplate.deactivated",
      entityType: "track_template",
      entityId: templateId,
    });
    return { ok: true as const };
  });
}

export async function addTemplateStep(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  input: StepFormValues,
  options: { now?: Date } = {},
): Promise<TrackResult<{ stepId: number }>> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, input.version);
    if (loaded.failure) return loaded.failure;
    const steps = await listTemplateSteps(trx, templateId);
    if (steps.length >= MAX_STEPS)
      return fail({ _form: "tracks.step.tooMany" }, { params: { max: MAX_STEPS } });
    const refused = checkStepCourse(
      await findCourseForStep(trx, input.courseId),
      steps,
      input.courseId,
    );
    if (refused) return refused;
    const stepId = await insertTemplateStep(trx, templateId, steps.length + 1, input);
    await touchTemplateIfVersion(trx, templateId, input.version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.stepAdded",
      entityType: "track_template",
      entityId: templateId,
      details: { stepId, ...input },
    });
    return { ok: true as const, stepId };
  });
}

export async function editTemplateStep(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  stepId: number,
  input: StepFormValues,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, input.version);
    if (loaded.failure) return loaded.failure;
    const steps = await listTemplateSteps(trx, templateId);
    const step = steps.find((s) => s.id === stepId);
    if (!step) return notFound();
    const refused = checkStepCourse(
      await findCourseForStep(trx, input.courseId),
      steps,
      input.courseId,
      stepId,
    );
    if (refused) return refused;
    await updateTemplateStepRow(trx, stepId, input);
    await touchTemplateIfVersion(trx, templateId, input.version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.stepChanged",
      entityType: "track_template",
      entityId: templateId,
      details: {
        stepId,
        before: {
          courseId: step.course_id,
          sessionsExpected: step.sessions_expected,
          minGapDays: step.min_gap_days,
          note: step.note,
        },
        after: {
          courseId: input.courseId,
          sessionsExpected: input.sessionsExpected,
          minGapDays: input.minGapDays,
          note: input.note,
        },
      },
    });
    return { ok: true as const };
  });
}

export async function deleteTemplateStep(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  stepId: number,
  version: number,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, version);
    if (loaded.failure) return loaded.failure;
    const steps = await listTemplateSteps(trx, templateId);
    const step = steps.find((s) => s.id === stepId);
    if (!step) return notFound();
    await deleteTemplateStepRow(trx, stepId);
    await setTemplateStepOrder(
      trx,
      templateId,
      steps.filter((s) => s.id !== stepId).map((s) => s.id),
    );
    await touchTemplateIfVersion(trx, templateId, version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.stepDeleted",
      entityType: "track_template",
      entityId: templateId,
      details: { stepId, position: step.position, courseId: step.course_id },
    });
    return { ok: true as const };
  });
}

/** Moves a template step one place up or down (the keyboard- and no-JS-friendly reorder). */
export async function moveTemplateStep(
  db: DB,
  actor: CurrentUser,
  templateId: number,
  stepId: number,
  direction: "up" | "down",
  version: number,
  options: { now?: Date } = {},
): Promise<TrackResult> {
  if (forbidden(actor, "track.manage")) return notFound();
  const nowIso = nowOf(options).toISOString();
  return writeTransaction(db, async (trx) => {
    const loaded = await templateForChange(trx, templateId, version);
    if (loaded.failure) return loaded.failure;
    const ids = (await listTemplateSteps(trx, templateId)).map((s) => s.id);
    const from = ids.indexOf(stepId);
    if (from < 0) return notFound();
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return fail({ _form: "tracks.step.move.edge" });
    [ids[from], ids[to]] = [ids[to], ids[from]];
    await setTemplateStepOrder(trx, templateId, ids);
    await touchTemplateIfVersion(trx, templateId, version, nowIso);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "trackTemplate.stepMoved",
      entityType: "track_template",
      entityId: templateId,
      details: { stepId, from: from + 1, to: to + 1 },
    });
    return { ok: true as const };
  });
}
