import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { buildEvaluation } from "~/services/evaluation.server";
import { evaluationDownload } from "~/services/evaluation-export.server";

/** The evaluation as csv: the same model and filters as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const page = await buildEvaluation(db(), user, new URL(request.url).searchParams, {
    now: new Date(),
  });
  return evaluationDownload(page, "csv");
}
