import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatDate } from "~/domain/time";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadFacilitatorOverview } from "~/services/facilitator-overview.server";

export const meta: MetaFunction = () => [{ title: "Facilitatorer · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadFacilitatorOverview(db(), user));
}

export default function Facilitators() {
  const { facilitators, monthStart } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const month = formatDate(monthStart, locale, { month: "long", year: "numeric" });
  return (
    <>
      <h1>{t("courseAdmin.facilitators.title")}</h1>
      <p className="lead">{t("courseAdmin.facilitators.intro", { month })}</p>
      {facilitators.length === 0 ? (
        <p>{t("courseAdmin.facilitators.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("courseAdmin.facilitators.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courseAdmin.facilitators.col.name")}</th>
                <th scope="col">{t("courseAdmin.facilitators.col.languages")}</th>
                <th scope="col">{t("courseAdmin.facilitators.col.status")}</th>
                <th scope="col">{t("courseAdmin.facilitators.col.sessions", { month })}</th>
                <th scope="col">{t("courseAdmin.facilitators.col.unavailability")}</th>
              </tr>
            </thead>
            <tbody>
              {facilitators.map((facilitator) => (
                <tr key={facilitator.id}>
                  <th scope="row">
                    {facilitator.name}
                    <br />
                    <span className="muted">{facilitator.email}</span>
                  </th>
                  <td>
                    {facilitator.languages
                      .map((code) => t(messageKey(`language.${code}`)))
                      .join(", ")}
                  </td>
                  <td>
                    {facilitator.active
                      ? t("courseAdmin.facilitators.active")
                      : t("courseAdmin.facilitators.inactive")}
                  </td>
                  <td>{facilitator.sessionsThisMonth}</td>
                  <td>
                    <Link
                      to={`/coordinator/facilitators/${facilitator.id}/unavailability`}
                      aria-label={t("courseAdmin.facilitators.unavailability.label", {
                        name: facilitator.name,
                      })}
                    >
                      {t("courseAdmin.facilitators.unavailability")}
                    </Link>
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
