/**
 * The numbers behind the annual report's charts (monthly reach, and per audience the pilot /
 * standard comparison and the overall highlights), from the report model, for the page (laid out
 * by its loader) and the PDF alike, and the monthly chart's axis, period and series labels (the
 * same on both) in the reader's language.
 */
import type { DotIntervalData, DotIntervalPoint, TrendData } from "../components/charts/geometry";
import type { Translate } from "./evaluation-format";
import type { FeedbackAudience } from "./feedback-bank";
import type { ReportCell, ReportFeedback, ReportModel } from "./report";

export interface ReportChartData {
  monthly: TrendData;
  feedback: Array<{
    audience: FeedbackAudience;
    /** Pilot against standard. */
    comparison: DotIntervalData;
    /** Everyone together. */
    highlights: DotIntervalData;
  }>;
}

function point(cell: ReportCell): DotIntervalPoint | null {
  return cell.status === "shown" &&
    cell.share !== null &&
    cell.lower !== null &&
    cell.upper !== null
    ? { value: cell.share, lower: cell.lower, upper: cell.upper }
    : null;
}

function feedbackChart(
  feedback: ReportFeedback,
  groups: ReadonlyArray<"pilot" | "standard" | "total">,
): DotIntervalData {
  return {
    series: groups.map((key) => ({ key })),
    categories: feedback.items.map((item) => ({
      key: item.key,
      points: Object.fromEntries(groups.map((g) => [g, point(item[g])])),
    })),
  };
}

export function reportChartData(model: ReportModel): ReportChartData {
  const values = (pick: (m: ReportModel["monthly"][number]) => number | null) =>
    Object.fromEntries(model.monthly.map((m) => [m.month, pick(m)]));
  return {
    monthly: {
      // A share above 100 % (more pupils than planned) stays on the chart.
      domain: [
        0,
        Math.max(100, ...model.monthly.map((m) => Math.max(m.pupilsShare ?? 0, m.staffShare ?? 0))),
      ],
      periods: model.monthly.map((m) => ({ key: m.month })),
      series: [
        { key: "pupils", values: values((m) => m.pupilsShare) },
        { key: "proRata", values: values((m) => m.proRata) },
        { key: "staff", values: values((m) => m.staffShare) },
      ],
    },
    feedback: model.feedback.map((f) => ({
      audience: f.audience,
      comparison: feedbackChart(f, ["pilot", "standard"]),
      highlights: feedbackChart(f, ["total"]),
    })),
  };
}

/** The monthly reach chart's axis, periods and series, labelled: the page's and the PDF's. */
export function monthlyChartTexts(model: ReportModel, t: Translate) {
  return {
    axisLabel: t("report.monthly.axis"),
    periods: model.monthly.map((m) => ({ key: m.month, label: m.month.slice(5) })),
    series: [
      { key: "pupils", label: t("report.series.pupils") },
      { key: "proRata", label: t("report.series.proRata") },
      { key: "staff", label: t("report.series.staff") },
    ],
  };
}
