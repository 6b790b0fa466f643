/**
 * What the evaluation page needs beyond the service's page, prepared on the server so that its
 * code stays out of the browser: the charts, drawn to SVG in the user's language (d3 and the
 * chart components, app/components/charts/render.server.ts), and the answer options' names from
 * the scale's definition (the item bank with its texts in seven languages was 3.7 KB of gzip
 * JavaScript on the page), and the filters' query string for its links.
 */
import { evaluationChartData, itemsChartSeries, trendItemOf } from "~/domain/evaluation-charts";
import { evaluationSearch } from "~/domain/evaluation-filters";
import { bucketLabel, groupLabel, type Translate, topBoxLabel } from "~/domain/evaluation-format";
import { FEEDBACK_SCALES } from "~/domain/feedback-bank";
import { type Locale, translate } from "~/i18n";
import type { EvaluationPage } from "~/services/evaluation.server";
import { dotIntervalLayout, trendLayout } from "./charts/layout.server";
import { dotIntervalSvg, trendSvg } from "./charts/render.server";

export interface EvaluationOption {
  value: string;
  isDontKnow: boolean;
  /** The staff UI's languages. */
  labels: { da: string; en: string };
}

function charts(page: EvaluationPage, trendItemKey: string | null, locale: Locale) {
  const { model } = page;
  const t: Translate = (key, params) => translate(locale, key, params);
  const data = evaluationChartData(model, trendItemKey);
  const topBox = topBoxLabel(model, t);
  const trendItem = trendItemOf(model.items, trendItemKey);
  return {
    items: dotIntervalSvg({
      id: "chart-items-svg",
      layout: dotIntervalLayout(data.items),
      title: t("evaluation.chart.title", { topBox }),
      description: t("evaluation.chart.desc"),
      axisLabel: t("evaluation.chart.axis"),
      series: itemsChartSeries(model).map((key) => ({ key, label: groupLabel(model, key, t) })),
      categories: model.items.map((item) => ({ key: item.key, label: item.text[locale] })),
    }),
    trend:
      data.trend && trendItem
        ? trendSvg({
            id: "chart-trend-svg",
            layout: trendLayout(data.trend),
            title: t("evaluation.trend.chartTitle", { item: trendItem.text[locale] }),
            description: t("evaluation.trend.desc", { topBox }),
            axisLabel: t("evaluation.chart.axis"),
            periods: model.buckets.map((b) => ({ key: b.key, label: bucketLabel(b, t) })),
            series: model.trendGroups.map((g) => ({ key: g, label: groupLabel(model, g, t) })),
          })
        : null,
  };
}

export function evaluationViewData(page: EvaluationPage, trendItem: string | null, locale: Locale) {
  const options: EvaluationOption[] = FEEDBACK_SCALES[page.model.scale].options.map((o) => ({
    value: o.value,
    isDontKnow: o.isDontKnow,
    labels: { da: o.labels.da ?? "", en: o.labels.en ?? o.labels.da ?? "" },
  }));
  return {
    ...page,
    trendItem,
    search: evaluationSearch(page.model.filters),
    options,
    charts: charts(page, trendItem, locale),
  };
}
