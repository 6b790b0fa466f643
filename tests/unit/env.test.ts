import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "~/lib/env.server";

describe("configuration", () => {
  it("has working defaults for development", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/frirum.db");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.FEEDBACK_COMMENT_RETENTION_MONTHS).toBe(24);
    expect(
      loadEnv({ FEEDBACK_COMMENT_RETENTION_MONTHS: "36" }).FEEDBACK_COMMENT_RETENTION_MONTHS,
    ).toBe(36);
  });

  it("takes a PostgreSQL URL or a SQLite file as the database", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://app:pw@db:5432/frirum" }).DATABASE_URL).toBe(
      "postgres://app:pw@db:5432/frirum",
    );
    expect(loadEnv({ DATABASE_URL: "postgresql://db/frirum" }).DATABASE_URL).toBe(
      "postgresql://db/frirum",
    );
    expect(loadEnv({ DATABASE_URL: "/var/lib/frirum/frirum.db" }).DATABASE_URL).toBe(
      "/var/lib/frirum/frirum.db",
    );
    const env = loadEnv({});
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.OUTBOX_LEASE_SECONDS).toBe(300);
    expect(env.TRUST_PROXY).toBe("loopback");
    // Unset: the server picks 2 on SQLite, the pool size on PostgreSQL.
    expect(env.REQUEST_CONCURRENCY).toBeUndefined();
    expect(loadEnv({ REQUEST_CONCURRENCY: "8" }).REQUEST_CONCURRENCY).toBe(8);
  });

  it("splits rotating session secrets, newest first", () => {
    const env = loadEnv({ SESSION_SECRET: "new-secret-0123456789,old-secret-0123456789" });
    expect(env.sessionSecrets).toEqual(["new-secret-0123456789", "old-secret-0123456789"]);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/frirum" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ REQUEST_CONCURRENCY: "0" }, "REQUEST_CONCURRENCY"],
    [{ REQUEST_CONCURRENCY: "many" }, "REQUEST_CONCURRENCY"],
    [{ OUTBOX_LEASE_SECONDS: "soon" }, "OUTBOX_LEASE_SECONDS"],
    [{ APP_URL: "not a url" }, "APP_URL"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ INVITE_UID_DOMAIN: "https://frirum.kk.dk/" }, "INVITE_UID_DOMAIN"],
    [{ INVITE_UID_DOMAIN: "localhost" }, "INVITE_UID_DOMAIN"],
    [{ FEEDBACK_COMMENT_RETENTION_MONTHS: "0" }, "FEEDBACK_COMMENT_RETENTION_MONTHS"],
    [{ FEEDBACK_CLIENT_LIMIT: "0" }, "FEEDBACK_CLIENT_LIMIT"],
    [{ FEEDBACK_COMMENT_RETENTION_MONTHS: "two years" }, "FEEDBACK_COMMENT_RETENTION_MONTHS"],
    [{ NODE_ENV: "production" }, "SESSION_SECRET"],
  ])("refuses %j with a message naming %s", (source, variable) => {
    expect(() => loadEnv(source)).toThrow(ConfigError);
    expect(() => loadEnv(source)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}:`));
  });

  it("takes the invite UID domain from INVITE_UID_DOMAIN, else from MAIL_FROM (never APP_URL)", () => {
    expect(loadEnv({}).inviteUidDomain).toBe("kk.example");
    expect(
      loadEnv({
        MAIL_FROM: "Forebyggelse <Forebyggelse@BUF.KK.dk>",
        APP_URL: "http://localhost:3000",
      }).inviteUidDomain,
    ).toBe("buf.kk.dk");
    expect(
      loadEnv({ MAIL_FROM: "frirum@kk.dk", INVITE_UID_DOMAIN: "Test.Frirum.KK.dk" })
        .inviteUidDomain,
    ).toBe("test.frirum.kk.dk");
  });

  it("treats empty variables as unset", () => {
    expect(loadEnv({ SMTP_URL: "", APP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});
