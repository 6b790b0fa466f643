import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { SIGN_IN_LIMIT_PER_CLIENT } from "~/services/auth.server";
import { migrations } from "../../db/migrations";
import { type AppServer, signInCookie, startAppServer } from "../support/app-server";
import { testDialect } from "../support/db";
import { insertFeedbackSession } from "../support/feedback";

/** Needs the production build (`npm test` builds first). The request log is on (not quiet). */
let server: AppServer;
let feedbackCode: string;
beforeAll(async () => {
  server = await startAppServer({ env: { FRIRUM_QUIET: "" } });
  // A session whose feedback form is open: started within the last 10 days (demo: yesterday).
  const row = await server.db
    .selectFrom("sessions")
    .select("feedback_code")
    .where("feedback_code", "is not", null)
    .where("status", "!=", "cancelled")
    .where("starts_at", ">=", new Date(Date.now() - 10 * 86_400_000).toISOString())
    .where("starts_at", "<=", new Date().toISOString())
    .orderBy("starts_at", "desc")
    .executeTakeFirstOrThrow();
  feedbackCode = row.feedback_code ?? "";
  // Seeding the demo and starting the build took over 30 s on a loaded machine (a CI run failed here).
}, 90_000);

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

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
    // A second response gets a different nonce, and its own request id (12 random hex digits,
    // the id an error page shows).
    const again = await fetch(`${server.url}/login`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
    const ids = [res, again].map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("inlines the anonymous pages' own small stylesheet under the CSP nonce; staff pages link app.css", async () => {
    await insertFeedbackSession(server.db, { code: "CSS234", startsInMinutes: -30 });
    const styleNonce = (res: Response) =>
      res.headers.get("content-security-policy")?.match(/style-src 'self' 'nonce-([^']+)'/)?.[1];
    for (const path of ["/f/CSS234", "/f?lang=en", "/f/CSS234/tak?lang=ar", "/privatliv?lang=ar"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      const nonce = styleNonce(res);
      expect(nonce, path).toBeTruthy();
      const html = await res.text();
      // One round trip to first paint: no stylesheet to fetch.
      expect(html, path).not.toMatch(/<link[^>]*rel="stylesheet"/);
      const styles = [...html.matchAll(/<style\b([^>]*)>([^<]*)<\/style>/g)];
      expect(
        styles.map((m) => m[1]),
        path,
      ).toEqual([` nonce="${nonce}"`]);
      const css = styles[0][2];
      expect(css).toContain(".fb-option");
      expect(css).toContain(".error-summary");
      // Only what these pages use: not the staff layout, tables, charts or print rules.
      expect(css).not.toContain(".site-header");
      expect(css).not.toContain(".chart");
      expect(css).not.toContain("@media print");
      expect(css.length).toBeLessThan(6_000);
    }
    const login = await fetch(`${server.url}/login`);
    const loginHtml = await login.text();
    expect(loginHtml).toMatch(/<link rel="stylesheet" href="\/assets\/app-[\w-]+\.css"\/>/);
    expect(loginHtml).not.toContain("<style");
  });

  it("draws the pupil scale's pictures as SVG, with no emoji for the phone's fonts to find", async () => {
    await insertFeedbackSession(server.db, { code: "SVG234", startsInMinutes: -30 });
    const html = await (await fetch(`${server.url}/f/SVG234`)).text();
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
    const uses = [...html.matchAll(/<use href="#([\w-]+)"/g)].map((m) => m[1]);
    const questions = html.match(/<fieldset\b/g)?.length ?? 0;
    expect(questions).toBeGreaterThan(0);
    expect(uses).toHaveLength(questions * 4);
    const symbols = [...html.matchAll(/<symbol id="([\w-]+)"/g)].map((m) => m[1]);
    expect([...symbols].sort()).toEqual([
      "fb-icon-face-frown",
      "fb-icon-face-grin",
      "fb-icon-face-smile",
      "fb-icon-question",
    ]);
    for (const id of uses) expect(symbols).toContain(id);
    // Decorative: hidden from assistive technology (the label names the option).
    for (const tag of html.match(/<svg\b[^>]*>/g) ?? [])
      expect(tag).toContain('aria-hidden="true"');
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
      })
        .then((res) => res.text())
        // What the page shows: the page's data also carries its messages (the refusal's text
        // among them), so only the rendered main content tells whether it was refused.
        .then((html) => html.slice(html.indexOf("<main"), html.indexOf("</main>")));
    const limited = translate("da", "auth.rateLimited");
    for (let n = 0; n < SIGN_IN_LIMIT_PER_CLIENT; n++) {
      expect(await ask("203.0.113.5", n)).not.toContain(limited);
    }
    expect(await ask("203.0.113.5", 99)).toContain(limited);
    expect(await ask("203.0.113.6", 100)).not.toContain(limited);
  });

  it("prints the annual report's running header and page numbers in the reader's language", async () => {
    const cookie = await signInCookie(server, "koordinator@frirum.test");
    const css = async (lang: string) => {
      const res = await fetch(`${server.url}/coordinator/reports/2025/print.css`, {
        // The language cookie as Remix writes it (base64 JSON, unsigned).
        headers: {
          Cookie: `${cookie}; frirum_lang=${encodeURIComponent(btoa(JSON.stringify(lang)))}`,
        },
      });
      expect(res.headers.get("content-type")).toContain("text/css");
      return res.text();
    };
    const danish = await css("da");
    expect(danish).toContain('"Årsrapport 2025"');
    expect(danish).toMatch(/"Endelig, \d+\. marts 2026"/);
    expect(danish).toContain('"Side " counter(page) " af " counter(pages) ""');
    const english = await css("en");
    expect(english).toContain('"Annual report 2025"');
    expect(english).toMatch(/"Final, (14 )?March( 14,)? 2026"/);
    expect(english).toContain('"Page " counter(page) " of " counter(pages) ""');
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

  it("treats every spelling of a feedback or feed route the router serves as private", async () => {
    const code = feedbackCode;
    const spellings = [
      `/f/${code}`,
      `/F/${code}`,
      `/%66/${code}`,
      `/%46/${code.toLowerCase()}`,
      `/f//${code}/`,
      `/F/${code}/TAK`,
      `/f/${code}.data`,
      `/F?code=${code}`,
      "/F",
      "/FEEDS/not-a-real-token.ics",
    ];
    for (const path of spellings) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
    }
    // The feedback form itself answers under the odd spellings (so they must be private).
    const odd = await fetch(`${server.url}/%66/${code}`);
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('name="formVersion"');
    await new Promise((r) => setTimeout(r, 200));
    const log = server.output();
    expect(log).not.toContain(code);
    expect(log).not.toContain(code.toLowerCase());
    expect(log).not.toMatch(/feeds/i);
    // Staff pages are still logged.
    await fetch(`${server.url}/login`);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.output()).toContain("GET /login 200");
  });

  it("does not look up the signed-in user on any spelling of a feedback route", async () => {
    const cookie = await signInCookie(server, "koordinator@frirum.test");
    const name = "Karen Koordinator";
    const catalogue = await fetch(`${server.url}/catalogue.data`, { headers: { Cookie: cookie } });
    expect(await catalogue.text()).toContain(name);
    for (const path of [
      `/f/${feedbackCode}.data`,
      `/F/${feedbackCode}.data`,
      `/%66/${feedbackCode}.data`,
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
      const body = await res.text();
      expect(body, path).not.toContain(name);
    }
  });

  it("never logs the values of query parameters (sign-in tokens)", async () => {
    await fetch(`${server.url}/auth/verify?token=live-secret-token-value`);
    await fetch(`${server.url}/catalogue?audience=parents&q=navn`);
    await new Promise((r) => setTimeout(r, 200));
    const log = server.output();
    expect(log).toContain("GET /auth/verify?token=… 200");
    expect(log).toContain("GET /catalogue?audience=…&q=… 302");
    expect(log).not.toContain("live-secret-token-value");
    expect(log).not.toContain("parents");
  });

  it("answers a POST with ?_data= as a bad request, not a 500", async () => {
    for (const path of [
      "/login?_data=routes%2Flogin",
      "/language?_data=root",
      "/f/ZZZZZZ?_data=x",
    ]) {
      const res = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { ...FORM, Origin: server.url },
        body: "email=a%40b.dk",
      });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain("Ugyldig forespørgsel");
    }
  });

  it("refuses a staff POST without Origin from another site (Fetch Metadata or Referer)", async () => {
    const cookie = await signInCookie(server, "koordinator@frirum.test");
    const invite = (headers: Record<string, string>, email: string) =>
      fetch(`${server.url}/users`, {
        method: "POST",
        redirect: "manual",
        headers: { ...FORM, Cookie: cookie, ...headers },
        body: new URLSearchParams({ name: "Mallory", email, role: "coordinator" }).toString(),
      });
    const foreignReferer = await invite(
      { Referer: "https://evil.example/page" },
      "m1@evil.example",
    );
    expect(foreignReferer.status).toBe(403);
    const crossSite = await invite({ "Sec-Fetch-Site": "cross-site" }, "m2@evil.example");
    expect(crossSite.status).toBe(403);
    const sameSite = await invite({ "Sec-Fetch-Site": "same-site" }, "m3@evil.example");
    expect(sameSite.status).toBe(403);
    // Same-origin requests without Origin still work.
    const own = await invite({ "Sec-Fetch-Site": "same-origin" }, "m4@frirum.test");
    expect(own.status).toBe(200);
    const ownReferer = await invite({ Referer: `${server.url}/users` }, "m5@frirum.test");
    expect(ownReferer.status).toBe(200);
    const mallory = await server.db
      .selectFrom("users")
      .select("email")
      .where("name", "=", "Mallory")
      .execute();
    expect(mallory.map((row) => row.email).sort()).toEqual(["m4@frirum.test", "m5@frirum.test"]);
    // The anonymous feedback form keeps its exception.
    const feedback = await fetch(`${server.url}/f/ZZZZZZ`, {
      method: "POST",
      headers: { ...FORM, Referer: "https://evil.example/" },
      body: "x=1",
    });
    expect(feedback.status).toBe(404);
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
    const result = spawnSync(process.execPath, ["build/start.js"], {
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
