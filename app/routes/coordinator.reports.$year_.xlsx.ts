import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFile } from "~/documents/report-export.server";
import { parseReportYear } from "~/domain/report";
import { db } from "~/lib/db.server";
import { downloadResponse } from "~/lib/download.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadReportForDownload } from "~/services/report.server";

/** The annual report as xlsx: the final snapshot (or ?version=n), else the live draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const year = parseReportYear(params.year);
  const version = new URL(request.url).searchParams.get("version");
  if (year === null || (version !== null && !/^\d{1,4}$/.test(version))) {
    throw new Response("Not Found", { status: 404 });
  }
  const report = orNotFound(
    await loadReportForDownload(db(), user, year, {
      now: new Date(),
      versionNumber: version === null ? null : Number(version),
    }),
  );
  return downloadResponse(await reportFile(report, "xlsx"));
}
