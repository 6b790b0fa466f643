import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueEmail } from "~/lib/mailer.server";
import {
  backoffMs,
  type Delivery,
  MAX_ATTEMPTS,
  processOutboxOnce,
} from "~/lib/outbox-worker.server";
import { createDb } from "../../db/connection";
import {
  claimDueOutboxMessages,
  listOutbox,
  markOutboxSent,
  renewOutboxClaim,
  requeueOutboxMessage,
} from "../../db/queries/outbox";
import { createTestDb, type TestDb, testDialect } from "../support/db";

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

describe("several senders on one outbox", () => {
  const senderA = { claimant: "host-a:1:aaaaaa", leaseMs: 60_000 };
  const senderB = { claimant: "host-b:2:bbbbbb", leaseMs: 60_000 };
  // A second ahead of the queue's default send time (the database's clock at insert).
  let now: Date;
  beforeEach(() => {
    now = new Date(Date.now() + 1000);
  });
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it("gives each message to one sender when they claim at the same time", async () => {
    for (let i = 0; i < 30; i++) {
      await queueEmail(t.db, `person${i}@example.org`, "test", content(`m${i}`));
    }
    // Separate connections, as separate instances would have.
    const handles = [createDb(t.url), createDb(t.url), createDb(t.url)];
    const delivered: string[] = [];
    const deliver: Delivery = async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      delivered.push(m.subject);
    };
    try {
      const results = await Promise.all(
        handles.map((db, i) =>
          processOutboxOnce(db, deliver, () => now, 10, {
            sender: { claimant: `host:${i}:x`, leaseMs: 60_000 },
          }),
        ),
      );
      // Whatever one round left (SQLite: senders take turns) goes in a second round.
      await Promise.all(
        handles.map((db, i) =>
          processOutboxOnce(db, deliver, () => now, 10, {
            sender: { claimant: `host:${i}:x`, leaseMs: 60_000 },
          }),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThan(0);
    } finally {
      await Promise.all(handles.map((db) => db.destroy()));
    }
    expect(delivered.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
    const rows = await listOutbox(t.db);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("takes no lock when nothing is due: an idle worker never makes writers wait", async () => {
    // Queued for later only: nothing is due.
    await queueEmail(t.db, "a@example.org", "test", content("later"), { sendAt: iso(3_600_000) });
    const other = createDb(t.url);
    try {
      await other.connection().execute(async (conn) => {
        // Another writer holds the lock the claim would take (SQLite: the write lock;
        // PostgreSQL: a lock on the outbox that SELECT ... FOR UPDATE waits for).
        if (testDialect() === "postgres") {
          await sql`BEGIN`.execute(conn);
          await sql`LOCK TABLE email_outbox IN EXCLUSIVE MODE`.execute(conn);
        } else {
          await sql`BEGIN IMMEDIATE`.execute(conn);
        }
        try {
          const started = performance.now();
          const claimed = await claimDueOutboxMessages(t.db, {
            now: iso(0),
            leaseUntil: iso(senderA.leaseMs),
            claimant: senderA.claimant,
            limit: 10,
          });
          expect(claimed).toEqual([]);
          expect(performance.now() - started).toBeLessThan(1_000);
        } finally {
          await sql`ROLLBACK`.execute(conn);
        }
      });
    } finally {
      await other.destroy();
    }
    // Once due, it is claimed.
    const due = await claimDueOutboxMessages(t.db, {
      now: iso(3_600_000),
      leaseUntil: iso(3_600_000 + senderA.leaseMs),
      claimant: senderA.claimant,
      limit: 10,
    });
    expect(due.map((m) => m.subject)).toEqual(["later"]);
  });

  it("lets another sender take over a claim whose lease ran out (its sender died)", async () => {
    await queueEmail(t.db, "a@example.org", "test", content("stuck"));
    const claimed = await claimDueOutboxMessages(t.db, {
      now: iso(0),
      leaseUntil: iso(senderA.leaseMs),
      claimant: senderA.claimant,
      limit: 10,
    });
    expect(claimed.map((m) => m.subject)).toEqual(["stuck"]);
    // Sender A "dies" here. While its lease runs, nobody else sends the message.
    const delivered: string[] = [];
    const deliver: Delivery = async (m) => void delivered.push(m.subject);
    await processOutboxOnce(t.db, deliver, () => new Date(now.getTime() + 59_000), 10, {
      sender: senderB,
    });
    expect(delivered).toEqual([]);
    await processOutboxOnce(t.db, deliver, () => new Date(now.getTime() + 60_000), 10, {
      sender: senderB,
    });
    expect(delivered).toEqual(["stuck"]);
    // A, waking up late, no longer holds it and must not send it again.
    expect(
      await renewOutboxClaim(t.db, claimed[0].id, {
        now: iso(61_000),
        leaseUntil: iso(121_000),
        claimant: senderA.claimant,
      }),
    ).toBe(false);
  });

  it("keeps a recipient's order across senders: a later message waits while an earlier one is claimed elsewhere", async () => {
    await queueEmail(t.db, "a@example.org", "test", content("invite"));
    await queueEmail(t.db, "b@example.org", "test", content("other"));
    await queueEmail(t.db, "a@example.org", "test", content("update"));
    const held = await claimDueOutboxMessages(t.db, {
      now: iso(0),
      leaseUntil: iso(senderA.leaseMs),
      claimant: senderA.claimant,
      limit: 1,
    });
    expect(held.map((m) => m.subject)).toEqual(["invite"]);
    const delivered: string[] = [];
    const deliver: Delivery = async (m) => void delivered.push(m.subject);
    await processOutboxOnce(t.db, deliver, () => now, 10, { sender: senderB });
    expect(delivered).toEqual(["other"]);
    // A finishes its round: the invite is out. The update was not left claimed by B: it goes now.
    delivered.push(held[0].subject);
    await markOutboxSent(t.db, held[0].id, iso(0));
    await processOutboxOnce(t.db, deliver, () => now, 10, { sender: senderB });
    expect(delivered).toEqual(["other", "invite", "update"]);
  });

  it("gives back the rest of a round when told to stop after the message being sent", async () => {
    for (const subject of ["one", "two", "three"]) {
      await queueEmail(t.db, `${subject}@example.org`, "test", content(subject));
    }
    const delivered: string[] = [];
    const deliver: Delivery = async (m) => void delivered.push(m.subject);
    const result = await processOutboxOnce(t.db, deliver, () => now, 10, {
      sender: senderA,
      shouldStop: () => delivered.length >= 1,
    });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const rows = await t.db
      .selectFrom("email_outbox")
      .select(["subject", "status", "claimed_until", "claimed_by"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { subject: "one", status: "sent", claimed_until: null, claimed_by: senderA.claimant },
      { subject: "two", status: "pending", claimed_until: null, claimed_by: null },
      { subject: "three", status: "pending", claimed_until: null, claimed_by: null },
    ]);
    // Another sender takes them at once, without waiting for a lease.
    await processOutboxOnce(t.db, deliver, () => now, 10, { sender: senderB });
    expect(delivered).toEqual(["one", "two", "three"]);
  });
});
