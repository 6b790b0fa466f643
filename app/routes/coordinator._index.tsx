import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { StatusBadge } from "~/components/status-badge";
import { REQUEST_STATUSES } from "~/domain/request-rules";
import { formatDate, MEDIUM_DATE } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadCoordinatorOverview } from "~/services/requests.server";

export const meta: MetaFunction = () => [{ title: "Overblik · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return { name: user.name, ...orNotFound(await loadCoordinatorOverview(db(), user)) };
}

export default function CoordinatorHome() {
  const { name, counts, oldest } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      <p className="lead">{t("coordinator.intro", { name })}</p>

      <h2 id="counts">{t("triage.overview.counts")}</h2>
      <ul className="stats" aria-labelledby="counts">
        {REQUEST_STATUSES.map((status) => (
          <li key={status}>
            <Link to={`/coordinator/requests?status=${status}`}>
              <strong>{counts[status] ?? 0}</strong>
              {t(`status.${status}`)}
            </Link>
          </li>
        ))}
      </ul>

      <h2 id="oldest">{t("triage.overview.oldest")}</h2>
      {oldest.length === 0 ? (
        <p>{t("triage.overview.none")}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="oldest">
            <thead>
              <tr>
                <th scope="col">{t("triage.col.received")}</th>
                <th scope="col">{t("triage.col.school")}</th>
                <th scope="col">{t("triage.col.course")}</th>
                <th scope="col">{t("triage.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {oldest.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.created_at, locale, MEDIUM_DATE)}</td>
                  <td>
                    {r.school_name}
                    {r.school_pilot_cohort
                      ? ` (${t("triage.pilot", { year: r.school_pilot_cohort })})`
                      : ""}
                  </td>
                  <td>
                    <Link to={`/coordinator/requests/${r.id}`}>{r.course_title}</Link>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/coordinator/requests">{t("triage.overview.inbox")}</Link>
      </p>
    </>
  );
}
