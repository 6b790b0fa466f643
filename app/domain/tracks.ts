/**
 * Pilot tracks: an ordered list of steps (each a catalogue course with the sessions it expects and
 * a minimum gap after the step before), copied into a track per school and cohort year.
 *
 * This module holds the form schemas (shared by the browser and the actions),
 * the ORDER RULE (pure: both directions, cancelled sessions ignored, gaps in Copenhagen calendar
 * days), the status of a step and the progress and response-rate arithmetic of the track page.
 * Pure: no I/O; "now" is passed in.
 *
 * Messages are message keys from `app/i18n/tracks.ts` (prefix `tracks.`).
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import { checkboxField, emptyToUndefined, intField, textField, whenObject } from "./courses";
import { addDays } from "./time";
import { copenhagenMidnightUtc, utcToCopenhagen } from "./timezone";
import {
  MAX_GAP_DAYS,
  MAX_SESSIONS_EXPECTED,
  MAX_STEP_NOTE,
  MAX_STEPS,
  MAX_TEMPLATE_DESCRIPTION,
  MAX_TEMPLATE_NAME,
} from "./track-rules";

export {
  MAX_GAP_DAYS,
  MAX_SESSIONS_EXPECTED,
  MAX_STEP_NOTE,
  MAX_STEPS,
  MAX_TEMPLATE_DESCRIPTION,
  MAX_TEMPLATE_NAME,
};

export const MAX_OVERRIDE_REASON = 2000;
export const MAX_STOP_REASON = 500;
export const COHORT_YEAR_MIN = 2000;
export const COHORT_YEAR_MAX = 2100;

// ---- form schemas ----

const optionalText = (max: number, tooLong: string) =>
  z.preprocess((value) => value ?? "", textField(max, tooLong));

const versionField = intField(1, Number.MAX_SAFE_INTEGER, "tracks.version.invalid");
const optionalVersionField = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().min(1).optional(),
);

/** Create or rename a template (the version is absent on "new"). */
export const templateFormSchema = z.object({
  name: textField(
    MAX_TEMPLATE_NAME,
    "tracks.template.name.tooLong",
    "tracks.template.name.required",
  ),
  description: optionalText(MAX_TEMPLATE_DESCRIPTION, "tracks.template.description.tooLong"),
  version: optionalVersionField,
});
export type TemplateFormInput = z.input<typeof templateFormSchema>;
export type TemplateFormValues = z.output<typeof templateFormSchema>;

/** The fields of a step, in a template or in a track (the version is the template's / track's). */
export const stepFormSchema = z.object({
  courseId: intField(1, Number.MAX_SAFE_INTEGER, "tracks.step.course.required"),
  sessionsExpected: intField(1, MAX_SESSIONS_EXPECTED, "tracks.step.sessionsExpected.range"),
  minGapDays: intField(0, MAX_GAP_DAYS, "tracks.step.minGapDays.range"),
  note: optionalText(MAX_STEP_NOTE, "tracks.step.note.tooLong"),
  version: versionField,
});
export type StepFormInput = z.input<typeof stepFormSchema>;
export type StepFormValues = z.output<typeof stepFormSchema>;

/** A track's own step: the course stays (sessions are booked for it); the rest can change. */
export const trackStepEditSchema = stepFormSchema.omit({ courseId: true });
export type TrackStepEditValues = z.output<typeof trackStepEditSchema>;

/** Start a track for a school from a template. */
export const startTrackSchema = z.object({
  schoolId: intField(1, Number.MAX_SAFE_INTEGER, "tracks.start.school.required"),
  templateId: intField(1, Number.MAX_SAFE_INTEGER, "tracks.start.template.required"),
  cohortYear: intField(COHORT_YEAR_MIN, COHORT_YEAR_MAX, "tracks.start.cohortYear.range"),
  /** Also record the year as the school's pilot cohort (when it has none). */
  markPilot: checkboxField,
});
export type StartTrackInput = z.input<typeof startTrackSchema>;
export type StartTrackValues = z.output<typeof startTrackSchema>;

/** Stop (end) a track: its version and an optional reason. */
export const stopTrackSchema = z.object({
  version: versionField,
  reason: optionalText(MAX_STOP_REASON, "tracks.stop.reason.tooLong"),
});
export type StopTrackValues = z.output<typeof stopTrackSchema>;

/**
 * The override of the order rule that every form booking a session into a track carries: a box
 * to tick and a written reason (required when ticked, at most 2,000 characters).
 */
export const orderOverrideShape = {
  // Optional in the output, so callers that never override (tests, scripts) need not say so.
  overrideOrder: checkboxField.optional(),
  overrideReason: optionalText(MAX_OVERRIDE_REASON, "tracks.override.reason.tooLong").optional(),
};
export type OrderOverrideValues = { overrideOrder?: boolean; overrideReason?: string };

/** Refinement for a schema with `orderOverrideShape`: a ticked override needs its reason. */
export function refineOrderOverride(
  values: { overrideOrder?: unknown; overrideReason?: unknown },
  ctx: z.RefinementCtx,
) {
  if (values.overrideOrder !== true) return;
  const reason = typeof values.overrideReason === "string" ? values.overrideReason.trim() : "";
  if (reason === "") {
    ctx.addIssue({
      code: "custom",
      path: ["overrideReason"],
      message: "tracks.override.reason.required" satisfies MessageKey,
    });
  }
}

/** The override a parsed form asks for: its reason, or null when none was asked for. */
export function overrideReasonOf(values: OrderOverrideValues): string | null {
  if (!values.overrideOrder) return null;
  const reason = (values.overrideReason ?? "").trim();
  return reason === "" ? null : reason;
}

/** Attach an existing session (booked through the normal request flow) to a step. */
export const attachSessionSchema = z
  .object({
    sessionId: intField(1, Number.MAX_SAFE_INTEGER, "tracks.attach.session.required"),
    stepId: intField(1, Number.MAX_SAFE_INTEGER, "tracks.attach.step.required"),
    ...orderOverrideShape,
  })
  .superRefine(refineOrderOverride, { when: whenObject });
export type AttachSessionValues = z.output<typeof attachSessionSchema>;

// ---- the order rule ----

export type OrderSessionStatus = "scheduled" | "delivered" | "cancelled";

export interface OrderStep {
  id: number;
  position: number;
  /** Whole Copenhagen calendar days after the previous step (0 = as soon as it has ended). */
  minGapDays: number;
}

export interface OrderSession {
  id: number;
  stepId: number;
  startsAt: string;
  endsAt: string;
  status: OrderSessionStatus;
}

/** A session to book or move into step `stepId` (`sessionId` when it exists already). */
export interface OrderCandidate {
  sessionId?: number;
  stepId: number;
  startsAt: string;
  endsAt: string;
}

export interface OrderViolation {
  /**
   * "tooEarly": the candidate starts before an earlier step's session has ended plus the gap;
   * "tooLate": the candidate ends too late for a later step's session that is already booked.
   */
  kind: "tooEarly" | "tooLate";
  stepId: number;
  stepPosition: number;
  otherStepId: number;
  otherStepPosition: number;
  otherSessionId: number;
  otherStartsAt: string;
  otherEndsAt: string;
  /** Days that must lie between the two sessions (the gaps of the steps between them, summed). */
  gapDays: number;
  /** tooEarly: the earliest allowed start of the candidate; tooLate: its latest allowed end. */
  limit: OrderLimit;
}

/**
 * A bound set by the rule. With a gap of at least one day the rule is about Copenhagen dates:
 * `date` is the first (tooEarly) or last (tooLate) allowed date and `at` the midnight that starts
 * (or ends) it; with no gap `date` is null and `at` is the exact instant.
 */
export interface OrderLimit {
  at: string;
  date: string | null;
}

/** The Copenhagen date (YYYY-MM-DD) of an instant (Intl: much faster than the polyfill). */
function copenhagenDate(utcIso: string): string {
  return utcToCopenhagen(utcIso).date;
}

/**
 * The earliest start of a later session, given an earlier session ending at `endsAt` and a gap.
 *
 * A gap is counted in whole CALENDAR days in Copenhagen, not in 24-hour blocks: with a gap of
 * 7 days a step may start from midnight on the 7th day after the date the previous session ended
 * (a briefing ending Monday 15:30 allows workshops from the next Monday 08:00). This way a gap
 * across a daylight-saving change is still 7 days on the wall calendar (one of them 23 or 25 hours
 * long). A gap of 0 only demands that the earlier session has ended.
 */
export function earliestStartAfter(endsAt: string, gapDays: number): OrderLimit {
  if (gapDays <= 0) return { at: endsAt, date: null };
  const date = addDays(copenhagenDate(endsAt), gapDays);
  return { at: copenhagenMidnightUtc(date), date };
}

/**
 * The latest end of an earlier session, given a later session starting at `startsAt`: the inverse
 * of `earliestStartAfter`. With a gap the earlier session must end on or before the date `gapDays`
 * before the later one's date (`at` is the midnight after that date: ending there is too late).
 */
export function latestEndBefore(startsAt: string, gapDays: number): OrderLimit {
  if (gapDays <= 0) return { at: startsAt, date: null };
  const date = addDays(copenhagenDate(startsAt), -gapDays);
  return { at: copenhagenMidnightUtc(addDays(date, 1)), date };
}

/** Does a later session starting at `startsAt` respect an earlier one ending at `endsAt`? */
function fitsAfter(endsAt: string, startsAt: string, gapDays: number): boolean {
  return ms(startsAt) >= ms(earliestStartAfter(endsAt, gapDays).at);
}

/** Steps by position, and for each step id its index in that order. */
function orderSteps(steps: readonly OrderStep[]) {
  const sorted = [...steps].sort((a, b) => a.position - b.position);
  const index = new Map(sorted.map((step, i) => [step.id, i]));
  return { sorted, index };
}

/**
 * Days required between a session of step `from` and one of a later step `to`: the sum of the
 * minimum gaps of every step after `from` up to and including `to`. For neighbouring steps this is
 * the later step's own gap; across an empty step in between it leaves room for that step.
 */
function requiredGap(sorted: readonly OrderStep[], fromIndex: number, toIndex: number): number {
  let days = 0;
  for (let i = fromIndex + 1; i <= toIndex; i++) days += Math.max(0, sorted[i].minGapDays);
  return days;
}

function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new RangeError(`Invalid instant: ${iso}`);
  return value;
}

/**
 * The order rule for one session of a track (new or moved), in both directions:
 * - every non-cancelled session of an EARLIER step must have ended, plus the gap, before the
 *   candidate starts (tooEarly);
 * - every non-cancelled session of a LATER step must start no earlier than the candidate's end
 *   plus the gap (tooLate): moving a step N-1 session past a booked step N session is caught too.
 * Sessions of the same step are not ordered among themselves. The candidate itself (when moved)
 * and cancelled sessions are ignored. Returns [] when the candidate fits.
 */
export function orderViolations(
  steps: readonly OrderStep[],
  sessions: readonly OrderSession[],
  candidate: OrderCandidate,
): OrderViolation[] {
  const { sorted, index } = orderSteps(steps);
  const own = index.get(candidate.stepId);
  if (own === undefined) return [];
  const violations: OrderViolation[] = [];
  for (const session of sessions) {
    if (session.status === "cancelled") continue;
    if (candidate.sessionId !== undefined && session.id === candidate.sessionId) continue;
    const other = index.get(session.stepId);
    if (other === undefined || other === own) continue;
    const base = {
      stepId: candidate.stepId,
      stepPosition: sorted[own].position,
      otherStepId: session.stepId,
      otherStepPosition: sorted[other].position,
      otherSessionId: session.id,
      otherStartsAt: session.startsAt,
      otherEndsAt: session.endsAt,
    };
    if (other < own) {
      const gapDays = requiredGap(sorted, other, own);
      if (!fitsAfter(session.endsAt, candidate.startsAt, gapDays)) {
        const limit = earliestStartAfter(session.endsAt, gapDays);
        violations.push({ kind: "tooEarly", ...base, gapDays, limit });
      }
    } else {
      const gapDays = requiredGap(sorted, own, other);
      if (!fitsAfter(candidate.endsAt, session.startsAt, gapDays)) {
        const limit = latestEndBefore(session.startsAt, gapDays);
        violations.push({ kind: "tooLate", ...base, gapDays, limit });
      }
    }
  }
  return violations.sort(
    (a, b) =>
      a.otherStepPosition - b.otherStepPosition ||
      a.otherStartsAt.localeCompare(b.otherStartsAt) ||
      a.otherSessionId - b.otherSessionId,
  );
}

/** Every pair of sessions in a track that breaks the rule (each pair once, earlier step first). */
export function allOrderViolations(
  steps: readonly OrderStep[],
  sessions: readonly OrderSession[],
): Array<{ earlierSessionId: number; laterSessionId: number; violation: OrderViolation }> {
  const result: Array<{
    earlierSessionId: number;
    laterSessionId: number;
    violation: OrderViolation;
  }> = [];
  for (const session of sessions) {
    if (session.status === "cancelled") continue;
    const candidate = {
      sessionId: session.id,
      stepId: session.stepId,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    };
    for (const violation of orderViolations(steps, sessions, candidate)) {
      if (violation.kind !== "tooEarly") continue;
      result.push({
        earlierSessionId: violation.otherSessionId,
        laterSessionId: session.id,
        violation,
      });
    }
  }
  return result;
}

/**
 * The window a new session of step `stepId` must fall in: the earliest start allowed by the
 * earlier steps' sessions and the latest end allowed by the later steps' sessions (null = open).
 */
export function allowedWindow(
  steps: readonly OrderStep[],
  sessions: readonly OrderSession[],
  stepId: number,
): { earliestStart: OrderLimit | null; latestEnd: OrderLimit | null } {
  const { sorted, index } = orderSteps(steps);
  const own = index.get(stepId);
  let earliestStart: OrderLimit | null = null;
  let latestEnd: OrderLimit | null = null;
  if (own === undefined) return { earliestStart, latestEnd };
  for (const session of sessions) {
    if (session.status === "cancelled") continue;
    const other = index.get(session.stepId);
    if (other === undefined || other === own) continue;
    if (other < own) {
      const limit = earliestStartAfter(session.endsAt, requiredGap(sorted, other, own));
      if (earliestStart === null || ms(limit.at) > ms(earliestStart.at)) earliestStart = limit;
    } else {
      const limit = latestEndBefore(session.startsAt, requiredGap(sorted, own, other));
      if (latestEnd === null || ms(limit.at) < ms(latestEnd.at)) latestEnd = limit;
    }
  }
  return { earliestStart, latestEnd };
}

// ---- step status and progress ----

export const STEP_STATUSES = ["notPlanned", "planned", "partlyDelivered", "delivered"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * A step's status from its sessions (cancelled ones do not count):
 * - notPlanned: no session;
 * - planned: sessions booked, none delivered yet;
 * - delivered: at least the expected number delivered and nothing still to come;
 * - partlyDelivered: some delivered, but fewer than expected or more still booked.
 */
export function stepStatus(
  sessionsExpected: number,
  statuses: readonly OrderSessionStatus[],
): StepStatus {
  const delivered = statuses.filter((status) => status === "delivered").length;
  const scheduled = statuses.filter((status) => status === "scheduled").length;
  if (delivered === 0) return scheduled === 0 ? "notPlanned" : "planned";
  if (delivered >= sessionsExpected && scheduled === 0) return "delivered";
  return "partlyDelivered";
}

/** "3 of 4 steps delivered". */
export function trackProgress(statuses: readonly StepStatus[]): {
  delivered: number;
  total: number;
} {
  return {
    delivered: statuses.filter((status) => status === "delivered").length,
    total: statuses.length,
  };
}

/**
 * What a track's badge says: a stopped track stays "stopped"; an active track whose every step is
 * delivered is "completed" (nothing is left to plan); otherwise "active". Derived, never stored, so
 * adding a step to a completed track makes it active again.
 */
export type TrackDisplayStatus = "active" | "completed" | "stopped";

export function trackDisplayStatus(
  status: "active" | "stopped",
  progress: { delivered: number; total: number },
): TrackDisplayStatus {
  if (status === "stopped") return "stopped";
  return progress.total > 0 && progress.delivered === progress.total ? "completed" : "active";
}

export interface ReachSession {
  status: OrderSessionStatus;
  attendancePupils: number | null;
  attendanceProfessionals: number | null;
  attendanceParents: number | null;
  answers: number;
}

export interface Reach {
  /** People reached per audience (delivered sessions with registered attendance). */
  pupils: number;
  staff: number;
  parents: number;
  /** Feedback answers of all the sessions. */
  answers: number;
  /**
   * Answers / registered attendance, over the delivered sessions that have attendance (answers of
   * sessions without it are not set against anyone); null when no attendance is registered.
   */
  responseRate: number | null;
  /** Delivered sessions whose attendance is still missing (named on the page, never dropped). */
  sessionsWithoutAttendance: number;
}

function attendanceOf(session: ReachSession): number | null {
  const counts = [
    session.attendancePupils,
    session.attendanceProfessionals,
    session.attendanceParents,
  ].filter((n): n is number => n !== null);
  return counts.length === 0 ? null : counts.reduce((sum, n) => sum + n, 0);
}

/** Attendance per audience, answers and response rate of a set of sessions (a step or a track). */
export function reachOf(sessions: readonly ReachSession[]): Reach {
  const reach: Reach = {
    pupils: 0,
    staff: 0,
    parents: 0,
    answers: 0,
    responseRate: null,
    sessionsWithoutAttendance: 0,
  };
  let rateAnswers = 0;
  let rateAttendance = 0;
  for (const session of sessions) {
    if (session.status === "cancelled") continue;
    reach.answers += session.answers;
    if (session.status !== "delivered") continue;
    reach.pupils += session.attendancePupils ?? 0;
    reach.staff += session.attendanceProfessionals ?? 0;
    reach.parents += session.attendanceParents ?? 0;
    const attendance = attendanceOf(session);
    if (attendance === null) {
      reach.sessionsWithoutAttendance++;
      continue;
    }
    rateAnswers += session.answers;
    rateAttendance += attendance;
  }
  reach.responseRate = rateAttendance > 0 ? rateAnswers / rateAttendance : null;
  return reach;
}
