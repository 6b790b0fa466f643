/**
 * What the evaluation page needs beyond the service's page, prepared on the server so that its
 * code stays out of the browser: the charts' layout (d3, app/components/charts/layout.server.ts)
 * and the answer options' names from the scale's definition (the item bank with its texts in
 * seven languages was 3.7 KB of gzip JavaScript on the page).
 */

import { evaluationChartData } from "~/domain/evaluation-charts";
import { FEEDBACK_SCALES } from "~/domain/feedback-bank";
import type { EvaluationPage } from "~/services/evaluation.server";
import { dotIntervalLayout, trendLayout } from "./charts/layout.server";

export interface EvaluationOption {
  value: string;
  isDontKnow: boolean;
  /** The staff UI's languages. */
  labels: { da: string; en: string };
}

export function evaluationViewData(page: EvaluationPage, trendItem: string | null) {
  const charts = evaluationChartData(page.model, trendItem);
  const options: EvaluationOption[] = FEEDBACK_SCALES[page.model.scale].options.map((o) => ({
    value: o.value,
    isDontKnow: o.isDontKnow,
    labels: { da: o.labels.da ?? "", en: o.labels.en ?? o.labels.da ?? "" },
  }));
  return {
    ...page,
    trendItem,
    options,
    charts: {
      items: dotIntervalLayout(charts.items),
      trend: charts.trend ? trendLayout(charts.trend) : null,
    },
  };
}
