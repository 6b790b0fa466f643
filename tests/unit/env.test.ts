import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "~/lib/env.server";

describe("configuration", () => {
  it("has working defaults for development", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/frirum.db");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("splits rotating session secrets, newest first", () => {
    const env = loadEnv({ SESSION_SECRET: "new-secret-0123456789,old-secret-0123456789" });
    expect(env.sessionSecrets).toEqual(["new-secret-0123456789", "old-secret-0123456789"]);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "postgres://db/frirum" }, "DATABASE_URL"],
    [{ APP_URL: "not a url" }, "APP_URL"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ NODE_ENV: "production" }, "SESSION_SECRET"],
  ])("refuses %j with a message naming %s", (source, variable) => {
    expect(() => loadEnv(source)).toThrow(ConfigError);
    expect(() => loadEnv(source)).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}:`));
  });

  it("treats empty variables as unset", () => {
    expect(loadEnv({ SMTP_URL: "", APP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});
