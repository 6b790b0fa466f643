/** `/sessions/:id/feedback/count`: the number of answers as JSON `{ count }` (no content). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { countSessionFeedback } from "~/services/feedback.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const id = parseIdParam(params.id);
  const { count } = orNotFound(await countSessionFeedback(db(), user, id));
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
