import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { requireUser } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: "Mine forløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  return { name: user.name };
}

export default function FacilitatorHome() {
  const { name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("facilitator.title")}</h1>
      <p className="lead">{t("facilitator.intro", { name })}</p>
    </>
  );
}
