/**
 * What the annual report page needs beyond the service's page, prepared on the server in the
 * user's language so that its code stays out of the browser: the charts with their captions
 * (d3 and the chart components, app/components/charts/render.server.ts), the tables (the same as
 * the PDF's and the XLSX's, app/domain/report-tables.ts) and its dates written out (the date
 * formatting code was 1.1 KB gzip on the page).
 */
import { formatNumber, type Translate } from "~/domain/evaluation-format";
import type { ReportFeedback } from "~/domain/report";
import { monthlyChartTexts, reportChartData } from "~/domain/report-charts";
import { reportTables } from "~/domain/report-tables";
import { formatDateTime, longDate } from "~/domain/time";
import { type Locale, translate } from "~/i18n";
import type { ReportPage } from "~/services/report.server";
import type { DotIntervalData } from "./charts/geometry";
import { dotIntervalLayout, trendLayout } from "./charts/layout.server";
import { dotIntervalFigure, trendFigure } from "./charts/render.server";

function charts(page: ReportPage, locale: Locale, t: Translate) {
  const { model } = page;
  const data = reportChartData(model);
  const pct = (value: number | null) =>
    value === null ? t("report.none") : `${formatNumber(value, 1, locale)} %`;
  const lastCounted = model.monthly.filter((m) => m.pupilsShare !== null).at(-1);
  const feedbackFigure = (
    id: string,
    feedback: ReportFeedback,
    chart: DotIntervalData,
    title: string,
  ) =>
    dotIntervalFigure(
      {
        id,
        layout: dotIntervalLayout(chart),
        title,
        description: t("report.comparison.desc"),
        axisLabel: t("report.chart.axis"),
        series: chart.series.map(({ key }) => ({
          key,
          label: t(`evaluation.group.${key as "pilot" | "standard" | "total"}`),
        })),
        categories: feedback.items.map((item) => ({ key: item.key, label: item.text[locale] })),
      },
      title,
    );
  return {
    monthly: trendFigure(
      {
        id: "chart-monthly-svg",
        layout: trendLayout(data.monthly),
        title: t("report.monthly.chart"),
        description: t("report.monthly.desc"),
        ...monthlyChartTexts(model, t),
      },
      lastCounted
        ? t("report.monthly.summary", {
            month: lastCounted.month,
            pupils: pct(lastCounted.pupilsShare),
            staff: pct(lastCounted.staffShare),
            proRata: pct(lastCounted.proRata),
          })
        : t("report.monthly.chart"),
    ),
    feedback: model.feedback.map((f, i) => {
      const audience = t(`audience.${f.audience}`);
      return {
        comparison: feedbackFigure(
          `chart-comparison-${f.audience}`,
          f,
          data.feedback[i].comparison,
          t("report.comparison.chart", { audience }),
        ),
        highlights: feedbackFigure(
          `chart-highlights-${f.audience}`,
          f,
          data.feedback[i].highlights,
          t("report.highlights.chart", { audience }),
        ),
      };
    }),
  };
}

export function reportViewData(page: ReportPage, locale: Locale) {
  const t: Translate = (key, params) => translate(locale, key, params);
  const longDates: Record<string, string> = {};
  for (const value of [
    page.shown?.finalisedAt,
    page.model.asOf,
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
    tables: reportTables(page.model, t, locale),
    charts: charts(page, locale, t),
  };
}
