import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadSchoolList } from "~/services/school-admin.server";

export const meta: MetaFunction = () => [{ title: "Skoler · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const { schools } = orNotFound(await loadSchoolList(db(), user));
  return { schools };
}

export default function SchoolList() {
  const { schools } = useLoaderData<typeof loader>();
  const t = useT();
  const pilots = schools.filter((school) => school.pilot_cohort !== null).length;
  return (
    <>
      <h1>{t("schoolAdmin.title")}</h1>
      <p className="lead">{t("schoolAdmin.intro", { count: schools.length, pilots })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("schoolAdmin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("schoolAdmin.col.name")}</th>
              <th scope="col">{t("schoolAdmin.col.district")}</th>
              <th scope="col">{t("schoolAdmin.col.pilotCohort")}</th>
              <th scope="col">{t("schoolAdmin.col.status")}</th>
              <th scope="col">{t("schoolAdmin.col.requests")}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => (
              <tr key={school.id}>
                <th scope="row">
                  <Link to={`/coordinator/schools/${school.id}`}>{school.name}</Link>
                </th>
                <td>{school.district}</td>
                <td>
                  {school.pilot_cohort === null
                    ? t("schoolAdmin.pilot.none")
                    : t("schoolAdmin.pilot.year", { year: school.pilot_cohort })}
                </td>
                <td>
                  {school.active
                    ? t("schoolAdmin.status.active")
                    : t("schoolAdmin.status.inactive")}
                </td>
                <td>{school.request_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
