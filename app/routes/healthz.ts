import { db } from "~/lib/db.server";
import { checkHealth } from "~/services/health.server";

/** For load balancers and monitoring: 200 when the database is ready (see checkHealth), else 503. */
export async function loader() {
  const { ready, body } = await checkHealth(db());
  return Response.json(body, {
    status: ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
