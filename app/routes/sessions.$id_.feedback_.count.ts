/** `/sessions/:id/feedback/count`: the number of answers as JSON `{ count }` (no content). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { countSessionFeedback } from "~/services/feedback.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator", "facilitator"]);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) throw new Response("Not Found", { status: 404 });
  const count = await countSessionFeedback(db(), user, id);
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
