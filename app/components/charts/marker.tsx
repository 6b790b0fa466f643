import type { MarkerShape } from "./palette";

/** A series marker centred on (x, y); decorative (the text and table carry the meaning). */
export function Marker(props: {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
  size?: number;
}) {
  const r = props.size ?? 5;
  const { x, y, color } = props;
  switch (props.shape) {
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} />;
    case "triangle":
      return (
        <polygon
          points={`${x},${y - r * 1.2} ${x - r * 1.1},${y + r} ${x + r * 1.1},${y + r}`}
          fill={color}
        />
      );
    case "diamond":
      return (
        <polygon
          points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`}
          fill={color}
        />
      );
    default:
      return <circle cx={x} cy={y} r={r} fill={color} />;
  }
}
