import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueEmail } from "~/lib/mailer.server";
import {
  backoffMs,
  type Delivery,
  MAX_ATTEMPTS,
  processOutboxOnce,
} from "~/lib/outbox-worker.server";
import { listOutbox, requeueOutboxMessage } from "../../db/queries/outbox";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const content = (subject: string) => ({ subject, text: subject, html: `<p>${subject}</p>` });

describe("outbox worker", () => {
  it("retries with backoff and marks a message failed after the last attempt", async () => {
    await queueEmail(t.db, "a@example.org", "test", content("one"));
    const failing: Delivery = async () => {
      throw new Error("connection refused");
    };
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await processOutboxOnce(t.db, failing, () => now);
      expect(result).toEqual({ sent: 0, failed: 1 });
      // Not due again until the backoff has passed.
      expect(await processOutboxOnce(t.db, failing, () => now)).toEqual({ sent: 0, failed: 0 });
      now = new Date(now.getTime() + backoffMs(attempt));
    }
    const [row] = await listOutbox(t.db);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.last_error).toBe("connection refused");

    // A coordinator's resend puts it back in the queue; it then goes out once.
    expect(await requeueOutboxMessage(t.db, row.id, now.toISOString())).toBe(true);
    const delivered: string[] = [];
    await processOutboxOnce(
      t.db,
      async (m) => void delivered.push(m.subject),
      () => now,
    );
    await processOutboxOnce(
      t.db,
      async (m) => void delivered.push(m.subject),
      () => now,
    );
    expect(delivered).toEqual(["one"]);
  });

  it("keeps each recipient's messages in order while one is backing off", async () => {
    await queueEmail(t.db, "a@example.org", "test", content("invite"));
    await queueEmail(t.db, "b@example.org", "test", content("other"));
    await queueEmail(t.db, "a@example.org", "test", content("update"));
    const now = new Date(Date.now() + 1000);
    const delivered: string[] = [];
    let down = true;
    const flaky: Delivery = async (m) => {
      if (down && m.to_address === "a@example.org") throw new Error("mailbox busy");
      delivered.push(m.subject);
    };
    await processOutboxOnce(t.db, flaky, () => now);
    // b's mail is not held up; a's update waits for a's invite.
    expect(delivered).toEqual(["other"]);
    await processOutboxOnce(t.db, flaky, () => now);
    expect(delivered).toEqual(["other"]);
    down = false;
    const later = new Date(now.getTime() + backoffMs(1));
    await processOutboxOnce(t.db, flaky, () => later);
    expect(delivered).toEqual(["other", "invite", "update"]);
  });

  it("never queues the same deduplicated message twice", async () => {
    expect(
      await queueEmail(t.db, "a@example.org", "reminder", content("r"), { dedupeKey: "k1" }),
    ).toBe(true);
    expect(
      await queueEmail(t.db, "a@example.org", "reminder", content("r"), { dedupeKey: "k1" }),
    ).toBe(false);
    expect(await listOutbox(t.db)).toHaveLength(1);
  });

  it("sends a message queued for later only when it is due", async () => {
    await queueEmail(t.db, "a@example.org", "reminder", content("later"), {
      sendAt: "2026-01-08T08:00:00.000Z",
    });
    const delivered: string[] = [];
    const deliver: Delivery = async (m) => void delivered.push(m.subject);
    await processOutboxOnce(t.db, deliver, () => new Date("2026-01-08T07:59:59Z"));
    expect(delivered).toEqual([]);
    await processOutboxOnce(t.db, deliver, () => new Date("2026-01-08T08:00:00Z"));
    expect(delivered).toEqual(["later"]);
  });
});
