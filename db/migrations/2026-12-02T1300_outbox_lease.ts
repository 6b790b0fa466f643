import type { Kysely } from "kysely";
import { columnTypes } from "../dialect";

/**
 * Several app instances share one outbox: an instance claims due messages for a while (a lease)
 * before sending them. If it dies mid-send, the lease runs out and another instance sends them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable("email_outbox").addColumn("claimed_until", t.timestamp).execute();
  // Which instance holds the claim ("host:pid:random"), for logs and the release on shutdown.
  await db.schema.alterTable("email_outbox").addColumn("claimed_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropColumn("claimed_by").execute();
  await db.schema.alterTable("email_outbox").dropColumn("claimed_until").execute();
}
