import type { DB } from "../connection";
import { decodeJsonObject } from "../json";

export async function insertAuditEntry(
  db: DB,
  entry: {
    actorId: number | null;
    action: string;
    entityType: string;
    entityId: string | number;
    details?: Record<string, unknown>;
    /** When it happened (ISO); default: the database's clock. */
    at?: string;
  },
) {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
      ...(entry.at ? { created_at: entry.at } : {}),
    })
    .execute();
}

/** An entity's audit entries, newest first, with their details decoded (null if malformed). */
export async function listAuditEntries(db: DB, entityType: string, entityId: string | number) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.details",
      "audit_log.created_at",
      "users.name as actor_name",
    ])
    .where("audit_log.entity_type", "=", entityType)
    .where("audit_log.entity_id", "=", String(entityId))
    .orderBy("audit_log.id", "desc")
    .execute();
  return rows.map((row) => ({ ...row, details: decodeJsonObject(row.details) }));
}
