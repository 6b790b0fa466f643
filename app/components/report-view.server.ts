/**
 * What the annual report page needs beyond the service's page, prepared on the server in the
 * user's language so that its code stays out of the browser: the charts drawn to SVG (d3 and the
 * chart components, app/components/charts/render.server.ts) and the tables (the same as the PDF's
 * and the XLSX's, app/domain/report-tables.ts), and its dates written out (the date formatting
 * code was 1.1 KB gzip on the page).
 */
import { reportChartData } from "~/domain/report-charts";
import { reportTables } from "~/domain/report-tables";
import { formatDateTime, longDate } from "~/domain/time";
import { type Locale, translate } from "~/i18n";
import type { ReportPage } from "~/services/report.server";
import { dotIntervalLayout, trendLayout } from "./charts/layout.server";
import { dotIntervalSvg, trendSvg } from "./charts/render.server";

export function reportViewData(page: ReportPage, locale: Locale) {
  const { model } = page;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const data = reportChartData(model);
  const feedbackSvg = (
    chart: "comparison" | "highlights",
    audience: string,
    layout: ReturnType<typeof dotIntervalLayout>,
    groups: ReadonlyArray<"pilot" | "standard" | "total">,
    title: string,
    items: (typeof model.feedback)[number]["items"],
  ) =>
    dotIntervalSvg({
      id: `chart-${chart}-${audience}`,
      layout,
      title,
      description: t("report.comparison.desc"),
      axisLabel: t("report.chart.axis"),
      series: groups.map((g) => ({ key: g, label: t(`evaluation.group.${g}`) })),
      categories: items.map((item) => ({ key: item.key, label: item.text[locale] })),
    });
  const longDates: Record<string, string> = {};
  for (const value of [
    page.shown?.finalisedAt,
    model.asOf,
    ...page.versions.flatMap((v) => [v.finalisedAt, v.supersededAt]),
  ]) {
    if (value) longDates[value] = longDate(value, locale);
  }
  return {
    page,
    /** Each date the page shows, by its value: "6. marts 2026", and with the time for the history. */
    dates: {
      long: longDates,
      withTime: Object.fromEntries(
        page.history.map((h) => [h.createdAt, formatDateTime(h.createdAt, locale)]),
      ),
    },
    tables: reportTables(model, t, locale),
    charts: {
      monthly: trendSvg({
        id: "chart-monthly-svg",
        layout: trendLayout(data.monthly),
        title: t("report.monthly.chart"),
        description: t("report.monthly.desc"),
        axisLabel: t("report.monthly.axis"),
        periods: model.monthly.map((m) => ({ key: m.month, label: m.month.slice(5) })),
        series: [
          { key: "pupils", label: t("report.series.pupils") },
          { key: "proRata", label: t("report.series.proRata") },
          { key: "staff", label: t("report.series.staff") },
        ],
      }),
      feedback: model.feedback.map((f, i) => {
        const audience = t(`audience.${f.audience}`);
        return {
          comparison: feedbackSvg(
            "comparison",
            f.audience,
            dotIntervalLayout(data.feedback[i].comparison),
            ["pilot", "standard"],
            t("report.comparison.chart", { audience }),
            f.items,
          ),
          highlights: feedbackSvg(
            "highlights",
            f.audience,
            dotIntervalLayout(data.feedback[i].highlights),
            ["total"],
            t("report.highlights.chart", { audience }),
            f.items,
          ),
        };
      }),
    },
  };
}

export type ReportViewData = ReturnType<typeof reportViewData>;
