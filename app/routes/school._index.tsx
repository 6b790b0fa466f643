import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { db } from "~/lib/db.server";
import { requirePermission, requireUser } from "~/lib/guards.server";
import { findSchoolById } from "../../db/queries/schools";

export const meta: MetaFunction = () => [{ title: "Min skole · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  requirePermission(user, "school.view", { schoolId: user.schoolId });
  const school = await findSchoolById(db(), user.schoolId!);
  if (!school) throw new Response("Not Found", { status: 404 });
  return { name: user.name, school: school.name };
}

export default function SchoolHome() {
  const { name, school } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("school.title")}</h1>
      <p className="lead">{t("school.intro", { name, school })}</p>
    </>
  );
}
