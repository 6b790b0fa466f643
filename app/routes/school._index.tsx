import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { StatusBadge } from "~/components/status-badge";
import { StepStatusBadge } from "~/components/step-status-badge";
import { formatDate, formatTimeRange } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadSchoolPage } from "~/services/requests.server";

export const meta: MetaFunction = () => [{ title: "Min skole · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  return { name: user.name, ...orNotFound(await loadSchoolPage(db(), user)) };
}

export default function SchoolHome() {
  const { name, school, requests, tracks } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("school.title")}</h1>
      <p className="lead">
        {t("school.intro", { name, school: school.name })}
        {school.pilotCohort ? (
          <>
            {" "}
            <span className="badge">
              {t("schoolRequests.page.pilot", { year: school.pilotCohort })}
            </span>
          </>
        ) : null}
      </p>
      <p>
        <Link to="/catalogue" className="button">
          {t("schoolRequests.page.catalogue")}
        </Link>{" "}
        <Link to="/school/evaluation">{t("school.evaluation.link")}</Link>
      </p>

      {tracks.map((track) => (
        <SchoolTrack key={track.id} track={track} />
      ))}

      <h2 id="requests">{t("schoolRequests.page.requests")}</h2>
      {requests.length === 0 ? (
        <p>{t("schoolRequests.page.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="requests">
            <thead>
              <tr>
                <th scope="col">{t("schoolRequests.col.course")}</th>
                <th scope="col">{t("schoolRequests.col.created")}</th>
                <th scope="col">{t("schoolRequests.col.status")}</th>
                <th scope="col">{t("schoolRequests.col.sessions")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/school/requests/${r.id}`}>{r.courseTitle}</Link>
                  </td>
                  <td>{formatDate(r.createdAt, locale)}</td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.status === "declined" && r.declineReason ? (
                      <p className="pre-line small">{r.declineReason}</p>
                    ) : null}
                  </td>
                  <td>
                    {r.sessions.length === 0 ? (
                      <span className="muted">{t("schoolRequests.sessions.none")}</span>
                    ) : (
                      <ul className="plain-list">
                        {r.sessions.map((s) => (
                          <li key={s.id}>
                            {t("schoolRequests.session.line", {
                              time: formatTimeRange(s.starts_at, s.ends_at, locale),
                              place: s.location,
                              status: t(`schoolRequests.sessionStatus.${s.status}`),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type Track = ReturnType<typeof useLoaderData<typeof loader>>["tracks"][number];

/** The school's pilot track, read-only: steps with status and dates, and the coming dates. */
function SchoolTrack({ track }: { track: Track }) {
  const t = useT();
  const locale = useLocale();
  const headingId = `track-${track.id}`;
  const coming = track.steps.flatMap((step) =>
    step.sessions
      .filter((s) => s.status === "scheduled" && s.endsAt > new Date().toISOString())
      .map((s) => ({ ...s, step })),
  );
  coming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>
        {t("tracks.school.heading")}: {track.name} {track.cohortYear}
      </h2>
      <p>{t("tracks.school.intro")}</p>
      <p>
        <strong>{t("tracks.progress", track.progress)}</strong>
      </p>
      <h3>{t("tracks.school.coming")}</h3>
      {coming.length === 0 ? (
        <p>{t("tracks.school.noComing")}</p>
      ) : (
        <ul>
          {coming.map((s) => (
            <li key={s.id}>
              {formatTimeRange(s.startsAt, s.endsAt, locale)}:{" "}
              {t("tracks.step.title", { position: s.step.position, course: s.step.courseTitle })}
              {s.location ? `, ${s.location}` : ""}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t("tracks.page.steps")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tracks.attach.step")}</th>
              <th scope="col">{t("tracks.col.status")}</th>
              <th scope="col">{t("tracks.step.dates")}</th>
            </tr>
          </thead>
          <tbody>
            {track.steps.map((step) => (
              <tr key={step.id}>
                <th scope="row">
                  {t("tracks.step.title", { position: step.position, course: step.courseTitle })}
                </th>
                <td>
                  <StepStatusBadge status={step.status} />
                </td>
                <td>
                  {step.sessions.filter((s) => s.status !== "cancelled").length === 0 ? (
                    t("tracks.step.noDates")
                  ) : (
                    <ul className="plain-list">
                      {step.sessions
                        .filter((s) => s.status !== "cancelled")
                        .map((s) => (
                          <li key={s.id}>{formatDate(s.startsAt, locale)}</li>
                        ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
