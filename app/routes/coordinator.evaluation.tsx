import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EvaluationView } from "~/components/evaluation-view";
import { evaluationViewData } from "~/components/evaluation-view.server";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import { buildEvaluation } from "~/services/evaluation.server";

export const meta: MetaFunction = () => [{ title: "Evaluering · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const params = new URL(request.url).searchParams;
  const page = orNotFound(
    await buildEvaluation(db(), user, params, {
      now: new Date(),
      comments: params.get("comments") === "1",
    }),
  );
  return evaluationViewData(page, params.get("trendItem"), await getLocale(request));
}

export default function Evaluation() {
  const data = useLoaderData<typeof loader>();
  return <EvaluationView data={data} basePath="/coordinator/evaluation" />;
}
