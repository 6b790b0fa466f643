/**
 * The coordinator's scheduling page for a request: default date and times, facilitators ranked
 * for the chosen time, the request's sessions, school holidays and the pilot track window.
 */
import type { DB } from "../../db/connection";
import {
  countSessionsPerFacilitator,
  findRequestForScheduling,
  listActiveFacilitators,
  listBusyIntervals,
  listSessionsOfRequest,
  type SchedulingRequest,
} from "../../db/queries/sessions";
import { findActiveStepOfRequest, loadTrackOrder } from "../../db/queries/tracks";
import { windowTimes } from "../domain/requests";
import {
  busyWindow,
  rankSuggestions,
  type Suggestion,
  sessionInstants,
} from "../domain/scheduling";
import { isValidDateString, isValidTimeString, todayInCopenhagen } from "../domain/time";
import { copenhagenMonthRange, utcToCopenhagen } from "../domain/timezone";
import { allowedWindow } from "../domain/tracks";
import type { MessageKey } from "../i18n";
import type { CurrentUser } from "../lib/guards.server";
import { holidaysForDatePicking } from "./holidays.server";
import { forbidden, found, notFound } from "./result";

/**
 * Active facilitators ranked for one candidate time (see `rankSuggestions`): two indexed range
 * queries (busy intervals in the buffered window, session counts in the month) and pure ranking.
 */
const BAD_TIME: MessageKey = "sessions.suggest.badTime";

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
  if (forbidden(actor, "session.schedule")) return notFound();
  const request = await findRequestForScheduling(db, requestId);
  if (!request) return notFound();
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
  return found({
    request,
    holidays,
    sessions,
    chosen,
    place: request.location || request.school_address,
    suggestions,
    facilitators,
    track,
    timeError: chosen.date && chosen.start && chosen.end && !instants ? BAD_TIME : null,
  });
}
