/**
 * The evaluation's downloads, rendered from the same page model as the page (so they hold exactly
 * its numbers, suppression included):
 * - CSV: RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte order mark, `;` as separator and a
 *   decimal comma, so Danish Excel opens it as it is. One long table: a line per table row and
 *   measure (Tabel; Emne; Gruppe; Periode; Status; Mål; Værdi).
 * - XLSX (exceljs, through the shared workbook.server.ts): one sheet per table with typed number
 *   cells, and a sheet explaining every column and how many cells are hidden.
 */
import { stringify } from "csv-stringify/sync";
import type { EvaluationModel } from "../domain/evaluation";
import { exportFileName } from "../domain/evaluation-filters";
import { periodLabel, type Translate } from "../domain/evaluation-format";
import { type ExportTable, evaluationTables } from "../domain/evaluation-tables";
import { type Locale, messageKey, translate } from "../i18n";
import { type DocumentFile, XLSX_TYPE } from "./file";
import { tablesWorkbook } from "./workbook.server";

const BOM = "\uFEFF";

function translator(locale: Locale): Translate {
  // The evaluation tables name their labels as data (string keys).
  return (key, params) => translate(locale, messageKey(key), params);
}

/** A number with a decimal comma and no thousands separator ("1234,5"). */
export function csvNumber(value: number, digits: number): string {
  return value.toFixed(digits).replace(".", ",");
}

function labelsByRole(table: ExportTable, labels: string[]) {
  const out = { subject: "", group: "", period: "" };
  table.labelColumns.forEach((column, i) => {
    if (column.role) out[column.role] = labels[i] ?? "";
  });
  return out;
}

export function evaluationCsv(model: EvaluationModel, locale: Locale = "da"): string {
  const t = translator(locale);
  const whole = periodLabel(model, t);
  const records: string[][] = [
    [
      t("evaluation.export.csv.table"),
      t("evaluation.export.col.question"),
      t("evaluation.export.col.group"),
      t("evaluation.export.col.period"),
      t("evaluation.export.col.status"),
      t("evaluation.export.csv.measure"),
      t("evaluation.export.csv.value"),
    ],
  ];
  for (const table of evaluationTables(model, t, locale)) {
    for (const row of table.rows) {
      const { subject, group, period } = labelsByRole(table, row.labels);
      const base = [table.name, subject, group, period || whole, row.status];
      if (row.values.every((v) => v === null)) {
        records.push([...base, "", ""]);
        continue;
      }
      table.valueColumns.forEach((column, i) => {
        const value = row.values[i];
        records.push([
          ...base,
          column.header,
          value === null ? "" : csvNumber(value, column.digits ?? 0),
        ]);
      });
    }
  }
  return (
    BOM + stringify(records, { delimiter: ";", record_delimiter: "\r\n", quoted_match: /[";\r\n]/ })
  );
}

export async function evaluationXlsx(
  model: EvaluationModel,
  locale: Locale = "da",
): Promise<Buffer> {
  const t = translator(locale);
  const tables = evaluationTables(model, t, locale);
  const audience = t(`audience.${model.audience}`);
  return tablesWorkbook({
    explanation: {
      sheet: t("evaluation.export.sheet.explanation"),
      title: t("evaluation.export.explain.title", { audience, period: periodLabel(model, t) }),
      lines: [
        t("evaluation.caveat"),
        t("evaluation.export.explain.suppression"),
        ...tables.map((table) =>
          t("evaluation.export.explain.hiddenCount", {
            sheet: table.name,
            count: table.rows.filter(
              (r) => r.values.every((v) => v === null) && r.status !== t("evaluation.cell.empty"),
            ).length,
          }),
        ),
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

/** The evaluation as a file in `format`, named after the filters. */
export async function evaluationFile(
  page: { model: EvaluationModel; names: { course: string | null; school: string | null } },
  format: "csv" | "xlsx",
): Promise<DocumentFile> {
  const fileName = exportFileName(page.model.filters, page.names, format);
  if (format === "csv") {
    return { fileName, contentType: "text/csv; charset=utf-8", body: evaluationCsv(page.model) };
  }
  return { fileName, contentType: XLSX_TYPE, body: await evaluationXlsx(page.model) };
}
