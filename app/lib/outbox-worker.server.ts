import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import nodemailer, { type Transporter } from "nodemailer";
import type { DB } from "../../db/connection";
import {
  claimDueOutboxMessages,
  markOutboxAttemptFailed,
  markOutboxSent,
  releaseOutboxClaims,
  renewOutboxClaim,
} from "../../db/queries/outbox";
import type { OutboxMessage } from "../../db/schema";

export const MAX_ATTEMPTS = 8;

/** Backoff after the n-th failed attempt (1-based): 15 s, 30 s, 1 min, 2 min ... capped at 1 h. */
export function backoffMs(attempt: number): number {
  return Math.min(15_000 * 2 ** (attempt - 1), 3_600_000);
}

/** Sends one message; `close` (if any) ends its connections when the worker stops. */
export type Delivery = ((message: OutboxMessage) => Promise<void>) & { close?: () => void };

/** SMTP timeouts stay well below the default lease, so a send never outlives its claim. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/**
 * Sends through SMTP. The Message-ID is derived from the outbox row, so in the one case where a
 * message can go out twice (an instance killed after the SMTP server accepted it, before the row
 * was marked sent) both copies carry the same Message-ID and mail systems can drop the second.
 * `pooled`: one SMTP connection kept open and reused (the server's worker); else a connection per
 * message (tests that stop their SMTP server in between).
 */
export function smtpDelivery(
  smtpUrl: string,
  from: string,
  options: { pooled?: boolean } = {},
): Delivery {
  const transport: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    ...SMTP_TIMEOUTS,
    ...(options.pooled ? { pool: true, maxConnections: 1 } : {}),
  });
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "frirum.invalid";
  const deliver: Delivery = async (message) => {
    await transport.sendMail({
      from,
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      html: message.html_body,
      messageId: `<outbox-${message.id}.${Date.parse(message.created_at)}@${domain}>`,
      icalEvent:
        message.ics_method && message.ics_content
          ? { method: message.ics_method, filename: "invite.ics", content: message.ics_content }
          : undefined,
    });
  };
  deliver.close = () => transport.close();
  return deliver;
}

/** Without SMTP the outbox is the mailbox: marking sent makes it show in /dev/mailbox. */
export const localMailboxDelivery: Delivery = async () => {};

/** Who is sending: one id per worker ("host:pid:random"), and how long its claims last. */
export interface OutboxSender {
  claimant: string;
  leaseMs: number;
}

export const DEFAULT_LEASE_MS = 300_000;

export function newClaimant(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

const processSender: OutboxSender = { claimant: newClaimant(), leaseMs: DEFAULT_LEASE_MS };

/**
 * Claims what is due and sends it, in queue order. Returns how many were sent and failed. Each
 * message's claim is renewed just before it is sent, and a message whose claim was lost (this
 * instance stalled past its lease and another took over) is not sent. Whatever was claimed but
 * not sent (a blocked address, `shouldStop`) is released at the end for the next round.
 */
export async function processOutboxOnce(
  db: DB,
  deliver: Delivery,
  now: () => Date = () => new Date(),
  batchSize = 20,
  options: { sender?: OutboxSender; shouldStop?: () => boolean } = {},
): Promise<{ sent: number; failed: number }> {
  const sender = options.sender ?? processSender;
  const lease = () => ({
    now: now().toISOString(),
    leaseUntil: new Date(now().getTime() + sender.leaseMs).toISOString(),
    claimant: sender.claimant,
  });
  const claimed = await claimDueOutboxMessages(db, { ...lease(), limit: batchSize });
  let sent = 0;
  let failed = 0;
  const blockedAddresses = new Set<string>();
  try {
    for (const message of claimed) {
      if (options.shouldStop?.()) break;
      if (blockedAddresses.has(message.to_address)) continue;
      if (!(await renewOutboxClaim(db, message.id, lease()))) continue;
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
  } finally {
    if (claimed.length > sent + failed) await releaseOutboxClaims(db, sender.claimant);
  }
  return { sent, failed };
}

/**
 * Polls the outbox until stopped; one round at a time, never overlapping; the next round follows
 * at once while there is mail to send, else after `intervalMs`. `stop()` resolves after the message being sent is done (the rest of the
 * round is given back to the other instances).
 */
export function startOutboxWorker(
  db: DB,
  deliver: Delivery,
  options: { intervalMs?: number; leaseMs?: number; batchSize?: number } = {},
) {
  const intervalMs = options.intervalMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const sender: OutboxSender = {
    claimant: newClaimant(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    let busy = false;
    try {
      const result = await processOutboxOnce(db, deliver, undefined, batchSize, {
        sender,
        shouldStop: () => stopped,
      });
      busy = result.sent + result.failed > 0;
    } catch (error) {
      console.error("[outbox] round failed", error);
    }
    if (!stopped) timer = setTimeout(schedule, busy ? 0 : intervalMs);
  };
  const schedule = () => {
    round = tick();
  };
  timer = setTimeout(schedule, 0);
  return {
    claimant: sender.claimant,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
