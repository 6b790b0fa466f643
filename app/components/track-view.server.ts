/**
 * The coordinator's track page's texts, made by its loader: its JavaScript then carries no date
 * or time-zone code and no step facts' logic (issue 12).
 */
import { formatDate, formatDateTime, formatTimeRange } from "~/domain/time";
import { type Locale, type MessageKey, type MessageParams, translate } from "~/i18n";
import type { NotFound } from "~/services/result";
import type { loadTrackPage } from "~/services/tracks.server";
import { attendanceText, limitText, reachText } from "./scheduling-texts.server";

type TrackPage = Exclude<Awaited<ReturnType<typeof loadTrackPage>>, NotFound>;

/** A violation an override set aside, as stored with it (track_overrides.violations). */
interface BlockedItem {
  otherStepPosition: number;
  otherCourseTitle?: string;
  otherStartsAt: string;
  otherEndsAt: string;
}

type TrackStep = TrackPage["track"]["steps"][number];

/**
 * A step's facts on the track page, term and text: audience, sessions, gap to the previous step,
 * note, dates, the order rule's limits while it is not finished, reach.
 */
function stepFacts(step: TrackStep, previous: number | null, locale: Locale) {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const facts: { term: string; detail: string }[] = [
    { term: t("tracks.step.audience"), detail: t(`audience.${step.courseAudience}`) },
    {
      term: t("tracks.step.expected"),
      detail: t("tracks.step.expectedValue", {
        delivered: step.deliveredCount,
        scheduled: step.scheduledCount,
        expected: step.sessionsExpected,
      }),
    },
    {
      term: t("tracks.step.gap"),
      detail:
        previous === null
          ? t("tracks.step.gapFirst")
          : step.minGapDays > 0
            ? t("tracks.step.gapValue", { days: step.minGapDays, previous })
            : t("tracks.step.gapNone", { previous }),
    },
  ];
  if (step.note) facts.push({ term: t("tracks.step.note"), detail: step.note });
  facts.push({
    term: t("tracks.step.dates"),
    detail:
      step.firstStartsAt && step.lastEndsAt
        ? step.firstStartsAt.slice(0, 10) === step.lastEndsAt.slice(0, 10)
          ? formatDate(step.firstStartsAt, locale)
          : `${formatDate(step.firstStartsAt, locale)} – ${formatDate(step.lastEndsAt, locale)}`
        : t("tracks.step.noDates"),
  });
  if (step.status !== "delivered" && step.earliestStart) {
    facts.push({ term: t("tracks.step.earliest"), detail: limitText(step.earliestStart, locale) });
  }
  if (step.status !== "delivered" && step.latestEnd) {
    facts.push({ term: t("tracks.step.latest"), detail: limitText(step.latestEnd, locale) });
  }
  facts.push({ term: t("tracks.step.reach"), detail: reachText(step.reach, locale) });
  return facts;
}

/**
 * The track page's dates, times, limits and reach as text (`now` is the print date), and each
 * override's action and the sessions it set aside.
 */
export function withTrackTexts(page: TrackPage, locale: Locale, now: Date = new Date()) {
  const { track, overrides, attachable, ...rest } = page;
  const time = (startsAt: string, endsAt: string) => formatTimeRange(startsAt, endsAt, locale);
  return {
    ...rest,
    printedOn: formatDate(now.toISOString(), locale),
    track: {
      ...track,
      nextText: track.nextSession
        ? `${formatDateTime(track.nextSession.startsAt, locale)} (${translate(
            locale,
            "tracks.step.title",
            {
              position: track.nextSession.stepPosition,
              course: track.nextSession.courseTitle,
            },
          )})`
        : translate(locale, "tracks.nothingPlanned"),
      reachText: reachText(track.reach, locale),
      steps: track.steps.map((step, index) => ({
        ...step,
        facts: stepFacts(step, index > 0 ? track.steps[index - 1].position : null, locale),
        sessions: step.sessions.map((session) => ({
          ...session,
          time: time(session.startsAt, session.endsAt),
          attendanceText: attendanceText([
            session.attendance.pupils,
            session.attendance.staff,
            session.attendance.parents,
          ]),
        })),
      })),
    },
    attachable: attachable.map((session) => ({
      ...session,
      time: time(session.startsAt, session.endsAt),
    })),
    overrides: overrides.map((o) => ({
      id: o.id,
      when: formatDateTime(o.created_at, locale),
      actorName: o.actor_name,
      what: translate(locale, `tracks.overrides.action.${o.action}`, {
        position: o.step_position ?? "–",
        time:
          o.session_starts_at && o.session_ends_at
            ? time(o.session_starts_at, o.session_ends_at)
            : "",
      }),
      reason: o.reason,
      blocked: (o.violations as unknown as BlockedItem[]).map((v) =>
        translate(locale, "tracks.overrides.blockedItem", {
          step: v.otherStepPosition,
          otherCourse: v.otherCourseTitle ?? "",
          otherTime: time(v.otherStartsAt, v.otherEndsAt),
        }),
      ),
    })),
  };
}
