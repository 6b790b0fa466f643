/**
 * The annual report's downloads: the PDF (report-pdf.server.tsx) and the report's tables as XLSX
 * through the one workbook helper (workbook.server.ts), both from the model the page shows (the
 * frozen snapshot of a final version, else the live draft).
 */

import type { ReportVersion } from "../../db/queries/reports";
import type { ReportModel, ReportTexts } from "../domain/report";
import { reportTableList, reportTables } from "../domain/report-tables";
import { formatDate } from "../domain/time";
import { type Locale, messageKey, translate } from "../i18n";
import { type DocumentFile, XLSX_TYPE } from "./file";
import { reportPdf } from "./report-pdf.server";
import { tablesWorkbook } from "./workbook.server";

export interface ReportDownload {
  model: ReportModel;
  texts: ReportTexts;
  shown: ReportVersion | null;
}

export async function reportXlsx(report: ReportDownload, locale: Locale = "da"): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, messageKey(key), params);
  const long = (value: string) =>
    formatDate(value, locale, { day: "numeric", month: "long", year: "numeric" });
  const tables = reportTableList(reportTables(report.model, t, locale));
  return tablesWorkbook({
    explanation: {
      sheet: t("evaluation.export.sheet.explanation"),
      title: t("report.xlsx.title", { year: report.model.year }),
      lines: [
        report.shown
          ? t("report.xlsx.final", {
              number: report.shown.number,
              date: long(report.shown.finalisedAt),
            })
          : t("report.xlsx.draft", { date: long(report.model.asOf) }),
        t("evaluation.caveat"),
        t("evaluation.export.explain.suppression"),
      ],
      headers: {
        sheet: t("evaluation.export.explain.sheet"),
        column: t("evaluation.export.explain.column"),
        meaning: t("evaluation.export.explain.meaning"),
      },
    },
    statusHeader: t("evaluation.export.col.status"),
    statusDescription: t("evaluation.export.desc.status"),
    tables,
  });
}

function fileName(report: ReportDownload, extension: "pdf" | "xlsx"): string {
  const state = report.shown ? `endelig-v${report.shown.number}` : "udkast";
  return `frirum-aarsrapport-${report.model.year}-${state}.${extension}`;
}

/** A report as a file in `format`. */
export async function reportFile(
  report: ReportDownload,
  format: "pdf" | "xlsx",
): Promise<DocumentFile> {
  if (format === "pdf") {
    const body = await reportPdf({ model: report.model, texts: report.texts, final: report.shown });
    return { fileName: fileName(report, format), contentType: "application/pdf", body };
  }
  return {
    fileName: fileName(report, format),
    contentType: XLSX_TYPE,
    body: await reportXlsx(report),
  };
}
