/**
 * A request's status lifecycle and its preferred date windows, without the form schema (no zod),
 * so pages that only show requests do not download the validation library (issue 12).
 */
// ---- status lifecycle ----

export const REQUEST_STATUSES = [
  "requested",
  "in_progress",
  "scheduled",
  "delivered",
  "declined",
  "cancelled",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Which status may follow which. Decisions:
 * - requested -> scheduled directly: a coordinator may schedule without first marking the request
 *   "in progress".
 * - scheduled -> in_progress: when every session of a request is cancelled (or must be found a new
 *   time), the request goes back to being worked on instead of being cancelled as a whole.
 * - cancelled from requested/in_progress/scheduled (the school before scheduling, see
 *   `canSchoolCancel`; the coordinator at any open stage); declined only before scheduling.
 * - delivered, declined and cancelled are final. Staying in the same status is not a transition.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  requested: ["in_progress", "scheduled", "declined", "cancelled"],
  in_progress: ["scheduled", "declined", "cancelled"],
  scheduled: ["in_progress", "delivered", "cancelled"],
  delivered: [],
  declined: [],
  cancelled: [],
};

export type TransitionResult =
  | { ok: true }
  | { ok: false; error: "request.transition.illegal"; from: RequestStatus; to: RequestStatus };

/** May a request move from `from` to `to`? Refused transitions carry a message key. */
export function transitionRequest(from: RequestStatus, to: RequestStatus): TransitionResult {
  const allowed = ALLOWED_TRANSITIONS[from];
  if (allowed?.includes(to)) return { ok: true };
  return { ok: false, error: "request.transition.illegal", from, to };
}

/** Open = still being handled: requested, in progress or scheduled. */
export function isOpenStatus(status: RequestStatus): boolean {
  return status === "requested" || status === "in_progress" || status === "scheduled";
}

/** A school may cancel its own request only before it is scheduled. */
export function canSchoolCancel(status: RequestStatus): boolean {
  return status === "requested" || status === "in_progress";
}

/**
 * Should the form warn before sending? True when the school already has an open request for the
 * same course. The warning is acknowledged with the form's `acknowledgeDuplicate` box.
 */
export function duplicateOpenRequestWarning(
  existing: ReadonlyArray<{ courseId: number; status: RequestStatus }>,
  courseId: number,
): boolean {
  return existing.some((request) => request.courseId === courseId && isOpenStatus(request.status));
}

// ---- preferred date windows ----

export const DAY_PARTS = ["morning", "midday", "afternoon", "custom"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/**
 * Default times of the fixed day parts (Copenhagen local time), following a Danish school day:
 * morning is the lessons before lunch, midday the lunch break and the lesson around it, afternoon
 * the last lessons and after-school time. They are the span the coordinator may place a session
 * in, not the session's own start and end. Anything else (e.g. an evening parent meeting) is a
 * `custom` window with its own from/to.
 */
export const DAY_PART_TIMES: Readonly<
  Record<Exclude<DayPart, "custom">, { from: string; to: string }>
> = {
  morning: { from: "08:00", to: "11:30" },
  midday: { from: "11:30", to: "13:30" },
  afternoon: { from: "13:30", to: "16:00" },
};

export const MAX_WINDOWS = 3;
/** Windows further ahead than this are refused (catches mistyped years; schools plan a year out). */
export const MAX_DAYS_AHEAD = 365;

export type RequestWindow = {
  date: string; // YYYY-MM-DD, Copenhagen calendar date
  part: DayPart;
  from?: string; // HH:MM, only for custom
  to?: string; // HH:MM, only for custom
};

/** The from/to times a window stands for: the day part's defaults, or its own for custom. */
export function windowTimes(window: RequestWindow): { from: string; to: string } {
  if (window.part === "custom") return { from: window.from ?? "", to: window.to ?? "" };
  return DAY_PART_TIMES[window.part];
}

/** The longest reason a coordinator may give for declining a request. */
export const DECLINE_REASON_MAX = 1000;
