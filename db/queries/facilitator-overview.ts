import { sql } from "kysely";
import type { DB } from "../connection";
import { decodeJsonList, isString } from "../json";

/**
 * Every facilitator (active and inactive) with the number of their sessions (not cancelled) that
 * start in [fromUtc, toUtc).
 */
/** Every facilitator with the sessions in [fromUtc, toUtc); languages decoded. */
export async function listFacilitatorsWithSessionCounts(db: DB, fromUtc: string, toUtc: string) {
  const rows = await db
    .selectFrom("users")
    .leftJoin(
      db
        .selectFrom("session_facilitators")
        .innerJoin("sessions", "sessions.id", "session_facilitators.session_id")
        .select([
          "session_facilitators.user_id",
          (eb) => eb.fn.countAll<number>().as("session_count"),
        ])
        .where("sessions.starts_at", ">=", fromUtc)
        .where("sessions.starts_at", "<", toUtc)
        .where("sessions.status", "!=", "cancelled")
        .groupBy("session_facilitators.user_id")
        .as("sc"),
      "sc.user_id",
      "users.id",
    )
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.languages",
      "users.active",
      sql<number>`coalesce(sc.session_count, 0)`.as("session_count"),
    ])
    .where("users.role", "=", "facilitator")
    .orderBy("users.active", "desc")
    .orderBy("users.name")
    .execute();
  return rows.map((row) => ({ ...row, languages: decodeJsonList(row.languages, isString) }));
}
