/**
 * The one XLSX writer (exceljs) for every table export (the evaluation and the annual report): a
 * first sheet explaining the file (title, notes, every column's meaning), then one sheet per
 * table with a frozen header row, typed number cells with the table's decimals, and a status
 * column that says why a cell has no number (e.g. fewer than 5 answers).
 */
import type { ExportTable } from "../domain/evaluation-tables";

export interface WorkbookSpec {
  explanation: {
    sheet: string;
    title: string;
    /** One line each under the title (caveats, suppression, hidden counts). */
    lines: string[];
    headers: { sheet: string; column: string; meaning: string };
  };
  statusHeader: string;
  statusDescription: string;
  tables: ExportTable[];
}

const numberFormat = (digits: number | undefined) =>
  digits === undefined || digits === 0 ? "0" : `0.${"0".repeat(digits)}`;

export async function tablesWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  // exceljs is large: loaded on the first export, not at the server's start.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Frirum";
  const { explanation: e, statusHeader, tables } = spec;

  const explanation = workbook.addWorksheet(e.sheet);
  explanation.columns = [{ width: 24 }, { width: 32 }, { width: 100 }];
  explanation.addRow([e.title]);
  explanation.getRow(1).font = { bold: true, size: 14 };
  for (const line of e.lines) explanation.addRow([line]);
  explanation.addRow([]);
  const head = explanation.addRow([e.headers.sheet, e.headers.column, e.headers.meaning]);
  head.font = { bold: true };
  for (const table of tables) {
    for (const column of [...table.labelColumns, ...table.valueColumns]) {
      explanation.addRow([table.name, column.header, column.description]);
    }
    explanation.addRow([table.name, statusHeader, spec.statusDescription]);
  }

  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    const headers = [
      ...table.labelColumns.map((c) => c.header),
      statusHeader,
      ...table.valueColumns.map((c) => c.header),
    ];
    sheet.addRow(headers).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    table.labelColumns.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i === 0 ? 48 : 22;
    });
    sheet.getColumn(table.labelColumns.length + 1).width = 28;
    table.valueColumns.forEach((column, i) => {
      const excelColumn = sheet.getColumn(table.labelColumns.length + 2 + i);
      excelColumn.numFmt = numberFormat(column.digits);
      excelColumn.width = Math.max(10, Math.min(24, column.header.length + 2));
    });
    for (const row of table.rows) sheet.addRow([...row.labels, row.status, ...row.values]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
