/**
 * Scheduling sessions: the session form schemas (shared by the browser and the actions), conflict
 * detection against busy intervals (sessions with a travel buffer, registered unavailability),
 * facilitator suggestions with their reasons, session status transitions and the reminder keys.
 * Pure: no I/O; "now" is passed in.
 *
 * Messages are message keys from `app/i18n/sessions.ts` (prefix `sessions.`) or `time.*` (common).
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import {
  checkboxField,
  emptyToUndefined,
  intField,
  textField,
  toList,
  whenObject,
} from "./courses";
import type { FieldErrors } from "./forms";
import { sessionInstants } from "./session-times";
import { addDays, isValidDateString, isValidTimeString } from "./time";
import { copenhagenToUtc, utcToCopenhagen } from "./timezone";
import { orderOverrideShape, refineOrderOverride } from "./tracks";

export { sessionInstants };

/** Free time a facilitator needs between two sessions (travel between schools). */
export const TRAVEL_BUFFER_MINUTES = 30;
export const MAX_FACILITATORS_PER_SESSION = 4;

// ---- form schemas ----

const dateField = z
  .string({ error: "sessions.date.required" satisfies MessageKey })
  .trim()
  .min(1, "sessions.date.required")
  .refine((date) => date === "" || isValidDateString(date), "sessions.date.invalid");

const timeField = z
  .string({ error: "sessions.time.required" satisfies MessageKey })
  .trim()
  .min(1, "sessions.time.required")
  .refine((time) => time === "" || isValidTimeString(time), "sessions.time.invalid");

const placeField = textField(200, "sessions.place.tooLong", "sessions.place.required");

const facilitatorIdsField = z.preprocess(
  toList,
  z
    .array(intField(1, Number.MAX_SAFE_INTEGER, "sessions.facilitators.invalid"))
    .min(1, "sessions.facilitators.required")
    .max(MAX_FACILITATORS_PER_SESSION, "sessions.facilitators.tooMany")
    .transform((ids) => [...new Set(ids)]),
);

/** The session's version when the form was opened; a stale form is refused. */
const versionField = intField(1, Number.MAX_SAFE_INTEGER, "sessions.version.invalid");

/** Optional version: absent on the "new session" form. */
const optionalVersionField = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().min(1).optional(),
);

/**
 * Date, start and end are a Copenhagen wall date and times. A time in the spring-forward gap is
 * refused (`time.nonexistent`); a fall-back time is its first occurrence; the end must come after
 * the start (same day).
 */
function refineTimes(
  values: { date?: unknown; start?: unknown; end?: unknown },
  ctx: z.RefinementCtx,
) {
  const { date, start, end } = values;
  if (typeof date !== "string" || !isValidDateString(date)) return;
  const startOk = typeof start === "string" && isValidTimeString(start);
  const endOk = typeof end === "string" && isValidTimeString(end);
  const startUtc = startOk ? copenhagenToUtc(date, start) : null;
  const endUtc = endOk ? copenhagenToUtc(date, end) : null;
  if (startUtc && !startUtc.ok) {
    ctx.addIssue({ code: "custom", path: ["start"], message: startUtc.error });
  }
  if (endUtc && !endUtc.ok) {
    ctx.addIssue({ code: "custom", path: ["end"], message: endUtc.error });
  }
  if (startUtc?.ok && endUtc?.ok && endUtc.utc <= startUtc.utc) {
    ctx.addIssue({
      code: "custom",
      path: ["end"],
      message: "sessions.end.beforeStart" satisfies MessageKey,
    });
  }
}

/** New session (and the shape every session form shares). */
export const sessionFormSchema = z
  .object({
    date: dateField,
    start: timeField,
    end: timeField,
    place: placeField,
    facilitatorIds: facilitatorIdsField,
    /** Ticked after the warning that a facilitator registered unavailability at that time. */
    confirmUnavailability: checkboxField,
    version: optionalVersionField,
    /** For a session of a pilot track step: override the order rule with a written reason. */
    ...orderOverrideShape,
  })
  .superRefine(refineTimes, { when: whenObject })
  .superRefine(refineOrderOverride, { when: whenObject });

export type SessionFormInput = z.input<typeof sessionFormSchema>;
export type SessionFormValues = z.output<typeof sessionFormSchema>;
export { SESSION_FORM_ARRAY_FIELDS } from "./form-arrays";

/** Move a session: time and/or place. */
export const moveSessionSchema = z
  .object({
    date: dateField,
    start: timeField,
    end: timeField,
    place: placeField,
    confirmUnavailability: checkboxField,
    version: versionField,
    ...orderOverrideShape,
  })
  .superRefine(refineTimes, { when: whenObject })
  .superRefine(refineOrderOverride, { when: whenObject });
export type MoveSessionValues = z.output<typeof moveSessionSchema>;

/** Replace the session's facilitators with this set. */
export const swapFacilitatorsSchema = z.object({
  facilitatorIds: facilitatorIdsField,
  confirmUnavailability: checkboxField,
  version: versionField,
});
export type SwapFacilitatorsValues = z.output<typeof swapFacilitatorsSchema>;

/** Cancel a session or a whole request: the version and an optional reason. */
export const cancelSchema = z.object({
  version: versionField,
  reason: z.preprocess((value) => value ?? "", textField(500, "sessions.reason.tooLong")),
});
export type CancelValues = z.output<typeof cancelSchema>;

/**
 * The UTC instants of a form's date/start/end, or the field errors (`time.nonexistent` for a time
 * in the spring-forward gap): the server-side twin of the schema's refinement.
 */
export function resolveSessionTimes(values: {
  date: string;
  start: string;
  end: string;
}): { ok: true; startUtc: string; endUtc: string } | { ok: false; errors: FieldErrors } {
  const start = copenhagenToUtc(values.date, values.start);
  const end = copenhagenToUtc(values.date, values.end);
  const errors: FieldErrors = {};
  if (!start.ok) errors.start = start.error;
  if (!end.ok) errors.end = end.error;
  if (start.ok && end.ok && end.utc <= start.utc) errors.end = "sessions.end.beforeStart";
  if (!start.ok || !end.ok || errors.end) return { ok: false, errors };
  return { ok: true, startUtc: start.utc, endUtc: end.utc };
}

// ---- conflicts ----

export interface BusyInterval {
  userId: number;
  kind: "session" | "unavailability";
  /** Session id or unavailability id. */
  id: number;
  startsAt: string;
  endsAt: string;
  /** E.g. the other session's course and school; shown to the coordinator. */
  label?: string;
}

export interface Conflicts {
  /** Sessions overlapping the candidate including the travel buffer: never allowed. */
  sessions: BusyInterval[];
  /** Registered unavailability overlapping the candidate: allowed only with confirmation. */
  unavailability: BusyInterval[];
}

/** Epoch ms of a UTC ISO string with `Z` (what the database stores). */
function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new RangeError(`Invalid instant: ${iso}`);
  return value;
}

/**
 * Which busy intervals clash with [startUtc, endUtc): sessions when they overlap with less than
 * `bufferMinutes` between them (back-to-back at different schools is not possible), unavailability
 * when it overlaps at all. `excludeSessionId` leaves out the session being moved.
 */
export function findConflicts(
  candidate: { startUtc: string; endUtc: string },
  busy: readonly BusyInterval[],
  options: { bufferMinutes?: number; excludeSessionId?: number; userIds?: readonly number[] } = {},
): Conflicts {
  const buffer = (options.bufferMinutes ?? TRAVEL_BUFFER_MINUTES) * 60_000;
  const start = ms(candidate.startUtc);
  const end = ms(candidate.endUtc);
  const users = options.userIds ? new Set(options.userIds) : null;
  const result: Conflicts = { sessions: [], unavailability: [] };
  for (const interval of busy) {
    if (users && !users.has(interval.userId)) continue;
    if (interval.kind === "session") {
      if (interval.id === options.excludeSessionId) continue;
      if (start < ms(interval.endsAt) + buffer && ms(interval.startsAt) < end + buffer) {
        result.sessions.push(interval);
      }
    } else if (start < ms(interval.endsAt) && ms(interval.startsAt) < end) {
      result.unavailability.push(interval);
    }
  }
  return result;
}

/** The window to load busy intervals for: the candidate widened by the travel buffer. */
export function busyWindow(
  candidate: { startUtc: string; endUtc: string },
  bufferMinutes = TRAVEL_BUFFER_MINUTES,
): { from: string; to: string } {
  return {
    from: new Date(ms(candidate.startUtc) - bufferMinutes * 60_000).toISOString(),
    to: new Date(ms(candidate.endUtc) + bufferMinutes * 60_000).toISOString(),
  };
}

// ---- suggestions ----

export interface FacilitatorCandidate {
  id: number;
  name: string;
  languages: readonly string[];
  /** Non-cancelled sessions in the candidate's Copenhagen month. */
  sessionsThisMonth: number;
}

export interface Reason {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface Suggestion {
  facilitatorId: number;
  name: string;
  /** No session within the travel buffer and no registered unavailability. */
  free: boolean;
  /** A session clash: cannot be booked at this time. */
  booked: boolean;
  /** Registered unavailability: can be booked only with confirmation. */
  unavailable: boolean;
  /** Speaks one of the languages the request needs (true when none is needed). */
  speaksNeeded: boolean;
  /** The needed languages this facilitator speaks. */
  matchingLanguages: string[];
  sessionsThisMonth: number;
  conflicts: Conflicts;
  reasons: Reason[];
}

/** Danish is the working language: only other languages make a facilitator a better match. */
function neededLanguages(languagesNeeded: readonly string[]): string[] {
  return languagesNeeded.filter((language) => language !== "da");
}

function intervalParams(interval: BusyInterval): Record<string, string> {
  const start = utcToCopenhagen(interval.startsAt);
  const end = utcToCopenhagen(interval.endsAt);
  return {
    date: start.date,
    from: start.time,
    to: end.time,
    label: interval.label ?? "",
  };
}

const nameOrder = new Intl.Collator("da");

/**
 * Facilitators ranked for one candidate time: free ones first, then those who speak a language the
 * request needs, then those with the fewest sessions that month, then by name. Each suggestion
 * carries its reasons (message keys with params) in that order.
 */
export function rankSuggestions(
  candidates: readonly FacilitatorCandidate[],
  busy: readonly BusyInterval[],
  candidate: { startUtc: string; endUtc: string },
  languagesNeeded: readonly string[],
  options: { excludeSessionId?: number; bufferMinutes?: number } = {},
): Suggestion[] {
  const needed = neededLanguages(languagesNeeded);
  const byUser = new Map<number, BusyInterval[]>();
  for (const interval of busy) {
    const list = byUser.get(interval.userId);
    if (list) list.push(interval);
    else byUser.set(interval.userId, [interval]);
  }
  const suggestions = candidates.map((facilitator): Suggestion => {
    const conflicts = findConflicts(candidate, byUser.get(facilitator.id) ?? [], options);
    const booked = conflicts.sessions.length > 0;
    const unavailable = conflicts.unavailability.length > 0;
    const matchingLanguages = needed.filter((language) => facilitator.languages.includes(language));
    const speaksNeeded = needed.length === 0 || matchingLanguages.length > 0;
    const reasons: Reason[] = [];
    if (!booked && !unavailable) reasons.push({ key: "sessions.reason.free" });
    for (const interval of conflicts.sessions) {
      reasons.push({ key: "sessions.reason.booked", params: intervalParams(interval) });
    }
    for (const interval of conflicts.unavailability) {
      reasons.push({ key: "sessions.reason.unavailable", params: intervalParams(interval) });
    }
    if (needed.length > 0) {
      reasons.push(
        speaksNeeded
          ? { key: "sessions.reason.speaks", params: { languages: matchingLanguages.join(", ") } }
          : { key: "sessions.reason.noLanguage", params: { languages: needed.join(", ") } },
      );
    }
    reasons.push({
      key: "sessions.reason.monthCount",
      params: { count: facilitator.sessionsThisMonth },
    });
    return {
      facilitatorId: facilitator.id,
      name: facilitator.name,
      free: !booked && !unavailable,
      booked,
      unavailable,
      speaksNeeded,
      matchingLanguages,
      sessionsThisMonth: facilitator.sessionsThisMonth,
      conflicts,
      reasons,
    };
  });
  return suggestions.sort(
    (a, b) =>
      Number(b.free) - Number(a.free) ||
      // Among the not-free, unavailability (confirmable) before a session clash (impossible).
      Number(a.booked) - Number(b.booked) ||
      Number(b.speaksNeeded) - Number(a.speaksNeeded) ||
      b.matchingLanguages.length - a.matchingLanguages.length ||
      a.sessionsThisMonth - b.sessionsThisMonth ||
      nameOrder.compare(a.name, b.name) ||
      a.facilitatorId - b.facilitatorId,
  );
}

// ---- session status ----

export const SESSION_STATUSES = ["scheduled", "delivered", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A scheduled session is delivered or cancelled; both are final. */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  scheduled: ["delivered", "cancelled"],
  delivered: [],
  cancelled: [],
};

export type SessionTransitionResult =
  | { ok: true }
  | { ok: false; error: "sessions.transition.illegal"; from: SessionStatus; to: SessionStatus };

export function transitionSession(from: SessionStatus, to: SessionStatus): SessionTransitionResult {
  if (SESSION_TRANSITIONS[from]?.includes(to)) return { ok: true };
  return { ok: false, error: "sessions.transition.illegal" satisfies MessageKey, from, to };
}

/**
 * The request status once its sessions changed: any scheduled session keeps it scheduled; with
 * none left, delivered when some were delivered, else back to in_progress (a new time is needed).
 */
export function requestStatusAfterSessions(statuses: readonly SessionStatus[]) {
  if (statuses.includes("scheduled")) return "scheduled" as const;
  if (statuses.includes("delivered")) return "delivered" as const;
  return "in_progress" as const;
}

// ---- reminders ----

export type ReminderKind = "reminder-3d" | "reminder-attendance";

/**
 * Outbox dedupe key of a reminder: one per session, invite sequence and user, so a reminder is
 * never queued twice, and a moved session (new sequence) gets new ones.
 */
export function reminderDedupeKey(
  kind: ReminderKind,
  sessionId: number,
  sequence: number,
  userId: number,
): string {
  return `${kind}:session-${sessionId}:seq-${sequence}:user-${userId}`;
}

/** Prefix shared by every reminder key of one session and kind (see `reminderDedupeKey`). */
export function reminderKeyPrefix(kind: ReminderKind, sessionId: number): string {
  return `${kind}:session-${sessionId}:`;
}

const REMINDER_HOUR = "08:00";

/**
 * When reminders go out: 08:00 Copenhagen time three days before the session's date, and 08:00 on
 * the day after it ended (attendance). A due time that has already passed is null (no reminder).
 */
export function reminderTimes(
  session: { startUtc: string; endUtc: string },
  now: Date,
): { threeDaysBefore: string | null; dayAfter: string | null } {
  const before = copenhagenToUtc(
    addDays(utcToCopenhagen(session.startUtc).date, -3),
    REMINDER_HOUR,
  );
  const after = copenhagenToUtc(addDays(utcToCopenhagen(session.endUtc).date, 1), REMINDER_HOUR);
  const nowIso = now.toISOString();
  return {
    threeDaysBefore: before.ok && before.utc > nowIso ? before.utc : null,
    dayAfter: after.ok && after.utc > nowIso ? after.utc : null,
  };
}

/** `Name <addr@host>` or `addr@host` -> name and address (the ORGANIZER of invites). */
export function parseMailbox(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1].trim() || match[2].trim(), email: match[2].trim() };
  return { name: from.trim(), email: from.trim() };
}
