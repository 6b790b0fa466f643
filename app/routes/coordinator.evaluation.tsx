import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { dotIntervalLayout, trendLayout } from "~/components/charts/layout.server";
import { EvaluationView } from "~/components/evaluation-view";
import { evaluationChartData } from "~/domain/evaluation-charts";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
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
  const trendItem = params.get("trendItem");
  // Laid out here so that d3 stays on the server; the page adds the texts.
  const charts = evaluationChartData(page.model, trendItem);
  return {
    ...page,
    trendItem,
    charts: {
      items: dotIntervalLayout(charts.items),
      trend: charts.trend ? trendLayout(charts.trend) : null,
    },
  };
}

export default function Evaluation() {
  const data = useLoaderData<typeof loader>();
  return <EvaluationView data={data} basePath="/coordinator/evaluation" />;
}
