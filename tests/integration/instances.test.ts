/**
 * Three app instances (production build: `npm run build` first) on one database, as behind a load
 * balancer: race safety across processes, the shared outbox with a real SMTP peer, an instance
 * killed mid-send, and a graceful stop. Runs on PostgreSQL with TEST_DATABASE_URL (the production
 * set-up), and on one SQLite file otherwise.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { insertOutboxMessage } from "../../db/queries/outbox";
import { type AppServer, startAppServer } from "../support/app-server";
import { prepareBookingRace } from "../support/booking-race";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const LEASE_SECONDS = 2;
const COORDINATOR = "koordinator@frirum.test";

let smtp: TestSmtpServer;
let database: TestDatabase;
const instances: AppServer[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  database = await createTestDatabase();
  const env = { SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) };
  // The first seeds the shared database; the others join it.
  instances.push(await startAppServer({ database, env }));
  instances.push(
    ...(await Promise.all([1, 2].map(() => startAppServer({ database, env, seed: false })))),
  );
}, 90_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await smtp?.stop();
  await database?.drop();
});

const subjectOf = (m: { parsed: { subject?: string } }) => m.parsed.subject ?? "";
const messageIdOf = (m: { parsed: { messageId?: string } }) => m.parsed.messageId ?? "";
/** The outbox row id in a Message-ID `<outbox-<id>.<created>@domain>`. */
const outboxIdOf = (m: { parsed: { messageId?: string } }) =>
  Number(/^<outbox-(\d+)\./.exec(messageIdOf(m))?.[1]);

/** Signs in through the real flow: the magic link arrives at the SMTP peer. */
async function signIn(server: AppServer, email: string): Promise<string> {
  const before = smtp.received.length;
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email }),
  });
  expect(res.status).toBe(200);
  const [mail] = await smtp.waitFor(
    1,
    (m) => smtp.received.indexOf(m) >= before && m.envelopeTo.includes(email),
    15_000,
  );
  const token = /auth\/verify\?token=([\w-]+)/.exec(mail.parsed.text ?? "")?.[1];
  expect(token).toBeTruthy();
  const verified = await fetch(`${server.url}/auth/verify`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ token: token ?? "" }),
  });
  expect(verified.status).toBe(302);
  const cookie = verified.headers.get("set-cookie")?.split(";")[0];
  expect(cookie).toMatch(/^frirum_session=/);
  return cookie ?? "";
}

describe("three instances on one database", () => {
  it("books one facilitator into only one of 20 overlapping sessions sent to different instances", async () => {
    const { db } = instances[0];
    const cookie = await signIn(instances[0], COORDINATOR);
    const { facilitatorId, requestIds } = await prepareBookingRace(db, 20);
    const sessionsBefore = await db
      .selectFrom("session_facilitators")
      .select("session_id")
      .where("user_id", "=", facilitatorId)
      .execute();
    // A Tuesday far from the demo sessions; staggered starts 09:00-09:19 all overlap.
    const day = new Date(Date.now() + 90 * 86_400_000);
    day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7));
    const date = day.toISOString().slice(0, 10);

    const responses = await Promise.all(
      requestIds.map((requestId, i) => {
        const server = instances[i % instances.length];
        return fetch(`${server.url}/coordinator/requests/${requestId}/schedule`, {
          method: "POST",
          redirect: "manual",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: server.url,
            Cookie: cookie,
          },
          body: new URLSearchParams({
            date,
            start: `09:${String(i).padStart(2, "0")}`,
            end: "10:30",
            place: `Skole ${i}`,
            facilitatorIds: String(facilitatorId),
          }),
        });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const refused = await Promise.all(
      responses.filter((r) => r.status === 200).map((r) => r.text()),
    );
    const booked = translate("da", "sessions.conflict.booked");
    for (const html of refused) expect(html).toContain(booked);

    const sessionsAfter = await db
      .selectFrom("session_facilitators")
      .select("session_id")
      .where("user_id", "=", facilitatorId)
      .execute();
    expect(sessionsAfter.length - sessionsBefore.length).toBe(1);
    const scheduled = await db
      .selectFrom("requests")
      .select("id")
      .where("id", "in", requestIds)
      .where("status", "=", "scheduled")
      .execute();
    expect(scheduled).toHaveLength(1);
  }, 60_000);

  it("sends 500 queued mails exactly once each, in order per recipient, while one instance is killed mid-send", async () => {
    const { db } = instances[0];
    const tag = `bulk-${Date.now()}`;
    const ours = (m: { parsed: { subject?: string } }) => subjectOf(m).startsWith(tag);
    // 50 recipients x 10 messages each, queued in one transaction.
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < 10; n++) {
        for (let r = 0; r < 50; r++) {
          const subject = `${tag} r${String(r).padStart(2, "0")} n${n}`;
          await insertOutboxMessage(trx, {
            to: `person${r}@example.org`,
            kind: "test",
            subject,
            text: subject,
            html: `<p>${subject}</p>`,
          });
        }
      }
    });

    // Mid-run: stop confirming, pick an instance with a message in flight and SIGKILL it.
    await smtp.waitFor(100, ours, 60_000);
    smtp.hold();
    const held = await smtp.waitForHeld(1);
    const inFlight = held[0];
    const row = await db
      .selectFrom("email_outbox")
      .select(["id", "claimed_by", "subject"])
      .where("id", "=", outboxIdOf(inFlight))
      .executeTakeFirstOrThrow();
    expect(row.subject).toBe(subjectOf(inFlight));
    const victim = instances.find((i) => row.claimed_by?.split(":")[1] === String(i.process.pid));
    expect(victim).toBeDefined();
    const exited = new Promise((resolve) => victim?.process.once("exit", resolve));
    victim?.process.kill("SIGKILL");
    await exited;
    await smtp.waitForSenderGone(inFlight);
    smtp.release();

    const mails = await smtp.waitFor(500, ours, 90_000);
    // Let any duplicate that was on its way arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const received = smtp.received.filter(ours);
    expect(received).toHaveLength(500);
    expect(new Set(received.map(subjectOf)).size).toBe(500);
    expect(new Set(received.map(messageIdOf)).size).toBe(500);
    expect(mails.length).toBe(500);
    // Each recipient got its messages in the order they were queued.
    for (let r = 0; r < 50; r++) {
      const to = `person${r}@example.org`;
      const order = received
        .filter((m) => m.envelopeTo.includes(to))
        .map((m) => Number(/ n(\d+)$/.exec(subjectOf(m))?.[1]));
      expect(order, to).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    // The message the killed instance was sending went out through another instance.
    const resent = await db
      .selectFrom("email_outbox")
      .select(["status", "claimed_by"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(resent.status).toBe("sent");
    expect(resent.claimed_by).not.toBe(row.claimed_by);
    const statuses = await db
      .selectFrom("email_outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("subject", "like", `${tag}%`)
      .groupBy("status")
      .execute();
    expect(statuses).toEqual([{ status: "sent", n: 500 }]);
    // Every instance took part (the work was shared, not done by one).
    const senders = await db
      .selectFrom("email_outbox")
      .select("claimed_by")
      .distinct()
      .where("subject", "like", `${tag}%`)
      .execute();
    expect(senders.length).toBe(3);
  }, 150_000);

  it("stops gracefully on SIGTERM: finishes the request in flight and the mail being sent", async () => {
    const server = instances.find(
      (i) => i.process.exitCode === null && i.process.signalCode === null,
    );
    if (!server) throw new Error("no running instance");
    const survivors = instances.filter((i) => i !== server && i.process.signalCode === null);
    // Only this instance sends for this test: stop the other survivor the same way first.
    for (const other of survivors) {
      const done = new Promise<number | null>((resolve) => other.process.once("exit", resolve));
      other.process.kill("SIGTERM");
      expect(await done).toBe(0);
    }
    const tag = `stop-${Date.now()}`;
    smtp.hold();
    for (let n = 0; n < 3; n++) {
      await insertOutboxMessage(server.db, {
        to: "stop@example.org",
        kind: "test",
        subject: `${tag} ${n}`,
        text: "x",
        html: "<p>x</p>",
      });
    }
    const [sending] = await smtp.waitForHeld(1);
    expect(subjectOf(sending)).toBe(`${tag} 0`);

    // A request in flight: a form post whose body is still arriving.
    const response = new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const url = new URL(`${server.url}/language`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, location: res.headers.location }),
          );
        },
      );
      req.on("error", reject);
      req.write("locale=en&");
      setTimeout(() => req.end("redirectTo=%2Flogin"), 800);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exitCode = new Promise<number | null>((resolve) => server.process.once("exit", resolve));
    server.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No new connections while stopping; the process waits for the request and the mail.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(server.process.exitCode).toBeNull();

    expect(await response).toEqual({ status: 302, location: "/login" });
    smtp.release();
    expect(await exitCode).toBe(0);
    expect(server.output()).toContain("SIGTERM: finishing requests in flight");

    // The mail being sent was confirmed and marked sent; the rest was given back, not held.
    const rows = await instances[0].db
      .selectFrom("email_outbox")
      .select(["subject", "status", "claimed_until"])
      .where("subject", "like", `${tag}%`)
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { subject: `${tag} 0`, status: "sent", claimed_until: null },
      { subject: `${tag} 1`, status: "pending", claimed_until: null },
      { subject: `${tag} 2`, status: "pending", claimed_until: null },
    ]);
    expect(smtp.received.filter((m) => subjectOf(m).startsWith(tag)).map(subjectOf)).toEqual([
      `${tag} 0`,
    ]);
  }, 60_000);
});
