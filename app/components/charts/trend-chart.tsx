/**
 * A line chart of one measure over periods, one line per series, rendered on the server as SVG.
 * Gaps where a period has no value (suppressed or no answers) are left open (d3-shape `defined`).
 * Same accessibility rules as the dot-and-interval chart: title, description, shapes + colours,
 * and a table with the numbers next to it.
 */
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { useId } from "react";
import { Marker } from "./marker";
import { seriesStyle } from "./palette";

export interface TrendChartProps {
  title: string;
  description: string;
  axisLabel: string;
  periods: ReadonlyArray<{ key: string; label: string }>;
  series: ReadonlyArray<{ key: string; label: string; values: Record<string, number | null> }>;
  domain?: [number, number];
  width?: number;
}

export function TrendChart(props: TrendChartProps) {
  const id = useId();
  const width = props.width ?? 720;
  const height = 280;
  const margin = { top: 52, right: 24, bottom: 44, left: 52 };
  const x = scalePoint()
    .domain(props.periods.map((p) => p.key))
    .range([margin.left, width - margin.right])
    .padding(0.4);
  const y = scaleLinear()
    .domain(props.domain ?? [0, 100])
    .range([height - margin.bottom, margin.top]);
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
        {y.ticks(5).map((tick) => (
          <g key={tick}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(tick)}
              y2={y(tick)}
              className="chart__grid"
            />
            <text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {props.periods.map((p) => (
          <text
            key={p.key}
            x={x(p.key)}
            y={height - margin.bottom + 16}
            textAnchor="middle"
            className="chart__tick"
          >
            {p.label}
          </text>
        ))}
        <text x={14} y={margin.top - 16} className="chart__axis">
          {props.axisLabel}
        </text>
        {props.series.map((s, i) => {
          const style = seriesStyle(i);
          const points = props.periods.map((p) => ({ key: p.key, value: s.values[p.key] ?? null }));
          const path = line<{ key: string; value: number | null }>()
            .defined((d) => d.value !== null)
            .x((d) => x(d.key) ?? 0)
            .y((d) => y(d.value ?? 0))(points);
          return (
            <g key={s.key}>
              {path ? (
                <path
                  d={path}
                  fill="none"
                  stroke={style.color}
                  strokeWidth={2}
                  strokeDasharray={i === 1 ? "6 4" : undefined}
                />
              ) : null}
              {points.map((d) =>
                d.value === null ? null : (
                  <Marker
                    key={d.key}
                    shape={style.shape}
                    x={x(d.key) ?? 0}
                    y={y(d.value)}
                    color={style.color}
                  />
                ),
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
