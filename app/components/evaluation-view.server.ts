/**
 * What the evaluation page needs beyond the service's page, prepared on the server so that its
 * code stays out of the browser: the charts with their captions, drawn in the user's language
 * (d3 and the chart components, app/components/charts/render.server.ts), the answer options'
 * names from the scale's definition (the item bank with its texts in seven languages was 3.7 KB
 * of gzip JavaScript on the page), the labels built from the model (period, top box, trend
 * periods, which groups and item the charts show, the comments' count) and the filters' query
 * string for its links.
 */
import type { GroupKey } from "~/domain/evaluation";
import { evaluationChartData, itemsChartSeries, trendItemOf } from "~/domain/evaluation-charts";
import { evaluationSearch } from "~/domain/evaluation-filters";
import {
  bucketLabel,
  DIGITS,
  formatNumber,
  groupLabel,
  percent,
  periodLabel,
  round,
  type Translate,
  topBoxLabel,
} from "~/domain/evaluation-format";
import { FEEDBACK_SCALES } from "~/domain/feedback-bank";
import { type Locale, translate } from "~/i18n";
import type { EvaluationPage } from "~/services/evaluation.server";
import { dotIntervalLayout, trendLayout } from "./charts/layout.server";
import { dotIntervalFigure, trendFigure } from "./charts/render.server";

const GROUP_KEYS: readonly GroupKey[] = ["pilot", "standard", "total", "school"];

export interface EvaluationOption {
  value: string;
  isDontKnow: boolean;
  /** In the user's language (Danish when the scale has no such text). */
  label: string;
}

function charts(page: EvaluationPage, trendItemKey: string | null, locale: Locale) {
  const { model } = page;
  const t: Translate = (key, params) => translate(locale, key, params);
  const num = (value: number, digits: number) => formatNumber(value, digits, locale);
  const pct = (p: number) => `${num(percent(p), DIGITS.percent)}\u00a0%`;
  const label = (key: GroupKey) => groupLabel(model, key, t);
  const data = evaluationChartData(model, trendItemKey);
  const topBox = topBoxLabel(model, t);
  const trendItem = trendItemOf(model.items, trendItemKey);
  // The caption names the item with the largest difference between the compared groups.
  const largest = model.items
    .filter((i) => i.difference)
    .sort((a, b) => Math.abs(b.difference?.points ?? 0) - Math.abs(a.difference?.points ?? 0))[0];
  return {
    items: dotIntervalFigure(
      {
        id: "chart-items-svg",
        layout: dotIntervalLayout(data.items),
        title: t("evaluation.chart.title", { topBox }),
        description: t("evaluation.chart.desc"),
        axisLabel: t("evaluation.chart.axis"),
        series: itemsChartSeries(model).map((key) => ({ key, label: label(key) })),
        categories: model.items.map((item) => ({ key: item.key, label: item.text[locale] })),
      },
      largest?.difference
        ? t("evaluation.chart.summary", {
            count: model.items.length,
            item: largest.text[locale],
            points: num(round(largest.difference.points, DIGITS.points), DIGITS.points),
          })
        : t("evaluation.chart.summaryNone", { count: model.items.length }),
    ),
    trend:
      data.trend && trendItem
        ? trendFigure(
            {
              id: "chart-trend-svg",
              layout: trendLayout(data.trend),
              title: t("evaluation.trend.chartTitle", { item: trendItem.text[locale] }),
              description: t("evaluation.trend.desc", { topBox }),
              axisLabel: t("evaluation.chart.axis"),
              periods: model.buckets.map((b) => ({ key: b.key, label: bucketLabel(b, t) })),
              series: model.trendGroups.map((g) => ({ key: g, label: label(g) })),
            },
            t("evaluation.trend.summary", {
              item: trendItem.text[locale],
              groups: model.trendGroups
                .map((g) => {
                  const values = model.buckets
                    .map((b) => trendItem.trend[g]?.[b.key])
                    .map((cell) =>
                      cell?.status === "shown" && cell.share !== null ? pct(cell.share) : "–",
                    );
                  return `${label(g)} ${values.join(" → ")}`;
                })
                .join("; "),
            }),
          )
        : null,
  };
}

export function evaluationViewData(page: EvaluationPage, trendItem: string | null, locale: Locale) {
  const options: EvaluationOption[] = FEEDBACK_SCALES[page.model.scale].options.map((o) => ({
    value: o.value,
    isDontKnow: o.isDontKnow,
    label: o.labels[locale] ?? o.labels.da ?? "",
  }));
  const t: Translate = (key, params) => translate(locale, key, params);
  const { model } = page;
  const search = evaluationSearch(model.filters);
  return {
    ...page,
    trendItem,
    periodOptions: [
      ...page.choices.periods.map((p) => ({
        value: p.value,
        label:
          p.kind === "year"
            ? t("evaluation.filter.year", { year: p.year })
            : t("evaluation.filter.schoolYear", { year: p.year, next: p.year + 1 }),
      })),
      { value: "range", label: t("evaluation.filter.range") },
    ],
    chartSeries: itemsChartSeries(model),
    trendItemKey: trendItemOf(model.items, trendItem)?.key ?? null,
    filterFields: Array.from(new URLSearchParams(search).entries()),
    commentTotal: Object.entries(model.commentCounts ?? {})
      .filter(([g]) => g !== "total")
      .reduce((sum, [, n]) => sum + (n ?? 0), 0),
    /** Named in the user's language; `groups` has every group key (the page's tables use them). */
    labels: {
      period: periodLabel(model, t),
      topBox: topBoxLabel(model, t),
      buckets: Object.fromEntries(model.buckets.map((b) => [b.key, bucketLabel(b, t)])),
      groups: Object.fromEntries(
        GROUP_KEYS.map((key) => [key, groupLabel(model, key, t)]),
      ) as Record<GroupKey, string>,
    },
    search,
    options,
    charts: charts(page, trendItem, locale),
  };
}
