/**
 * The charts' geometry, computed once and drawn twice: as SVG elements on the page
 * (dot-interval-chart.tsx, trend-chart.tsx) and with react-pdf's Svg primitives in the annual
 * report's PDF (app/documents/report-pdf.server.tsx). Plain numbers and strings, no React, so both
 * renderers draw exactly the same positions.
 */
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { type MarkerShape, seriesStyle } from "./palette";

export type MarkerGeometry =
  | { kind: "circle"; cx: number; cy: number; r: number; color: string }
  | { kind: "rect"; x: number; y: number; width: number; height: number; color: string }
  | { kind: "polygon"; points: string; color: string };

/** A series marker centred on (x, y). */
export function markerGeometry(
  shape: MarkerShape,
  x: number,
  y: number,
  color: string,
  size = 5,
): MarkerGeometry {
  const r = size;
  switch (shape) {
    case "square":
      return { kind: "rect", x: x - r, y: y - r, width: 2 * r, height: 2 * r, color };
    case "triangle":
      return {
        kind: "polygon",
        points: `${x},${y - r * 1.2} ${x - r * 1.1},${y + r} ${x + r * 1.1},${y + r}`,
        color,
      };
    case "diamond":
      return {
        kind: "polygon",
        points: `${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`,
        color,
      };
    default:
      return { kind: "circle", cx: x, cy: y, r, color };
  }
}

export interface TextGeometry {
  x: number;
  y: number;
  text: string;
  anchor?: "start" | "middle" | "end";
}

export interface LegendEntry {
  key: string;
  marker: MarkerGeometry;
  label: TextGeometry;
}

export interface LineGeometry {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

function legend(
  series: ReadonlyArray<{ key: string; label: string }>,
  left: number,
): LegendEntry[] {
  return series.map((s, i) => {
    const style = seriesStyle(i);
    const x = left + i * 170;
    return {
      key: s.key,
      marker: markerGeometry(style.shape, x + 6, 14, style.color),
      label: { x: x + 18, y: 18, text: s.label },
    };
  });
}

// ---- dot and interval ----

export interface DotIntervalPoint {
  value: number;
  lower: number;
  upper: number;
}

export interface DotIntervalInput {
  series: ReadonlyArray<{ key: string; label: string }>;
  categories: ReadonlyArray<{
    key: string;
    label: string;
    /** Per series key; null = not shown (suppressed or no answers). */
    points: Record<string, DotIntervalPoint | null>;
  }>;
  axisLabel: string;
  /** Axis domain, default 0-100. */
  domain?: [number, number];
  width?: number;
}

export interface DotIntervalGeometry {
  width: number;
  height: number;
  legend: LegendEntry[];
  grid: Array<LineGeometry & { key: number; label: TextGeometry }>;
  axis: TextGeometry;
  rows: Array<{
    key: string;
    label: TextGeometry & { lines: string[]; lineHeight: number };
    points: Array<{ key: string; line: LineGeometry; color: string; marker: MarkerGeometry }>;
  }>;
}

const LABEL_WIDTH = 260;
const ROW_HEIGHT = 34;

/** A label in at most two lines of about `max` characters ("…" when cut). */
export function wrapLabel(text: string, max = 38): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && `${current} ${word}`.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.slice(0, 2).map((l, i, all) => (i === 1 && all.length < lines.length ? `${l}…` : l));
}

export function dotIntervalGeometry(input: DotIntervalInput): DotIntervalGeometry {
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
    legend: legend(input.series, margin.left),
    grid: x.ticks(5).map((tick) => ({
      key: tick,
      x1: x(tick),
      x2: x(tick),
      y1: margin.top - 4,
      y2: height - margin.bottom,
      label: { x: x(tick), y: height - margin.bottom + 16, text: String(tick), anchor: "middle" },
    })),
    axis: {
      x: (margin.left + width - margin.right) / 2,
      y: height - 8,
      text: input.axisLabel,
      anchor: "middle",
    },
    rows: input.categories.map((category) => {
      const top = y(category.key) ?? 0;
      return {
        key: category.key,
        label: {
          x: 8,
          y: top + y.bandwidth() / 2 - 2,
          text: category.label,
          lines: wrapLabel(category.label),
          lineHeight: 13,
        },
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

// ---- trend (lines over periods) ----

export interface TrendInput {
  axisLabel: string;
  periods: ReadonlyArray<{ key: string; label: string }>;
  series: ReadonlyArray<{ key: string; label: string; values: Record<string, number | null> }>;
  domain?: [number, number];
  width?: number;
}

export interface TrendGeometry {
  width: number;
  height: number;
  legend: LegendEntry[];
  grid: Array<LineGeometry & { key: number; label: TextGeometry }>;
  periods: Array<TextGeometry & { key: string }>;
  axis: TextGeometry;
  series: Array<{
    key: string;
    color: string;
    dash: string | undefined;
    path: string | null;
    markers: Array<{ key: string; marker: MarkerGeometry }>;
  }>;
}

export function trendGeometry(input: TrendInput): TrendGeometry {
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
    legend: legend(input.series, margin.left),
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
      text: p.label,
      anchor: "middle",
    })),
    axis: { x: 14, y: margin.top - 16, text: input.axisLabel },
    series: input.series.map((s, i) => {
      const style = seriesStyle(i);
      const points = input.periods.map((p) => ({ key: p.key, value: s.values[p.key] ?? null }));
      const path = line<{ key: string; value: number | null }>()
        .defined((d) => d.value !== null)
        .x((d) => x(d.key) ?? 0)
        .y((d) => y(d.value ?? 0))(points);
      return {
        key: s.key,
        color: style.color,
        dash: i === 1 ? "6 4" : undefined,
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
