/** A rendered document: what a route needs to send it as a download. */
export interface DocumentFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
