/**
 * The charts drawn on the server, to SVG markup the page shows as is (chart-svg.tsx): the chart
 * components, their layout (d3) and texts never reach the browser. Each chart is rendered alone,
 * so its `id` (unique on the page) names its title and description.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DotIntervalChart, type DotIntervalChartProps } from "./dot-interval-chart";
import { TrendChart, type TrendChartProps } from "./trend-chart";

export function dotIntervalSvg(props: DotIntervalChartProps): string {
  return renderToStaticMarkup(createElement(DotIntervalChart, props));
}

export function trendSvg(props: TrendChartProps): string {
  return renderToStaticMarkup(createElement(TrendChart, props));
}
