/**
 * A dot-and-interval chart rendered on the server as SVG (no client JavaScript): one row per
 * category (e.g. question), one dot per series (e.g. pilot, standard) with a horizontal line for
 * its 95% interval. Reusable: the loader lays the chart out (layout.server.ts) and draws it with its
 * texts to markup (render.server.ts) for the evaluation page and the annual report; the PDF draws
 * the same geometry (geometry.ts). No chart code in the browser. Accessible: <title>/<desc>,
 * role="img", series told apart by colour AND marker shape AND a legend with text; the numbers
 * belong in a table next to it.
 */
import { type DotIntervalLayout, type DotIntervalTexts, labelDotInterval } from "./geometry";
import { Legend, Marker } from "./marker";

export type { DotIntervalPoint } from "./geometry";

export interface DotIntervalChartProps extends DotIntervalTexts {
  layout: DotIntervalLayout;
  /** Unique on the page: names the title and description for aria-labelledby. */
  id: string;
  title: string;
  description: string;
}

export function DotIntervalChart(props: DotIntervalChartProps) {
  const { id } = props;
  const g = labelDotInterval(props.layout, props);
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
            <text x={tick.label.x} y={tick.label.y} textAnchor="middle" className="chart__tick">
              {tick.label.text}
            </text>
          </g>
        ))}
        <text x={g.axis.x} y={g.axis.y} textAnchor="middle" className="chart__axis">
          {g.axis.text}
        </text>
        {g.rows.map((row) => (
          <g key={row.key}>
            <text x={row.label.x} y={row.label.y} className="chart__label">
              {row.label.lines.map((line, i) => (
                <tspan key={line} x={row.label.x} dy={i === 0 ? 0 : row.label.lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            {row.points.map((point) => (
              <g key={point.key}>
                <line
                  x1={point.line.x1}
                  x2={point.line.x2}
                  y1={point.line.y1}
                  y2={point.line.y2}
                  stroke={point.color}
                  strokeWidth={2}
                />
                <Marker marker={point.marker} />
              </g>
            ))}
          </g>
        ))}
      </g>
    </svg>
  );
}
