import type { DB } from "../../db/connection";
import { insertOutboxMessage, type QueuedEmail } from "../../db/queries/outbox";
import type { EmailContent } from "../../emails/types";

/**
 * Queues an email as an outbox row. Call it with the transaction that makes the change the email
 * is about, so that a change and its email are saved together or not at all.
 */
export function queueEmail(
  db: DB,
  to: string,
  kind: string,
  content: EmailContent,
  options: Pick<QueuedEmail, "sendAt" | "dedupeKey"> = {},
): Promise<boolean> {
  return insertOutboxMessage(db, { to, kind, ...content, ...options });
}
