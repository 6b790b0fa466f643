/**
 * The schedule page's texts, made by its loader: its JavaScript then carries no date, time-zone
 * or day-part code (issue 12).
 */
import { holidayOn } from "~/domain/holiday-dates";
import { isOpenStatus } from "~/domain/request-rules";
import type { Suggestion } from "~/domain/scheduling";
import { sessionInstants } from "~/domain/session-times";
import { formatTimeRange } from "~/domain/time";
import { type Locale, translate } from "~/i18n";
import { messageKey } from "~/i18n/format";
import type { NotFound } from "~/services/result";
import type { loadSchedulePage } from "~/services/schedule-page.server";
import { windowText } from "./request-details.server";
import { limitText } from "./scheduling-texts.server";

type SchedulePage = Exclude<Awaited<ReturnType<typeof loadSchedulePage>>, NotFound>;

/**
 * The schedule page's data with what it shows as text: the request's windows (with the holiday
 * each falls in), its sessions' times, the time the suggestions are for, the track's limits; and
 * the facilitators unranked when no time is chosen yet.
 */
export function withScheduleTexts(page: SchedulePage, locale: Locale) {
  const { request, sessions, suggestions, facilitators, track, ...rest } = page;
  const { chosen, holidays } = page;
  const instants = chosen.date && chosen.start && chosen.end ? sessionInstants(chosen) : null;
  return {
    ...rest,
    request: {
      ...request,
      open: isOpenStatus(request.status),
      languagesText: request.languages_needed
        .map((code) => translate(locale, messageKey(`language.${code}`)))
        .join(", "),
      windows: request.windows.map((window) => ({
        text: windowText(
          {
            date: window.date,
            part: window.part,
            from: window.from_time ?? undefined,
            to: window.to_time ?? undefined,
          },
          locale,
        ),
        holiday: holidayOn(window.date, holidays)?.name ?? null,
      })),
    },
    sessions: sessions.map((session) => ({
      ...session,
      time: formatTimeRange(session.starts_at, session.ends_at, locale),
    })),
    suggestionsFor: instants ? formatTimeRange(instants.startUtc, instants.endUtc, locale) : null,
    // Without a time every facilitator is listed, as free, in name order.
    suggestions:
      suggestions ??
      facilitators.map(
        (f): Suggestion => ({
          facilitatorId: f.id,
          name: f.name,
          free: true,
          booked: false,
          unavailable: false,
          speaksNeeded: true,
          matchingLanguages: [],
          sessionsThisMonth: 0,
          conflicts: { sessions: [], unavailability: [] },
          reasons: [],
        }),
      ),
    track: track && {
      ...track,
      earliestText: track.earliestStart ? limitText(track.earliestStart, locale) : null,
      latestText: track.latestEnd ? limitText(track.latestEnd, locale) : null,
    },
  };
}
