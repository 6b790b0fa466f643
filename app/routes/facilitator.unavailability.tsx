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
import { orNotFound } from "~/lib/results.server";
import { unavailabilityAction } from "~/lib/unavailability-action.server";
import { withBlockLabels } from "~/lib/unavailability-labels.server";
import { loadUnavailability } from "~/services/facilitator.server";

export const meta: MetaFunction = () => [{ title: "Fravær · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  const [result, locale] = await Promise.all([
    loadUnavailability(db(), user, user.id, new Date()),
    getLocale(request),
  ]);
  const page = orNotFound(result);
  return { ...page, blocks: withBlockLabels(page.blocks, locale) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["facilitator"]);
  const result = await unavailabilityAction(
    db(),
    user,
    user.id,
    await request.formData(),
    new Date(),
  );
  if (result.intent === "remove") return redirect("/facilitator/unavailability?removed=1");
  if (result.ok) {
    return redirect(`/facilitator/unavailability?added=1&overlap=${result.overlappingSessions}`);
  }
  return { errors: result.errors, values: result.values };
}

export default function MyUnavailability() {
  const { blocks } = useLoaderData<typeof loader>();
  const formState = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("facilitator.unavailability.title")}</h1>
      <p className="lead">{t("facilitator.unavailability.intro")}</p>
      <UnavailabilityManager blocks={blocks} formState={formState} />
    </>
  );
}
