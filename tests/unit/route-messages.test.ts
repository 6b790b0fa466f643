import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_KEYS } from "~/i18n";
import { messagesFromJson } from "~/i18n/format";
import {
  LAYOUT_MESSAGES,
  pageMessages,
  pageMessagesJson,
  ROUTE_MESSAGES,
} from "~/i18n/route-messages.server";
import { keysUsedBy, reachableModules } from "../support/message-keys";

const APP = resolve(import.meta.dirname, "../../app");
const pageRoutes = readdirSync(join(APP, "routes"))
  .filter((file) => file.endsWith(".tsx"))
  .map((file) => ({ id: `routes/${file.replace(/\.tsx$/, "")}`, file: join(APP, "routes", file) }));

const covers = (prefixes: readonly string[], key: string) =>
  prefixes.some((p) => key === p || (p.endsWith(".") && key.startsWith(p)));

describe("messages sent to each page", () => {
  it("the layout's cover every key the root module and its imports can show", () => {
    const used = keysUsedBy(reachableModules(join(APP, "root.tsx")), MESSAGE_KEYS);
    expect([...used].filter((key) => !covers(LAYOUT_MESSAGES, key))).toEqual([]);
  });

  for (const route of pageRoutes) {
    it(`${route.id}: covers every key the route and its imports can show`, () => {
      const declared = ROUTE_MESSAGES[route.id];
      expect(declared, `add "${route.id}" to ROUTE_MESSAGES`).toBeDefined();
      const used = keysUsedBy(reachableModules(route.file), MESSAGE_KEYS);
      const missing = [...used].filter(
        (key) => !covers(LAYOUT_MESSAGES, key) && !covers(declared ?? [], key),
      );
      expect(missing, `add these (or their prefixes) to ROUTE_MESSAGES["${route.id}"]`).toEqual([]);
    });
  }

  it("lists only routes that exist, and prefixes that match a message", () => {
    expect(Object.keys(ROUTE_MESSAGES).sort()).toEqual(pageRoutes.map((r) => r.id).sort());
    const unmatched = [...LAYOUT_MESSAGES, ...Object.values(ROUTE_MESSAGES).flat()].filter(
      (prefix) => !MESSAGE_KEYS.some((key) => covers([prefix], key)),
    );
    expect(unmatched).toEqual([]);
  });

  it("sends no page the email catalogue: emails are built on the server only", () => {
    const emailKeys = MESSAGE_KEYS.filter((key) => key.startsWith("email."));
    expect(emailKeys.length).toBeGreaterThan(0);
    const sent = [...LAYOUT_MESSAGES, ...Object.values(ROUTE_MESSAGES).flat()];
    expect(emailKeys.filter((key) => covers(sent, key))).toEqual([]);
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
    // An unknown route id (e.g. the 404 page's splat) gets the layout's messages only.
    expect(Object.keys(pageMessages("da", ["root", "routes/unknown"])).sort()).toEqual(
      MESSAGE_KEYS.filter((key) => covers(LAYOUT_MESSAGES, key)).sort(),
    );
    // No route information: every message, as before.
    expect(Object.keys(pageMessages("da", undefined)).length).toBe(MESSAGE_KEYS.length);
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
