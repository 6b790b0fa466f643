import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { SIGN_IN_LIMIT_PER_CLIENT } from "~/services/auth.server";
import { migrations } from "../../db/migrations";
import { type AppServer, startAppServer } from "../support/app-server";
import { testDialect } from "../support/db";

/** Needs the production build (`npm test` builds first). */
let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("the production server", () => {
  it("sends a nonce-based CSP and the usual security headers", async () => {
    const res = await fetch(`${server.url}/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    const html = await res.text();
    // Every inline script carries this response's nonce.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // A second response gets a different nonce.
    const again = await fetch(`${server.url}/login`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("refuses cross-site form posts by their Origin", async () => {
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=koordinator%40frirum.test",
    });
    expect(res.status).toBe(403);
  });

  it("answers a hidden (null) Origin with a clear 403 on staff forms and accepts it on feedback", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: "null" };
    const staff = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: form,
      body: "email=a%40b.dk",
    });
    expect(staff.status).toBe(403);
    expect(await staff.text()).toContain("Din browser skjulte");
    // An unknown code answers with the form's own 404 page, not Remix's CSRF 500.
    const feedback = await fetch(`${server.url}/f/ZZZZZZ`, {
      method: "POST",
      headers: form,
      body: "x=1",
    });
    expect(feedback.status).toBe(404);
  });

  it("does not change state on GET: /logout by GET only redirects", async () => {
    const res = await fetch(`${server.url}/logout`, { redirect: "manual" });
    expect(res.status).toBe(302);
  });

  it("sets the session cookie httpOnly and SameSite=Lax, and protects staff pages", async () => {
    const res = await fetch(`${server.url}/coordinator`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fcoordinator");
    const lang = await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "locale=en&redirectTo=%2Flogin",
    });
    expect(lang.headers.get("set-cookie")).toMatch(/frirum_lang=.*HttpOnly; SameSite=Lax/);
  });

  it("limits sign-in requests per client behind a reverse proxy, by X-Forwarded-For", async () => {
    // Requests arrive from the proxy on the same host: each client is its forwarded address.
    const ask = (client: string, n: number) =>
      fetch(`${server.url}/login`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: server.url,
          "X-Forwarded-For": client,
        },
        body: new URLSearchParams({ email: `nobody${n}@example.org` }),
      }).then((res) => res.text());
    const limited = translate("da", "auth.rateLimited");
    for (let n = 0; n < SIGN_IN_LIMIT_PER_CLIENT; n++) {
      expect(await ask("203.0.113.5", n)).not.toContain(limited);
    }
    expect(await ask("203.0.113.5", 99)).toContain(limited);
    expect(await ask("203.0.113.6", 100)).not.toContain(limited);
  });

  it("redirects the language switch only to paths on this site", async () => {
    const switchTo = (redirectTo: string) =>
      fetch(`${server.url}/language`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ locale: "en", redirectTo }).toString(),
      });
    for (const target of [
      "/\\evil.example/",
      "//evil.example/",
      "/\t/evil.example",
      "https://evil.example",
    ]) {
      const res = await switchTo(target);
      expect(res.status, target).toBe(302);
      expect(res.headers.get("location"), target).toBe("/");
    }
    const ok = await switchTo("/catalogue?audience=pupils");
    expect(ok.headers.get("location")).toBe("/catalogue?audience=pupils");
  });

  it("answers /healthz with JSON", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      database: "ok",
      databaseKind: testDialect(),
      migration: Object.keys(migrations).sort().at(-1),
      pendingMigrations: [],
    });
  });
});

describe("start-up configuration", () => {
  it("stops with a message naming the bad variable, before listening", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        SESSION_SECRET: "",
        PORT: "not-a-port",
        FRIRUM_DEMO: "",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toContain("PORT:");
    expect(result.stderr).toContain("SESSION_SECRET:");
  });
});
