/**
 * Okabe & Ito (2008) colour-blind-safe palette, with a marker shape per series so that colour is
 * never the only cue (WCAG 1.4.1). Shared by every chart (evaluation page, annual report, PDF).
 */
export const SERIES_STYLES = [
  { color: "#0072B2", shape: "circle" },
  { color: "#D55E00", shape: "square" },
  { color: "#009E73", shape: "triangle" },
  { color: "#CC79A7", shape: "diamond" },
] as const;

export type MarkerShape = (typeof SERIES_STYLES)[number]["shape"];

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length];
}
