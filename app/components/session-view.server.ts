/**
 * The coordinator's session page's texts, made by its loader: its JavaScript then carries no
 * date or time-zone code (issue 12).
 */
import { formatDateTime, formatTimeRange } from "~/domain/time";
import { hasMessage, type Locale, translate } from "~/i18n";
import type { NotFound } from "~/services/result";
import type { loadCoordinatorSessionPage } from "~/services/session-page.server";
import { attendanceText } from "./scheduling-texts.server";

type SessionPage = Exclude<Awaited<ReturnType<typeof loadCoordinatorSessionPage>>, NotFound>;

/** The when/where/why of a session's audit entry (details decoded in db/queries/audit.ts). */
function historyDetail(details: Record<string, unknown> | null, locale: Locale): string {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const to =
    details?.to && typeof details.to === "object" ? (details.to as Record<string, unknown>) : null;
  const span = to ?? details;
  const startsAt = text(span?.startsAt);
  const endsAt = text(span?.endsAt);
  const parts: string[] = [];
  if (startsAt && endsAt) parts.push(formatTimeRange(startsAt, endsAt, locale));
  const location = text(to?.location);
  if (location) parts.push(location);
  const reason = text(details?.reason);
  if (reason) parts.push(reason);
  return parts.length > 0 ? `: ${parts.join(", ")}` : "";
}

/**
 * The coordinator's session page with its time and its history as text: when, and what (the
 * action's label, or the action as stored for an older entry without one, and its details).
 */
export function withSessionTexts(page: SessionPage, locale: Locale) {
  // The leaders go out as one line of text only.
  const { session, history, leaders, ...rest } = page;
  return {
    ...rest,
    session: {
      ...session,
      time: formatTimeRange(session.starts_at, session.ends_at, locale),
      facilitatorsText: session.facilitators.map((f) => f.name).join(", "),
      attendanceText: attendanceText([
        session.attendance_pupils,
        session.attendance_professionals,
        session.attendance_parents,
      ]),
    },
    leadersText:
      leaders.map((l) => `${l.name} <${l.email}>`).join(", ") || translate(locale, "common.none"),
    history: history.map((entry) => {
      const key = `sessions.audit.${entry.action}`;
      return {
        id: entry.id,
        actorName: entry.actor_name,
        when: formatDateTime(entry.created_at, locale),
        what: `${hasMessage(key) ? translate(locale, key) : entry.action}${historyDetail(entry.details, locale)}`,
      };
    }),
  };
}
