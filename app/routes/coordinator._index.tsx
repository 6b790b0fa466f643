import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { requireUser } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: "Overblik · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return { name: user.name };
}

export default function CoordinatorHome() {
  const { name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      <p className="lead">{t("coordinator.intro", { name })}</p>
    </>
  );
}
