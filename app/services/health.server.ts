/**
 * Health for load balancers and monitoring: ready when the database answers and has every
 * migration this code needs. Says which database (sqlite/postgres) and its migration level.
 */
import type { DB } from "../../db/connection";
import { dialectOf } from "../../db/dialect";
import { databaseHealth } from "../../db/queries/health";

export async function checkHealth(db: DB) {
  try {
    const health = await databaseHealth(db);
    const ready = health.pendingMigrations.length === 0;
    return {
      ready,
      body: {
        status: ready ? "ok" : "error",
        database: ready ? "ok" : "migrations pending",
        databaseKind: health.kind,
        migration: health.migration,
        pendingMigrations: health.pendingMigrations,
      },
    };
  } catch {
    return {
      ready: false,
      body: { status: "error", database: "unavailable", databaseKind: dialectOf(db) },
    };
  }
}
