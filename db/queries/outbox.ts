import { sql } from "kysely";
import type { DB } from "../connection";
import type { IcsMethod } from "../schema";

export interface QueuedEmail {
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  ics?: { method: IcsMethod; content: string };
  /** Queue for later (reminders); default: now. */
  sendAt?: string;
  /** A unique key makes queuing the same message twice a no-op ("never twice"). */
  dedupeKey?: string;
}

/** Returns true when queued, false when the dedupe key already existed. */
export async function insertOutboxMessage(db: DB, email: QueuedEmail): Promise<boolean> {
  const result = await db
    .insertInto("email_outbox")
    .values({
      to_address: email.to.toLowerCase(),
      kind: email.kind,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      ics_method: email.ics?.method ?? null,
      ics_content: email.ics?.content ?? null,
      next_attempt_at: email.sendAt,
      dedupe_key: email.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Due messages in queue order. A message waits while an earlier message to the same address is
 * backing off after a failed attempt, so an update never overtakes the invite it updates (the worker also stops an
 * address's batch at its first failure).
 */
export function listDueOutboxMessages(db: DB, now: string, limit: number) {
  return db
    .selectFrom("email_outbox as m")
    .selectAll()
    .where("m.status", "=", "pending")
    .where("m.next_attempt_at", "<=", now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("email_outbox as earlier")
            .select(sql`1`.as("one"))
            .whereRef("earlier.to_address", "=", "m.to_address")
            .where("earlier.status", "=", "pending")
            .where("earlier.next_attempt_at", ">", now)
            // Only a message backing off after a failure blocks; a reminder queued for later
            // (attempts 0, future send time) must not hold back the mail queued after it.
            .where("earlier.attempts", ">", 0)
            .whereRef("earlier.id", "<", "m.id"),
        ),
      ),
    )
    .orderBy("m.id")
    .limit(limit)
    .execute();
}

export async function markOutboxSent(db: DB, id: number, now: string) {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      status: "sent",
      sent_at: now,
      attempts: eb("attempts", "+", 1),
      last_error: null,
    }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .execute();
}

export async function markOutboxAttemptFailed(
  db: DB,
  id: number,
  result: { error: string; nextAttemptAt: string | null },
) {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: result.error.slice(0, 1000),
      status: result.nextAttemptAt ? "pending" : "failed",
      next_attempt_at: result.nextAttemptAt ?? eb.ref("next_attempt_at"),
    }))
    .where("id", "=", id)
    .execute();
}

export async function requeueOutboxMessage(db: DB, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("email_outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listOutbox(
  db: DB,
  filter: { status?: "pending" | "sent" | "failed"; to?: string; limit?: number } = {},
) {
  let query = db
    .selectFrom("email_outbox")
    .select([
      "id",
      "to_address",
      "subject",
      "kind",
      "status",
      "attempts",
      "last_error",
      "created_at",
      "sent_at",
      "next_attempt_at",
      "ics_method",
    ]);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.to) query = query.where("to_address", "=", filter.to.toLowerCase());
  return query
    .orderBy("id", "desc")
    .limit(filter.limit ?? 200)
    .execute();
}

export function findOutboxMessage(db: DB, id: number) {
  return db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countOutboxByStatus(db: DB) {
  const rows = await db
    .selectFrom("email_outbox")
    .select(["status", db.fn.countAll<number>().as("count")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)])) as Record<string, number>;
}
