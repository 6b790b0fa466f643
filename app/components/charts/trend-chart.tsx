/**
 * A line chart of one measure over periods, one line per series, rendered on the server as SVG.
 * Gaps where a period has no value (suppressed or no answers) are left open (the layout's path).
 * Same accessibility rules as the dot-and-interval chart: title, description, shapes + colours,
 * and a table with the numbers next to it. The loader lays it out (layout.server.ts) and draws it
 * to markup (render.server.ts); the geometry (geometry.ts) is shared with the PDF.
 */
import { labelTrend, type TrendLayout, type TrendTexts } from "./geometry";
import { Legend, Marker } from "./marker";

export interface TrendChartProps extends TrendTexts {
  layout: TrendLayout;
  /** Unique on the page: names the title and description for aria-labelledby. */
  id: string;
  title: string;
  description: string;
}

export function TrendChart(props: TrendChartProps) {
  const { id } = props;
  const g = labelTrend(props.layout, props);
  return (
    <svg
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      <g>
        <Legend entries={g.legend} />
        {g.grid.map((tick) => (
          <g key={tick.key}>
            <line x1={tick.x1} x2={tick.x2} y1={tick.y1} y2={tick.y2} className="chart__grid" />
            <text x={tick.label.x} y={tick.label.y} textAnchor="end" className="chart__tick">
              {tick.label.text}
            </text>
          </g>
        ))}
        {g.periods.map((p) => (
          <text key={p.key} x={p.x} y={p.y} textAnchor="middle" className="chart__tick">
            {p.text}
          </text>
        ))}
        <text x={g.axis.x} y={g.axis.y} className="chart__axis">
          {g.axis.text}
        </text>
        {g.series.map((s) => (
          <g key={s.key}>
            {s.path ? (
              <path
                d={s.path}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dash}
              />
            ) : null}
            {s.markers.map((m) => (
              <Marker key={m.key} marker={m.marker} />
            ))}
          </g>
        ))}
      </g>
    </svg>
  );
}
