/**
 * The charts' geometry, in two steps. The layout (positions, path strings; layout.server.ts, with
 * d3-scale and d3-shape) is computed on the server from keys and numbers only and travels to the
 * page as loader data, so d3 never reaches the browser. The texts (labels, axis title) are put at
 * those positions here, by the component in the user's language, and by the annual report's PDF
 * (app/documents/report-pdf.server.tsx) with the same functions, so page and PDF draw the same.
 * Plain numbers and strings, no React, no d3.
 */
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

/** Where a text goes; the text itself is added by `label…` below. */
export interface Placement {
  x: number;
  y: number;
  anchor?: "start" | "middle" | "end";
}

export interface TextGeometry extends Placement {
  text: string;
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

/** A grid line with its tick value (a number: the same in every language). */
export type GridLine = LineGeometry & { key: number; label: TextGeometry };

export interface LegendLayout {
  key: string;
  marker: MarkerGeometry;
  label: Placement;
}

/** What a chart names: the axis, and each series and category (or period) by key. */
export interface ChartTexts {
  axisLabel: string;
  series: ReadonlyArray<{ key: string; label: string }>;
}

function labelsByKey(entries: ReadonlyArray<{ key: string; label: string }>): Map<string, string> {
  return new Map(entries.map((e) => [e.key, e.label]));
}

function labelLegend(legend: ReadonlyArray<LegendLayout>, texts: ChartTexts): LegendEntry[] {
  const labels = labelsByKey(texts.series);
  return legend.map((entry) => ({
    key: entry.key,
    marker: entry.marker,
    label: { ...entry.label, text: labels.get(entry.key) ?? "" },
  }));
}

// ---- dot and interval ----

export interface DotIntervalPoint {
  value: number;
  lower: number;
  upper: number;
}

/** The numbers a dot-and-interval chart is laid out from (no texts). */
export interface DotIntervalData {
  series: ReadonlyArray<{ key: string }>;
  categories: ReadonlyArray<{
    key: string;
    /** Per series key; null = not shown (suppressed or no answers). */
    points: Record<string, DotIntervalPoint | null>;
  }>;
  /** Axis domain, default 0-100. */
  domain?: [number, number];
  width?: number;
}

export interface DotIntervalTexts extends ChartTexts {
  categories: ReadonlyArray<{ key: string; label: string }>;
}

/** The numbers and the texts together (the PDF lays out and labels in one go). */
export interface DotIntervalInput extends DotIntervalData, DotIntervalTexts {
  series: ReadonlyArray<{ key: string; label: string }>;
  categories: ReadonlyArray<{
    key: string;
    label: string;
    points: Record<string, DotIntervalPoint | null>;
  }>;
}

export interface DotIntervalPointGeometry {
  key: string;
  line: LineGeometry;
  color: string;
  marker: MarkerGeometry;
}

export interface DotIntervalLayout {
  width: number;
  height: number;
  legend: LegendLayout[];
  grid: GridLine[];
  axis: Placement;
  rows: Array<{
    key: string;
    label: Placement & { lineHeight: number };
    points: DotIntervalPointGeometry[];
  }>;
}

export interface DotIntervalGeometry {
  width: number;
  height: number;
  legend: LegendEntry[];
  grid: GridLine[];
  axis: TextGeometry;
  rows: Array<{
    key: string;
    label: TextGeometry & { lines: string[]; lineHeight: number };
    points: DotIntervalPointGeometry[];
  }>;
}

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

export function labelDotInterval(
  layout: DotIntervalLayout,
  texts: DotIntervalTexts,
): DotIntervalGeometry {
  const categories = labelsByKey(texts.categories);
  return {
    width: layout.width,
    height: layout.height,
    legend: labelLegend(layout.legend, texts),
    grid: layout.grid,
    axis: { ...layout.axis, text: texts.axisLabel },
    rows: layout.rows.map((row) => {
      const text = categories.get(row.key) ?? "";
      return { ...row, label: { ...row.label, text, lines: wrapLabel(text) } };
    }),
  };
}

// ---- trend (lines over periods) ----

/** The numbers a trend chart is laid out from (no texts). */
export interface TrendData {
  periods: ReadonlyArray<{ key: string }>;
  series: ReadonlyArray<{ key: string; values: Record<string, number | null> }>;
  domain?: [number, number];
  width?: number;
}

export interface TrendTexts extends ChartTexts {
  periods: ReadonlyArray<{ key: string; label: string }>;
}

export interface TrendInput extends TrendData, TrendTexts {
  series: ReadonlyArray<{ key: string; label: string; values: Record<string, number | null> }>;
  periods: ReadonlyArray<{ key: string; label: string }>;
}

export interface TrendSeriesGeometry {
  key: string;
  color: string;
  dash?: string;
  /** The SVG path of the line; gaps where a period has no value are left open. */
  path: string | null;
  markers: Array<{ key: string; marker: MarkerGeometry }>;
}

export interface TrendLayout {
  width: number;
  height: number;
  legend: LegendLayout[];
  grid: GridLine[];
  periods: Array<Placement & { key: string }>;
  axis: Placement;
  series: TrendSeriesGeometry[];
}

export interface TrendGeometry {
  width: number;
  height: number;
  legend: LegendEntry[];
  grid: GridLine[];
  periods: Array<TextGeometry & { key: string }>;
  axis: TextGeometry;
  series: TrendSeriesGeometry[];
}

export function labelTrend(layout: TrendLayout, texts: TrendTexts): TrendGeometry {
  const periods = labelsByKey(texts.periods);
  return {
    width: layout.width,
    height: layout.height,
    legend: labelLegend(layout.legend, texts),
    grid: layout.grid,
    periods: layout.periods.map((p) => ({ ...p, text: periods.get(p.key) ?? "" })),
    axis: { ...layout.axis, text: texts.axisLabel },
    series: layout.series,
  };
}

/** The legend's places: one entry per series, in a row above the plot. */
export function legendLayout(series: ReadonlyArray<{ key: string }>, left: number): LegendLayout[] {
  return series.map((s, i) => {
    const style = seriesStyle(i);
    const x = left + i * 170;
    return {
      key: s.key,
      marker: markerGeometry(style.shape, x + 6, 14, style.color),
      label: { x: x + 18, y: 18 },
    };
  });
}
