/**
 * The scheduling and pilot-track pages' refusals and figures as text in the user's language,
 * made by their loaders and actions (the pages' `*-view.server.ts` sidecars use them too). In the
 * browser the date, time-zone and message code behind them would add 1-2 KB to each page's first
 * JavaScript (issue 12); the pages show the sentences.
 */
import { formatDate, formatDateTime, formatTimeRange } from "~/domain/time";
import type { OrderLimit, Reach } from "~/domain/tracks";
import { type Locale, translate } from "~/i18n";

/** An order limit: a date when the gap is in days, else the exact time. */
export function limitText(limit: OrderLimit, locale: Locale): string {
  return limit.date ? formatDate(limit.date, locale) : formatDateTime(limit.at, locale);
}

/** What a refusal of the order rule carries (OrderViolationView in the services). */
export interface OrderViolationFacts {
  kind: "tooEarly" | "tooLate";
  stepPosition: number;
  courseTitle: string;
  otherStepPosition: number;
  otherCourseTitle: string;
  otherStartsAt: string;
  otherEndsAt: string;
  gapDays: number;
  limit: OrderLimit;
}

/** The refusal of the order rule, one sentence per clash: the step, the session and its date. */
export function orderViolationTexts(
  violations: readonly OrderViolationFacts[] | undefined,
  locale: Locale,
): string[] {
  return (violations ?? []).map((v) =>
    translate(locale, `tracks.order.${v.kind}${v.gapDays > 0 ? "" : ".noGap"}`, {
      step: v.stepPosition,
      course: v.courseTitle,
      otherStep: v.otherStepPosition,
      otherCourse: v.otherCourseTitle,
      otherTime: formatTimeRange(v.otherStartsAt, v.otherEndsAt, locale),
      gap: v.gapDays,
      limit: limitText(v.limit, locale),
    }),
  );
}

/** A clash the scheduling services found (ConflictView). */
export interface ConflictFacts {
  facilitatorName: string;
  kind: "session" | "unavailability";
  startsAt: string;
  endsAt: string;
  label: string;
}

/** The clashes with other sessions and unavailability, one sentence each. */
export function conflictTexts(
  conflicts: readonly ConflictFacts[] | undefined,
  locale: Locale,
): string[] {
  return (conflicts ?? []).map((c) =>
    translate(locale, `sessions.conflicts.${c.kind}`, {
      name: c.facilitatorName,
      time: formatTimeRange(c.startsAt, c.endsAt, locale),
      label: c.label,
    }),
  );
}

/** "72 elever, 30 fagpersoner · 110 svar · svarprocent 65 %" (audiences with nobody left out). */
export function reachText(reach: Reach, locale: Locale): string {
  const audiences = (["pupils", "staff", "parents"] as const)
    .filter((audience) => reach[audience] > 0)
    .map((audience) => translate(locale, `tracks.reach.${audience}`, { count: reach[audience] }));
  const rate =
    reach.responseRate === null
      ? translate(locale, "tracks.reach.noRate")
      : translate(locale, "tracks.reach.rate", { rate: Math.round(reach.responseRate * 100) });
  const missing =
    reach.sessionsWithoutAttendance > 0
      ? ` (${translate(locale, "tracks.reach.missing", { count: reach.sessionsWithoutAttendance })})`
      : "";
  return `${audiences.length > 0 ? audiences.join(", ") : translate(locale, "tracks.reach.nobody")} · ${translate(locale, "tracks.reach.answers", { answers: reach.answers })} · ${rate}${missing}`;
}

/** Registered attendance per audience, "12 / 3" (audiences without a count left out), or "–". */
export function attendanceText(counts: readonly (number | null)[]): string {
  return counts.filter((n) => n !== null).join(" / ") || "–";
}
