import { db } from "~/lib/db.server";
import { dialectOf } from "../../db/dialect";
import { databaseHealth } from "../../db/queries/health";

/**
 * For load balancers and monitoring: 200 when the database answers and has every migration this
 * code needs, else 503. Says which database (sqlite/postgres) and its migration level.
 */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  const handle = db();
  try {
    const health = await databaseHealth(handle);
    const ready = health.pendingMigrations.length === 0;
    return Response.json(
      {
        status: ready ? "ok" : "error",
        database: ready ? "ok" : "migrations pending",
        databaseKind: health.kind,
        migration: health.migration,
        pendingMigrations: health.pendingMigrations,
      },
      { status: ready ? 200 : 503, headers },
    );
  } catch {
    return Response.json(
      { status: "error", database: "unavailable", databaseKind: dialectOf(handle) },
      { status: 503, headers },
    );
  }
}
