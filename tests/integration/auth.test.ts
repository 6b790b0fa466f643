import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "~/lib/crypto.server";
import { processOutboxOnce, smtpDelivery } from "~/lib/outbox-worker.server";
import {
  completeSignIn,
  inspectSignInToken,
  requestSignIn,
  SIGN_IN_LIMIT_PER_EMAIL,
} from "~/services/auth.server";
import { saveLanguageChoice } from "~/services/language.server";
import { setUserActivation } from "~/services/users.server";
import { createDb, type DB } from "../../db/connection";
import { findActiveSessionUser } from "../../db/queries/auth";
import { findUserByEmail } from "../../db/queries/users";
import { createTestDb, type TestDb } from "../support/db";
import { present } from "../support/responses";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const APP_URL = "http://frirum.test";
let t: TestDb;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  t = await createTestDb({ seed: true });
  smtp.received.length = 0;
});
afterEach(async () => {
  await t.cleanup();
});

function tokenFrom(text: string): string {
  const match = text.match(/\/auth\/verify\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no sign-in link in:\n${text}`);
  return match[1];
}

describe("magic-link sign-in", () => {
  it("sends a sign-in email over real SMTP whose link signs the user in once", async () => {
    const result = await requestSignIn(t.db, {
      email: "Koordinator@Frirum.test",
      clientKey: "1.2.3.4",
      appUrl: APP_URL,
    });
    expect(result).toEqual({ ok: true });
    const sent = await processOutboxOnce(
      t.db,
      smtpDelivery(smtp.url, "Frirum <frirum@kk.example>"),
    );
    expect(sent).toEqual({ sent: 1, failed: 0 });

    const [mail] = await smtp.waitFor(1);
    expect(mail.envelopeTo).toEqual(["koordinator@frirum.test"]);
    expect(mail.parsed.subject).toBe("Dit login-link til Frirum");
    expect(mail.parsed.html).toContain(`${APP_URL}/auth/verify?token=`);
    const token = tokenFrom(mail.parsed.text ?? "");
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);

    // Stored hashed: the raw token is nowhere in the database.
    const rows = await t.db.selectFrom("sign_in_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const first = await completeSignIn(t.db, token);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const user = await findActiveSessionUser(t.db, first.sessionId, new Date().toISOString());
    expect(user?.email).toBe("koordinator@frirum.test");

    expect(await completeSignIn(t.db, token)).toEqual({ ok: false, problem: "used" });
  });

  it("sends the sign-in email in the language the user chose with the language switch", async () => {
    const user = await findUserByEmail(t.db, "koordinator@frirum.test");
    if (!user) throw new Error("no seeded coordinator");
    await saveLanguageChoice(t.db, user, "en");
    expect((await findUserByEmail(t.db, user.email))?.locale).toBe("en");
    // Signed out, the switch only sets the cookie: nothing to store, nothing fails.
    await saveLanguageChoice(t.db, null, "da");
    await requestSignIn(t.db, { email: user.email, clientKey: "1.2.3.4", appUrl: APP_URL });
    await processOutboxOnce(t.db, smtpDelivery(smtp.url, "Frirum <frirum@kk.example>"));
    const [mail] = await smtp.waitFor(1);
    expect(mail.parsed.subject).toBe("Your sign-in link for Frirum");
    expect(mail.parsed.text).toContain("The link works once and expires in 15 minutes.");
  });

  it("keeps a same-origin redirectTo with the token and drops any other", async () => {
    let clock = Date.parse("2026-03-02T08:00:00.000Z");
    const requestLink = async (redirectTo: unknown) => {
      clock += 16 * 60_000; // a new rate-limit window for each link
      const now = new Date(clock);
      await t.db.deleteFrom("email_outbox").execute();
      const result = await requestSignIn(t.db, {
        email: "koordinator@frirum.test",
        clientKey: "c",
        appUrl: APP_URL,
        redirectTo,
        now,
      });
      expect(result).toEqual({ ok: true });
      const mail = await t.db
        .selectFrom("email_outbox")
        .select("text_body")
        .executeTakeFirstOrThrow();
      // The link itself stays short: the page is stored with the token, not in the URL.
      expect(mail.text_body).not.toContain("redirectTo");
      return { token: tokenFrom(mail.text_body), now };
    };
    const deep = await requestLink("/coordinator/requests?status=requested");
    expect(await completeSignIn(t.db, deep.token, deep.now)).toMatchObject({
      ok: true,
      redirectTo: "/coordinator/requests?status=requested",
    });
    for (const evil of ["/\\evil.example/", "//evil.example", "https://evil.example/", "", null]) {
      const link = await requestLink(evil);
      expect(await completeSignIn(t.db, link.token, link.now), String(evil)).toMatchObject({
        ok: true,
        redirectTo: null,
      });
    }
    // A stored target is checked again when the link is used.
    const tampered = await requestLink("/school");
    await t.db.updateTable("sign_in_tokens").set({ redirect_to: "//evil.example" }).execute();
    expect(await completeSignIn(t.db, tampered.token, tampered.now)).toMatchObject({
      ok: true,
      redirectTo: null,
    });
  });

  it("gives the same answer for unknown emails and sends nothing", async () => {
    const result = await requestSignIn(t.db, {
      email: "nobody@example.org",
      clientKey: "c",
      appUrl: APP_URL,
    });
    expect(result).toEqual({ ok: true });
    expect(await t.db.selectFrom("email_outbox").selectAll().execute()).toEqual([]);
  });

  it("expires links after 15 minutes", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    await requestSignIn(t.db, {
      email: "koordinator@frirum.test",
      clientKey: "c",
      appUrl: APP_URL,
      now,
    });
    const mail = await t.db
      .selectFrom("email_outbox")
      .select("text_body")
      .executeTakeFirstOrThrow();
    const token = tokenFrom(mail.text_body);
    expect(await inspectSignInToken(t.db, token, new Date("2026-03-02T09:14:59Z"))).toEqual({
      ok: true,
    });
    expect(await completeSignIn(t.db, token, new Date("2026-03-02T09:15:00Z"))).toEqual({
      ok: false,
      problem: "expired",
    });
  });

  it("signs users in at the same moment on different connections (instances)", async () => {
    const emails = [
      "koordinator@frirum.test",
      "facilitator1@frirum.test",
      "facilitator2@frirum.test",
      "leder.tingbjerg-skole@frirum.test",
    ];
    for (const email of emails) {
      await requestSignIn(t.db, { email, clientKey: email, appUrl: APP_URL });
    }
    const mails = await t.db.selectFrom("email_outbox").select("text_body").orderBy("id").execute();
    expect(mails).toHaveLength(emails.length);
    const instances: DB[] = emails.map(() => createDb(t.url, { poolSize: 1 }));
    try {
      const results = await Promise.all(
        mails.map((mail, i) => completeSignIn(instances[i], tokenFrom(mail.text_body))),
      );
      expect(results.map((r) => r.ok)).toEqual(emails.map(() => true));
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
    }
  });

  it("refuses forged tokens", async () => {
    expect(await completeSignIn(t.db, "forged")).toEqual({ ok: false, problem: "invalid" });
    expect(await inspectSignInToken(t.db, "")).toEqual({ ok: false, problem: "invalid" });
  });

  it("rate limits per email and per client", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL; i++) {
      expect(
        await requestSignIn(t.db, {
          email: "facilitator1@frirum.test",
          clientKey: `c${i}`,
          appUrl: APP_URL,
          now,
        }),
      ).toEqual({ ok: true });
    }
    expect(
      await requestSignIn(t.db, {
        email: "facilitator1@frirum.test",
        clientKey: "other",
        appUrl: APP_URL,
        now,
      }),
    ).toEqual({ ok: false, error: "auth.rateLimited" });
    // Unknown emails count too, so the limit reveals nothing about who exists.
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await requestSignIn(t.db, {
        email: `x${i}@example.org`,
        clientKey: "one-client",
        appUrl: APP_URL,
        now,
      });
      limited = !r.ok;
    }
    expect(limited).toBe(true);
    // A new window opens again.
    const later = new Date("2026-03-02T09:30:00Z");
    expect(
      await requestSignIn(t.db, {
        email: "facilitator1@frirum.test",
        clientKey: "c",
        appUrl: APP_URL,
        now: later,
      }),
    ).toEqual({ ok: true });
  });

  it("ends every session of a deactivated user and refuses their open links", async () => {
    await requestSignIn(t.db, {
      email: "facilitator2@frirum.test",
      clientKey: "c",
      appUrl: APP_URL,
    });
    const [first] = await t.db.selectFrom("email_outbox").select("text_body").execute();
    const signedIn = await completeSignIn(t.db, tokenFrom(first.text_body));
    expect(signedIn.ok).toBe(true);
    await requestSignIn(t.db, {
      email: "facilitator2@frirum.test",
      clientKey: "c",
      appUrl: APP_URL,
    });
    const second = await t.db
      .selectFrom("email_outbox")
      .select("text_body")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();

    const coordinator = await findUserByEmail(t.db, "koordinator@frirum.test");
    const facilitator = await findUserByEmail(t.db, "facilitator2@frirum.test");
    present(
      await setUserActivation(
        t.db,
        {
          id: coordinator!.id,
          role: "coordinator",
          schoolId: null,
          email: "",
          name: "",
          languages: [],
        },
        facilitator!.id,
        false,
      ),
    );
    if (signedIn.ok) {
      expect(
        await findActiveSessionUser(t.db, signedIn.sessionId, new Date().toISOString()),
      ).toBeUndefined();
    }
    expect(await completeSignIn(t.db, tokenFrom(second.text_body))).toEqual({
      ok: false,
      problem: "invalid",
    });
    const audit = await t.db.selectFrom("audit_log").select(["action", "entity_id"]).execute();
    expect(audit).toContainEqual({
      action: "user.deactivated",
      entity_id: String(facilitator!.id),
    });
  });
});
