/**
 * The charts drawn on the server, to the markup of a figure (the SVG and its caption) the page
 * shows as is (chart-figure.tsx): the chart components, their layout (d3) and texts never reach
 * the browser. Each chart is rendered alone, so its `id` (unique on the page) names its title
 * and description.
 */
import { createElement, Fragment, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DotIntervalChart, type DotIntervalChartProps } from "./dot-interval-chart";
import { TrendChart, type TrendChartProps } from "./trend-chart";

function figure(chart: ReactElement, caption: string): string {
  return renderToStaticMarkup(
    createElement(Fragment, null, chart, createElement("figcaption", null, caption)),
  );
}

export function dotIntervalFigure(props: DotIntervalChartProps, caption: string): string {
  return figure(createElement(DotIntervalChart, props), caption);
}

export function trendFigure(props: TrendChartProps, caption: string): string {
  return figure(createElement(TrendChart, props), caption);
}
