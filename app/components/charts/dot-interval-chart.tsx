/**
 * A dot-and-interval chart rendered on the server as SVG (no client JavaScript): one row per
 * category (e.g. question), one dot per series (e.g. pilot, standard) with a horizontal line for
 * its 95% interval. Reusable: the caller passes plain numbers and texts (the evaluation page, the
 * annual report and its PDF). Accessible: <title>/<desc>, role="img", series told apart by colour
 * AND marker shape AND a legend with text; the numbers belong in a table next to it.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { useId } from "react";
import { Marker } from "./marker";
import { seriesStyle } from "./palette";

export interface DotIntervalPoint {
  value: number;
  lower: number;
  upper: number;
}

export interface DotIntervalChartProps {
  title: string;
  description: string;
  /** Axis label, e.g. "Andel (%)". */
  axisLabel: string;
  series: ReadonlyArray<{ key: string; label: string }>;
  categories: ReadonlyArray<{
    key: string;
    label: string;
    /** Per series key; null = not shown (suppressed or no answers). */
    points: Record<string, DotIntervalPoint | null>;
  }>;
  /** Axis domain, default 0-100. */
  domain?: [number, number];
  width?: number;
}

const LABEL_WIDTH = 260;
const ROW_HEIGHT = 34;

function wrap(text: string, max = 38): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 2).map((l, i, all) => (i === 1 && all.length < lines.length ? `${l}…` : l));
}

export function DotIntervalChart(props: DotIntervalChartProps) {
  const id = useId();
  const width = props.width ?? 720;
  const margin = { top: 34, right: 24, bottom: 44, left: LABEL_WIDTH };
  const height = margin.top + margin.bottom + props.categories.length * ROW_HEIGHT;
  const x = scaleLinear()
    .domain(props.domain ?? [0, 100])
    .range([margin.left, width - margin.right]);
  const y = scaleBand()
    .domain(props.categories.map((c) => c.key))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.2);
  const offset = scaleBand()
    .domain(props.series.map((s) => s.key))
    .range([0, y.bandwidth()])
    .paddingInner(0.3);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      <g>
        {props.series.map((s, i) => {
          const style = seriesStyle(i);
          return (
            <g key={s.key} transform={`translate(${margin.left + i * 170}, 14)`}>
              <Marker shape={style.shape} x={6} y={0} color={style.color} />
              <text x={18} y={4} className="chart__legend">
                {s.label}
              </text>
            </g>
          );
        })}
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={margin.top - 4}
              y2={height - margin.bottom}
              className="chart__grid"
            />
            <text
              x={x(tick)}
              y={height - margin.bottom + 16}
              textAnchor="middle"
              className="chart__tick"
            >
              {tick}
            </text>
          </g>
        ))}
        <text
          x={(margin.left + width - margin.right) / 2}
          y={height - 8}
          textAnchor="middle"
          className="chart__axis"
        >
          {props.axisLabel}
        </text>
        {props.categories.map((category) => {
          const top = y(category.key) ?? 0;
          return (
            <g key={category.key}>
              <text x={8} y={top + y.bandwidth() / 2 - 2} className="chart__label">
                {wrap(category.label).map((line, i) => (
                  <tspan key={line} x={8} dy={i === 0 ? 0 : 13}>
                    {line}
                  </tspan>
                ))}
              </text>
              {props.series.map((s, i) => {
                const point = category.points[s.key];
                if (!point) return null;
                const style = seriesStyle(i);
                const cy = top + (offset(s.key) ?? 0) + offset.bandwidth() / 2;
                return (
                  <g key={s.key}>
                    <line
                      x1={x(point.lower)}
                      x2={x(point.upper)}
                      y1={cy}
                      y2={cy}
                      stroke={style.color}
                      strokeWidth={2}
                    />
                    <Marker shape={style.shape} x={x(point.value)} y={cy} color={style.color} />
                  </g>
                );
              })}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
