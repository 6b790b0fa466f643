import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROUTE_MESSAGE_KEYS } from "virtual:route-message-keys";
import { afterAll, describe, expect, it } from "vitest";
import { MESSAGE_KEYS } from "~/i18n";
import { messagesFromJson } from "~/i18n/format";
import { pageMessages, pageMessagesJson } from "~/i18n/route-messages.server";
import { pageRouteFiles, routeMessageKeys } from "../../scripts/route-message-keys";

describe("the keys a page can show, read from the source (scripts/route-message-keys.ts)", () => {
  const base = mkdtempSync(join(tmpdir(), "frirum-route-keys-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(base, path)), { recursive: true });
      writeFileSync(join(base, path), text);
    }
  };
  const known = [
    "nav.home",
    "nav.signOut",
    "role.coordinator",
    "role.facilitator",
    "status.requested",
    "status.declined",
    "course.title",
    "course.field.title",
    "email.subject",
    "only.inCatalogue",
    "only.inComment",
    "only.inType",
    "only.typeImported",
    "only.otherRoute",
  ];
  write({
    "app/root.tsx": `import { nav } from "./components/nav";\nexport const home = "nav.home" + nav;`,
    "app/components/nav.ts": `export const nav = \`role.\${"x"}\`; // "only.inComment"`,
    "app/routes/inbox.tsx": [
      `import { statusText } from "~/domain/status";`,
      `import type { Shape } from "../domain/typed";`,
      `import { send } from "../../emails/mail";`,
      `import { all } from "~/i18n/catalogue";`,
      `export const title = "course.title";`,
      `type Key = "only.inType" | \`course.\${string}\`;`,
      `export const lazy = () => import("./lazy-part");`,
    ].join("\n"),
    "app/routes/lazy-part.ts": `export const x = (s: string) => \`\${s} status.\${s}\`;`,
    "app/routes/other.tsx": `export const other = "only.otherRoute";`,
    "app/routes/resource.ts": `export const csv = "course.field.title";`,
    "app/domain/status.ts": `export const statusText = "status.requested";`,
    "app/domain/typed.ts": `export type Shape = { key: "x" }; export const t = "only.typeImported";`,
    "app/i18n/catalogue.ts": `export const all = ["only.inCatalogue"];`,
    "emails/mail.ts": `export const send = "email.subject";`,
  });

  it("follows a route's imports (aliased, relative, dynamic) and takes literals and template heads", async () => {
    const keys = await routeMessageKeys(known, join(base, "app"));
    expect(Object.keys(keys)).toEqual(["root", "routes/inbox", "routes/other"]);
    expect(keys.root).toEqual(["nav.home", "role.coordinator", "role.facilitator"]);
    expect(keys["routes/inbox"]).toEqual(["status.requested", "status.declined", "course.title"]);
    expect(keys["routes/other"]).toEqual(["only.otherRoute"]);
  });

  it("finds the app's page routes and the root", () => {
    const ids = pageRouteFiles().map((r) => r.id);
    expect(ids[0]).toBe("root");
    expect(ids).toContain("routes/coordinator.requests._index");
    expect(ids).not.toContain("routes/coordinator.evaluation[.]csv");
    expect(Object.keys(ROUTE_MESSAGE_KEYS).sort()).toEqual([...ids].sort());
  });
});

describe("messages sent to each page", () => {
  it("sends no page the email catalogue: emails are built on the server only", () => {
    const sent = Object.values(ROUTE_MESSAGE_KEYS).flat();
    expect(MESSAGE_KEYS.some((key) => key.startsWith("email."))).toBe(true);
    expect(sent.filter((key) => key.startsWith("email."))).toEqual([]);
  });

  it("picks a page's messages once per locale and routes, and the shared result cannot be changed", () => {
    const first = pageMessages("en", ["root", "routes/catalogue._index"]);
    expect(pageMessages("en", ["root", "routes/catalogue._index"])).toBe(first);
    expect(pageMessages("da", ["root", "routes/catalogue._index"])).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as Record<string, string>)["x.y"] = "z";
    }).toThrow();
  });

  it("sends a page its routes' messages in the user's language, and nothing else", () => {
    const login = pageMessages("en", ["root", "routes/login"]);
    expect(login["auth.login.title"]).toBeDefined();
    expect(login["nav.signIn"]).toBe("Sign in");
    expect(Object.keys(login).some((key) => key.startsWith("evaluation."))).toBe(false);
    expect(Object.keys(login).length).toBeLessThan(MESSAGE_KEYS.length / 10);
    expect(Object.keys(login).sort()).toEqual(
      [...new Set([...ROUTE_MESSAGE_KEYS.root, ...ROUTE_MESSAGE_KEYS["routes/login"]])].sort(),
    );
    // An unknown route id (e.g. the 404 page's splat) gets the layout's messages only.
    expect(Object.keys(pageMessages("da", ["root", "routes/unknown"])).sort()).toEqual(
      [...ROUTE_MESSAGE_KEYS.root].sort(),
    );
    // No route information: every message, as before.
    expect(Object.keys(pageMessages("da", undefined)).length).toBe(MESSAGE_KEYS.length);
  });

  it("sends the catalogue the labels it shows, not the request or course forms' texts (issue 12)", () => {
    const catalogue = Object.keys(pageMessages("da", ["root", "routes/catalogue._index"]));
    expect(catalogue).toContain("catalogue.title");
    expect(catalogue).toContain("request.field.grade");
    expect(catalogue).toContain("audience.pupils");
    const formTexts = catalogue.filter(
      (key) =>
        key.startsWith("request.window.") ||
        key.startsWith("course.field.") ||
        key === "request.field.location",
    );
    expect(formTexts).toEqual([]);
  });
});

describe("the coordinator inbox's messages (issue 12)", () => {
  it("are the inbox's own, not those of the request, track and session screens", () => {
    // Every message is serialised and gzipped into each response: the inbox got ~600 when its
    // loader's service module reached the track and session screens' keys.
    const inbox = Object.keys(pageMessages("da", ["root", "routes/coordinator.requests._index"]));
    expect(inbox).toContain("triage.inbox.title");
    expect(inbox).toContain("status.requested");
    expect(
      inbox.filter((key) =>
        /^(tracks|sessions|holidays|daypart|request\.field|course\.field)\./.test(key),
      ),
    ).toEqual([]);
    expect(inbox.length).toBeLessThan(200);
  });
});

describe("the messages the root loader sends (issue 12)", () => {
  it("are the page's messages as one JSON string, made once per page and locale", () => {
    const routes = ["root", "routes/catalogue._index"];
    const json = pageMessagesJson("en", routes);
    expect(JSON.parse(json)).toEqual({ ...pageMessages("en", routes) });
    expect(pageMessagesJson("en", routes)).toBe(json);
    expect(JSON.parse(pageMessagesJson("da", routes))["catalogue.title"]).toBe(
      pageMessages("da", routes)["catalogue.title"],
    );
  });

  it("are read back as the very object the server picked, without parsing them again", () => {
    const routes = ["root", "routes/login"];
    expect(messagesFromJson(pageMessagesJson("da", routes))).toBe(pageMessages("da", routes));
  });

  it("are parsed once per string in the browser, and anything but an object reads as none", () => {
    const sent = JSON.stringify({ "nav.signIn": "Log ind" });
    const parsed = messagesFromJson(sent);
    expect(parsed["nav.signIn"]).toBe("Log ind");
    expect(messagesFromJson(sent)).toBe(parsed);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(messagesFromJson("[1,2]")).toEqual({});
    expect(messagesFromJson("null")).toEqual({});
  });
});
