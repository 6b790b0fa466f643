import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportYear } from "~/domain/report";
import { formatDate } from "~/domain/time";
import { translate } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
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
  const locale = await getLocale(request);
  const left = translate(locale, "report.title", { year });
  const right = header.finalisedAt
    ? translate(locale, "report.final", {
        date: formatDate(header.finalisedAt, locale, {
          day: "numeric",
          month: "long",
          year: "numeric",
        }),
      })
    : translate(locale, "report.status.draft");
  // "Side {page} af {pages}": the text around the two CSS counters, in the reader's language.
  const [before = "", between = "", after = ""] = translate(locale, "report.print.pageOf").split(
    /\{pages?\}/,
  );
  const css = `@media print {
  @page {
    @top-left { content: ${cssString(left)}; font: 9pt sans-serif; color: #444; }
    @top-right { content: ${cssString(right)}; font: 9pt sans-serif; color: #444; }
    @bottom-right { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; font: 9pt sans-serif; color: #444; }
  }
}
`;
  return new Response(css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
