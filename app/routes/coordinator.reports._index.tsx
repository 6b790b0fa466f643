import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { longDate } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadReportList } from "~/services/report.server";

export const meta: MetaFunction = () => [{ title: "Årsrapporter · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const { reports } = orNotFound(await loadReportList(db(), user, { now: new Date() }));
  return { reports };
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("report.list.title")}</h1>
      <p className="lead">{t("report.list.intro")}</p>
      <table data-testid="report-list">
        <caption className="visually-hidden">{t("report.list.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("report.list.year")}</th>
            <th scope="col">{t("report.list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <th scope="row">
                <Link to={`/coordinator/reports/${r.year}`}>
                  <span aria-hidden="true">{r.year}</span>
                  <span className="visually-hidden">{t("report.list.open", { year: r.year })}</span>
                </Link>
              </th>
              <td>
                {r.status === "final" && r.latest
                  ? t("report.status.final", {
                      number: r.latest.number,
                      date: longDate(r.latest.finalisedAt, locale),
                    })
                  : t(`report.status.${r.status}`)}
                {r.phase === "current" ? ` (${t("report.status.running")})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
