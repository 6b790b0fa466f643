import type { LegendEntry, MarkerGeometry } from "./geometry";

/** A series marker (geometry from geometry.ts); decorative (the text and table carry the meaning). */
export function Marker({ marker }: { marker: MarkerGeometry }) {
  switch (marker.kind) {
    case "rect":
      return (
        <rect
          x={marker.x}
          y={marker.y}
          width={marker.width}
          height={marker.height}
          fill={marker.color}
        />
      );
    case "polygon":
      return <polygon points={marker.points} fill={marker.color} />;
    default:
      return <circle cx={marker.cx} cy={marker.cy} r={marker.r} fill={marker.color} />;
  }
}

/** The legend, grid and axis text shared by both charts. */
export function Legend({ entries }: { entries: ReadonlyArray<LegendEntry> }) {
  return (
    <>
      {entries.map((entry) => (
        <g key={entry.key}>
          <Marker marker={entry.marker} />
          <text x={entry.label.x} y={entry.label.y} className="chart__legend">
            {entry.label.text}
          </text>
        </g>
      ))}
    </>
  );
}
