import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { UnavailabilityManager } from "~/components/unavailability";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { unavailabilityAction } from "~/lib/unavailability-action.server";
import { withBlockLabels } from "~/lib/unavailability-labels.server";
import { loadUnavailability } from "~/services/facilitator.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Fravær: ${data.facilitator.name} · Frirum` : "Fravær · Frirum" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const [result, locale] = await Promise.all([
    loadUnavailability(db(), user, parseIdParam(params.id), new Date()),
    getLocale(request),
  ]);
  const page = orNotFound(result);
  return { ...page, blocks: withBlockLabels(page.blocks, locale) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const facilitatorId = parseIdParam(params.id);
  const result = await unavailabilityAction(
    db(),
    user,
    facilitatorId,
    await request.formData(),
    new Date(),
  );
  const path = `/coordinator/facilitators/${facilitatorId}/unavailability`;
  if (result.intent === "remove") return redirect(`${path}?removed=1`);
  if (result.ok) return redirect(`${path}?added=1&overlap=${result.overlappingSessions}`);
  return { errors: result.errors, values: result.values };
}

export default function FacilitatorUnavailability() {
  const { facilitator, blocks } = useLoaderData<typeof loader>();
  const formState = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("facilitator.unavailability.titleFor", { name: facilitator.name })}</h1>
      <p className="lead">{t("facilitator.unavailability.introCoordinator")}</p>
      <UnavailabilityManager blocks={blocks} formState={formState} />
    </>
  );
}
