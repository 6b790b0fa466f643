import { sql } from "kysely";
import type { DB } from "../connection";
import { forUpdateSkipLocked } from "../dialect";
import type { IcsMethod, OutboxMessage } from "../schema";
import { rowLockTransaction } from "../write-transaction";

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
 * Claims due messages in queue order for one sender (`claimant`) until `leaseUntil`, so that with
 * several app instances each message goes to exactly one of them. PostgreSQL: the candidates are
 * locked FOR UPDATE SKIP LOCKED, so instances claiming at the same moment take different rows
 * without waiting; SQLite: one writer at a time.
 *
 * Per-recipient order: a message waits while an earlier message to the same address is backing
 * off after a failed attempt, or is due but held by someone else (locked or claimed by another
 * instance), so an update never overtakes the invite it updates. A reminder queued for later
 * (attempts 0, future send time) holds nothing back.
 */
export async function claimDueOutboxMessages(
  db: DB,
  claim: { now: string; leaseUntil: string; claimant: string; limit: number },
): Promise<OutboxMessage[]> {
  const { now } = claim;
  // Looked at first without a lock: the worker polls every second and the outbox is mostly empty.
  // On SQLite the claim takes the one write lock, and while the worker's transaction waited
  // between its statements for the pages being rendered, the answers of a feedback burst found
  // the database locked and backed off (answer POST p95 50 ms in the server, instead of 10).
  // The claim below looks again under the lock.
  const due = await db
    .selectFrom("email_outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now)]))
    .limit(1)
    .executeTakeFirst();
  if (!due) return [];
  return rowLockTransaction(db, async (trx) => {
    const candidates = await trx
      .selectFrom("email_outbox as m")
      .selectAll()
      .where("m.status", "=", "pending")
      .where("m.next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("m.claimed_until", "is", null), eb("m.claimed_until", "<=", now)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("email_outbox as earlier")
              .select(sql`1`.as("one"))
              .whereRef("earlier.to_address", "=", "m.to_address")
              .where("earlier.status", "=", "pending")
              .where("earlier.next_attempt_at", ">", now)
              .where("earlier.attempts", ">", 0)
              .whereRef("earlier.id", "<", "m.id"),
          ),
        ),
      )
      .orderBy("m.id")
      .limit(claim.limit)
      .$call(forUpdateSkipLocked(trx))
      .execute();
    if (candidates.length === 0) return [];

    // Earlier pending messages to the same addresses that this claim does not hold.
    const ids = new Set(candidates.map((m) => m.id));
    const earlier = await trx
      .selectFrom("email_outbox")
      .select(["id", "to_address"])
      .where("status", "=", "pending")
      .where(
        "to_address",
        "in",
        candidates.map((m) => m.to_address),
      )
      .where("id", "<", Math.max(...ids))
      .where((eb) => eb.or([eb("next_attempt_at", "<=", now), eb("attempts", ">", 0)]))
      .execute();
    const claimed = candidates.filter(
      (m) => !earlier.some((e) => e.to_address === m.to_address && e.id < m.id && !ids.has(e.id)),
    );
    if (claimed.length === 0) return [];
    await trx
      .updateTable("email_outbox")
      .set({ claimed_until: claim.leaseUntil, claimed_by: claim.claimant })
      .where(
        "id",
        "in",
        claimed.map((m) => m.id),
      )
      .execute();
    return claimed.map((m) => ({
      ...m,
      claimed_until: claim.leaseUntil,
      claimed_by: claim.claimant,
    }));
  });
}

/**
 * Just before sending: extends the claim on one message, if this sender still holds it. False
 * when the lease ran out and another instance may have taken it (then it must not be sent here).
 */
export async function renewOutboxClaim(
  db: DB,
  id: number,
  claim: { now: string; leaseUntil: string; claimant: string },
): Promise<boolean> {
  const result = await db
    .updateTable("email_outbox")
    .set({ claimed_until: claim.leaseUntil })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("claimed_by", "=", claim.claimant)
    .where("claimed_until", ">", claim.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back what a sender claimed but did not send (graceful shutdown): others take it at once. */
export async function releaseOutboxClaims(db: DB, claimant: string): Promise<number> {
  const result = await db
    .updateTable("email_outbox")
    .set({ claimed_until: null, claimed_by: null })
    .where("claimed_by", "=", claimant)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markOutboxSent(db: DB, id: number, now: string) {
  await db
    .updateTable("email_outbox")
    .set((eb) => ({
      status: "sent",
      sent_at: now,
      attempts: eb("attempts", "+", 1),
      last_error: null,
      // claimed_by stays: it tells which instance sent the message.
      claimed_until: null,
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
      claimed_until: null,
      claimed_by: null,
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
