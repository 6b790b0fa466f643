/**
 * The charts' layout with d3-scale and d3-shape, on the server only (the `.server` name keeps it
 * out of every browser bundle: d3 was 13 KB gzip of a page's JavaScript). Loaders send the layout
 * as data; the components and the PDF add the texts (geometry.ts). Inputs are keys and numbers,
 * so a layout is the same in every language.
 */
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import {
  type DotIntervalData,
  type DotIntervalGeometry,
  type DotIntervalInput,
  type DotIntervalLayout,
  labelDotInterval,
  labelTrend,
  legendLayout,
  markerGeometry,
  type TrendData,
  type TrendGeometry,
  type TrendInput,
  type TrendLayout,
} from "./geometry";
import { seriesStyle } from "./palette";

const LABEL_WIDTH = 260;
const ROW_HEIGHT = 34;

export function dotIntervalLayout(input: DotIntervalData): DotIntervalLayout {
  const width = input.width ?? 720;
  const margin = { top: 34, right: 24, bottom: 44, left: LABEL_WIDTH };
  const height = margin.top + margin.bottom + input.categories.length * ROW_HEIGHT;
  const x = scaleLinear()
    .domain(input.domain ?? [0, 100])
    .range([margin.left, width - margin.right]);
  const y = scaleBand()
    .domain(input.categories.map((c) => c.key))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.2);
  const offset = scaleBand()
    .domain(input.series.map((s) => s.key))
    .range([0, y.bandwidth()])
    .paddingInner(0.3);
  return {
    width,
    height,
    legend: legendLayout(input.series, margin.left),
    grid: x.ticks(5).map((tick) => ({
      key: tick,
      x1: x(tick),
      x2: x(tick),
      y1: margin.top - 4,
      y2: height - margin.bottom,
      label: { x: x(tick), y: height - margin.bottom + 16, text: String(tick), anchor: "middle" },
    })),
    axis: { x: (margin.left + width - margin.right) / 2, y: height - 8, anchor: "middle" },
    rows: input.categories.map((category) => {
      const top = y(category.key) ?? 0;
      return {
        key: category.key,
        label: { x: 8, y: top + y.bandwidth() / 2 - 2, lineHeight: 13 },
        points: input.series.flatMap((s, i) => {
          const point = category.points[s.key];
          if (!point) return [];
          const style = seriesStyle(i);
          const cy = top + (offset(s.key) ?? 0) + offset.bandwidth() / 2;
          return [
            {
              key: s.key,
              line: { x1: x(point.lower), x2: x(point.upper), y1: cy, y2: cy },
              color: style.color,
              marker: markerGeometry(style.shape, x(point.value), cy, style.color),
            },
          ];
        }),
      };
    }),
  };
}

export function trendLayout(input: TrendData): TrendLayout {
  const width = input.width ?? 720;
  const height = 280;
  const margin = { top: 52, right: 24, bottom: 44, left: 52 };
  const x = scalePoint()
    .domain(input.periods.map((p) => p.key))
    .range([margin.left, width - margin.right])
    .padding(0.4);
  const y = scaleLinear()
    .domain(input.domain ?? [0, 100])
    .range([height - margin.bottom, margin.top]);
  return {
    width,
    height,
    legend: legendLayout(input.series, margin.left),
    grid: y.ticks(5).map((tick) => ({
      key: tick,
      x1: margin.left,
      x2: width - margin.right,
      y1: y(tick),
      y2: y(tick),
      label: { x: margin.left - 8, y: y(tick) + 4, text: String(tick), anchor: "end" },
    })),
    periods: input.periods.map((p) => ({
      key: p.key,
      x: x(p.key) ?? 0,
      y: height - margin.bottom + 16,
      anchor: "middle",
    })),
    axis: { x: 14, y: margin.top - 16 },
    series: input.series.map((s, i) => {
      const style = seriesStyle(i);
      const points = input.periods.map((p) => ({ key: p.key, value: s.values[p.key] ?? null }));
      // Gaps where a period has no value (suppressed or no answers) are left open.
      const path = line<{ key: string; value: number | null }>()
        .defined((d) => d.value !== null)
        .x((d) => x(d.key) ?? 0)
        .y((d) => y(d.value ?? 0))(points);
      return {
        key: s.key,
        color: style.color,
        ...(i === 1 ? { dash: "6 4" } : {}),
        path,
        markers: points.flatMap((d) =>
          d.value === null
            ? []
            : [
                {
                  key: d.key,
                  marker: markerGeometry(style.shape, x(d.key) ?? 0, y(d.value), style.color),
                },
              ],
        ),
      };
    }),
  };
}

/** Layout and texts at once, for the PDF (rendered on the server anyway). */
export function dotIntervalGeometry(input: DotIntervalInput): DotIntervalGeometry {
  return labelDotInterval(dotIntervalLayout(input), input);
}

export function trendGeometry(input: TrendInput): TrendGeometry {
  return labelTrend(trendLayout(input), input);
}
