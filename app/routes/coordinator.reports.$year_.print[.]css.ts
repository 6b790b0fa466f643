import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportYear } from "~/domain/report";
import { translate } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadReportPrintHeader } from "~/services/report.server";

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ")}"`;
}

/**
 * The report's print stylesheet: the running header (year and status) and page numbers as @page
 * margin boxes (Chromium 131+ prints them; other browsers print without). A stylesheet of its own
 * because the header text depends on the report and the CSP allows no inline styles.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const year = parseReportYear(params.year);
  if (year === null) throw new Response("Not Found", { status: 404 });
  const header = orNotFound(await loadReportPrintHeader(db(), user, year));
  const left = translate("da", "report.title", { year });
  const right = header.final
    ? translate("da", "report.final", { date: header.final })
    : translate("da", "report.status.draft");
  const css = `@media print {
  @page {
    @top-left { content: ${cssString(left)}; font: 9pt sans-serif; color: #444; }
    @top-right { content: ${cssString(right)}; font: 9pt sans-serif; color: #444; }
    @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 9pt sans-serif; color: #444; }
  }
}
`;
  return new Response(css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
