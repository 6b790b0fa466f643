import type { DocumentFile } from "../documents/file";

/** A rendered document as an attachment; private, never cached (it holds staff-only figures). */
export function downloadResponse(file: DocumentFile): Response {
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
