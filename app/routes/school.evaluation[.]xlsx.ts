import type { LoaderFunctionArgs } from "@remix-run/node";
import { evaluationFile } from "~/documents/evaluation-export.server";
import { db } from "~/lib/db.server";
import { downloadResponse } from "~/lib/download.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { buildEvaluation } from "~/services/evaluation.server";

/** The evaluation as xlsx: the same model and filters as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["school_leader"]);
  const page = orNotFound(
    await buildEvaluation(db(), user, new URL(request.url).searchParams, { now: new Date() }),
  );
  return downloadResponse(await evaluationFile(page, "xlsx"));
}
