import { Link } from "~/components/link";
import { messageKey } from "~/i18n/format";
import { useT } from "./i18n";
import { StatusBadge } from "./status-badge";

// Dates, times and windows arrive as text from the loader (withRequestTexts in
// request-details.server.ts), so this module carries no date or time-zone code (issue 12).

/** A preferred window with its text from the loader (withRequestTexts). */
export interface WindowView {
  date: string;
  part: string;
  from?: string;
  text: string;
}

export interface RequestView {
  id: number;
  status: string;
  createdAt: string;
  createdAtText: string;
  groupCount: number;
  participantsPerGroup: number;
  grades: number[];
  location: string;
  contactName: string;
  contactPhone: string;
  languagesNeeded: string[];
  interpreterNeeded: boolean;
  notes: string;
  declineReason: string | null;
  requesterName: string;
  course: { id: number; title: string; audience: string };
}

/** Everything the school wrote, as a description list. */
export function RequestFacts({
  request,
  windows,
  windowHolidays = {},
}: {
  request: RequestView;
  windows: WindowView[];
  /** Preferred dates in a school holiday: date -> holiday name (shown as a warning). */
  windowHolidays?: Record<string, string>;
}) {
  const t = useT();
  return (
    <dl className="details">
      <dt>{t("request.field.course")}</dt>
      <dd>
        {request.course.title} ({t(messageKey(`audience.${request.course.audience}`))})
      </dd>
      <dt>{t("schoolRequests.detail.status")}</dt>
      <dd>
        <StatusBadge status={request.status} />
      </dd>
      {request.status === "declined" && request.declineReason ? (
        <>
          <dt>{t("schoolRequests.detail.declineReason")}</dt>
          <dd className="pre-line">{request.declineReason}</dd>
        </>
      ) : null}
      <dt>{t("schoolRequests.detail.created")}</dt>
      <dd>{request.createdAtText}</dd>
      <dt>{t("schoolRequests.detail.requester")}</dt>
      <dd>{request.requesterName}</dd>
      <dt>{t("request.field.groupCount")}</dt>
      <dd>{request.groupCount}</dd>
      <dt>{t("request.field.participantsPerGroup")}</dt>
      <dd>{request.participantsPerGroup}</dd>
      {request.grades.length > 0 ? (
        <>
          <dt>{t("request.field.grades")}</dt>
          <dd>{request.grades.map((grade) => t("request.field.grade", { grade })).join(", ")}</dd>
        </>
      ) : null}
      <dt>{t("schoolRequests.detail.windows")}</dt>
      <dd>
        <ol className="plain-list">
          {windows.map((window) => (
            <li key={`${window.date}-${window.part}-${window.from ?? ""}`}>
              {window.text}
              {windowHolidays[window.date] ? (
                <strong className="holiday-inline">
                  {" "}
                  ({t("holidays.warning.date", { holiday: windowHolidays[window.date] })})
                </strong>
              ) : null}
            </li>
          ))}
        </ol>
      </dd>
      <dt>{t("request.field.location")}</dt>
      <dd>{request.location}</dd>
      <dt>{t("request.field.contactName")}</dt>
      <dd>{request.contactName}</dd>
      <dt>{t("request.field.contactPhone")}</dt>
      <dd>{request.contactPhone}</dd>
      <dt>{t("request.field.languagesNeeded")}</dt>
      <dd>
        {request.languagesNeeded.length > 0
          ? request.languagesNeeded.map((code) => t(messageKey(`language.${code}`))).join(", ")
          : t("schoolRequests.detail.none")}
      </dd>
      <dt>{t("request.field.interpreterNeeded")}</dt>
      <dd>{request.interpreterNeeded ? t("schoolRequests.yes") : t("schoolRequests.no")}</dd>
      <dt>{t("request.field.notes")}</dt>
      <dd className="pre-line">{request.notes || t("schoolRequests.detail.none")}</dd>
    </dl>
  );
}

export interface EventView {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  createdAt: string;
  createdAtText: string;
  actorName: string | null;
}

/** The request's history, oldest first. */
export function RequestHistory({ events }: { events: EventView[] }) {
  const t = useT();
  const label = (event: EventView) => {
    // Events are named "request.<what>" ("request.created", "request.declined", ...).
    const key = `schoolRequests.event.${event.action.replace(/^request\./, "")}`;
    if (t.has(key)) return t(key);
    if (event.fromStatus && event.toStatus) {
      return t("schoolRequests.event.statusChange", {
        from: t(messageKey(`status.${event.fromStatus}`)),
        to: t(messageKey(`status.${event.toStatus}`)),
      });
    }
    return event.action;
  };
  return (
    <ol className="history">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{label(event)}</strong>
          {" · "}
          <time dateTime={event.createdAt}>{event.createdAtText}</time>
          {event.actorName ? ` · ${event.actorName}` : ""}
          {event.note ? <p className="pre-line">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export interface SessionView {
  id: number;
  starts_at: string;
  ends_at: string;
  /** "fredag den 6. marts 2026 kl. 09.00–10.30", from the loader. */
  time: string;
  location: string;
  status: string;
  facilitators: string[];
}

/** A request's sessions (read-only). Coordinators get links to the session pages. */
export function SessionTable({
  sessions,
  caption,
  linkToSessions = false,
  showFacilitators = false,
}: {
  sessions: SessionView[];
  caption: string;
  linkToSessions?: boolean;
  showFacilitators?: boolean;
}) {
  const t = useT();
  if (sessions.length === 0) return <p>{t("schoolRequests.sessions.none")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("schoolRequests.col.time")}</th>
            <th scope="col">{t("schoolRequests.col.place")}</th>
            {showFacilitators ? <th scope="col">{t("schoolRequests.col.facilitators")}</th> : null}
            <th scope="col">{t("schoolRequests.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const time = session.time;
            return (
              <tr key={session.id}>
                <td>
                  {linkToSessions ? (
                    <Link to={`/coordinator/sessions/${session.id}`}>{time}</Link>
                  ) : (
                    time
                  )}
                </td>
                <td>{session.location}</td>
                {showFacilitators ? <td>{session.facilitators.join(", ")}</td> : null}
                <td>{t(messageKey(`schoolRequests.sessionStatus.${session.status}`))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
