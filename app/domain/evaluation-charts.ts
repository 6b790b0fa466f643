/**
 * The numbers behind the evaluation page's two charts (items, and one item's trend), from the page
 * model. The loader lays them out on the server (app/components/charts/layout.server.ts); the page
 * adds the texts. No texts here, so the layout is the same in every language.
 */
import type { DotIntervalData, TrendData } from "../components/charts/geometry";
import type { EvaluationModel, GroupKey } from "./evaluation";
import { percent } from "./evaluation-format";

export interface EvaluationChartData {
  items: DotIntervalData;
  /** Null when the page shows no trend (no item, or a single period). */
  trend: TrendData | null;
}

/** The series the items chart compares: the comparison's groups, else the first group alone. */
export function itemsChartSeries(model: EvaluationModel): GroupKey[] {
  return model.comparison ?? model.groups.map((g) => g.key).slice(0, 1);
}

/** The item whose trend is shown: the one asked for (`trendItem`), else the first. */
export function trendItemOf<Item extends { key: string }>(
  items: readonly Item[],
  trendItem: string | null,
): Item | undefined {
  return items.find((i) => i.key === trendItem) ?? items[0];
}

export function evaluationChartData(
  model: EvaluationModel,
  trendItemKey: string | null,
): EvaluationChartData {
  const series = itemsChartSeries(model);
  const trendItem = trendItemOf(model.items, trendItemKey);
  return {
    items: {
      series: series.map((key) => ({ key })),
      categories: model.items.map((item) => ({
        key: item.key,
        points: Object.fromEntries(
          series.map((key) => {
            const cell = item.cells[key];
            return [
              key,
              cell?.status === "shown" && cell.share !== null && cell.interval
                ? {
                    value: percent(cell.share),
                    lower: percent(cell.interval.lower),
                    upper: percent(cell.interval.upper),
                  }
                : null,
            ];
          }),
        ),
      })),
    },
    trend:
      trendItem && model.buckets.length > 1
        ? {
            periods: model.buckets.map((b) => ({ key: b.key })),
            series: model.trendGroups.map((g) => ({
              key: g,
              values: Object.fromEntries(
                model.buckets.map((b) => {
                  const cell = trendItem.trend[g]?.[b.key];
                  return [
                    b.key,
                    cell?.status === "shown" && cell.share !== null ? percent(cell.share) : null,
                  ];
                }),
              ),
            })),
          }
        : null,
  };
}
