import { db } from "~/lib/db.server";
import { pingDatabase } from "../../db/queries/health";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await pingDatabase(db());
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}
