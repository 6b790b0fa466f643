import nodemailer, { type Transporter } from "nodemailer";
import type { DB } from "../../db/connection";
import {
  listDueOutboxMessages,
  markOutboxAttemptFailed,
  markOutboxSent,
} from "../../db/queries/outbox";
import type { OutboxMessage } from "../../db/schema";

export const MAX_ATTEMPTS = 8;

/** Backoff after the n-th failed attempt (1-based): 15 s, 30 s, 1 min, 2 min ... capped at 1 h. */
export function backoffMs(attempt: number): number {
  return Math.min(15_000 * 2 ** (attempt - 1), 3_600_000);
}

export type Delivery = (message: OutboxMessage) => Promise<void>;

export function smtpDelivery(smtpUrl: string, from: string): Delivery {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return async (message) => {
    await transport.sendMail({
      from,
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      html: message.html_body,
      icalEvent:
        message.ics_method && message.ics_content
          ? { method: message.ics_method, filename: "invite.ics", content: message.ics_content }
          : undefined,
    });
  };
}

/** Without SMTP the outbox is the mailbox: marking sent makes it show in /dev/mailbox. */
export const localMailboxDelivery: Delivery = async () => {};

/** Sends what is due, in queue order. Returns how many were sent. */
export async function processOutboxOnce(
  db: DB,
  deliver: Delivery,
  now: () => Date = () => new Date(),
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  const due = await listDueOutboxMessages(db, now().toISOString(), batchSize);
  let sent = 0;
  let failed = 0;
  const blockedAddresses = new Set<string>();
  for (const message of due) {
    if (blockedAddresses.has(message.to_address)) continue;
    try {
      await deliver(message);
      await markOutboxSent(db, message.id, now().toISOString());
      sent++;
    } catch (error) {
      failed++;
      blockedAddresses.add(message.to_address);
      const attempt = message.attempts + 1;
      await markOutboxAttemptFailed(db, message.id, {
        error: error instanceof Error ? error.message : String(error),
        nextAttemptAt:
          attempt >= MAX_ATTEMPTS
            ? null
            : new Date(now().getTime() + backoffMs(attempt)).toISOString(),
      });
    }
  }
  return { sent, failed };
}

/** Polls the outbox until stopped; one tick at a time, never overlapping. */
export function startOutboxWorker(db: DB, deliver: Delivery, intervalMs = 1000) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      await processOutboxOnce(db, deliver);
    } catch (error) {
      console.error("[outbox] tick failed", error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
