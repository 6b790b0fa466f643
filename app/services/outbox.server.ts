import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  countOutboxByStatus,
  findOutboxMessage,
  listOutbox,
  requeueOutboxMessage,
} from "../../db/queries/outbox";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, notFound } from "./result";

export type OutboxFilter = "pending" | "sent" | "failed" | undefined;

export async function loadOutbox(db: DB, actor: CurrentUser, status: OutboxFilter) {
  if (forbidden(actor, "outbox.manage")) return notFound();
  const [messages, counts] = await Promise.all([
    listOutbox(db, { status }),
    countOutboxByStatus(db),
  ]);
  return found({ messages, counts });
}

export async function resendOutboxMessage(db: DB, actor: CurrentUser, id: number) {
  const message = forbidden(actor, "outbox.manage") ? undefined : await findOutboxMessage(db, id);
  if (!message) return notFound();
  const requeued = await requeueOutboxMessage(db, id, new Date().toISOString());
  if (requeued) {
    await insertAuditEntry(db, {
      actorId: actor.id,
      action: "outbox.resend",
      entityType: "email",
      entityId: id,
    });
  }
  return found({ requeued });
}

/** The local mailbox (demo without SMTP): every queued message, newest first. */
export async function loadLocalMailbox(db: DB, to?: string) {
  return found({ messages: await listOutbox(db, { to: to || undefined, limit: 200 }) });
}

export async function loadLocalMailboxMessage(db: DB, id: number) {
  const message = await findOutboxMessage(db, id);
  return message ? found({ message }) : notFound();
}
