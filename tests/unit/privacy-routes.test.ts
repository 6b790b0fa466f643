import { describe, expect, it } from "vitest";
import { isPrivateRoute, loggableUrl, normalizeRoutePath } from "~/domain/privacy-routes";

describe("routes left out of the request log", () => {
  it.each([
    "/f",
    "/f/ABC234",
    "/f/ABC234/tak",
    "/f.data",
    "/f/ABC234.data",
    "/feeds/secret-token.ics",
    // Spellings the router serves too: it ignores case, decodes, and allows extra slashes.
    "/F",
    "/F/ABC234",
    "/%66/ABC234",
    "/%46/abc234",
    "/f//ABC234/",
    "//f/ABC234",
    "/F/ABC234/TAK",
    "/FEEDS/secret.ics",
    "/%66%65%65%64%73/secret.ics",
    "/F?code=ABC234",
  ])("%s is private", (path) => {
    expect(isPrivateRoute(path)).toBe(true);
  });
  it.each([
    "/facilitator",
    "/feedback-admin",
    "/login",
    "/sessions/4/feedback",
    "/fe",
    "/_root.data",
  ])("%s is logged", (path) => {
    expect(isPrivateRoute(path)).toBe(false);
  });
});

describe("normalizeRoutePath", () => {
  it.each([
    ["/F/ABC234/", "/f/abc234"],
    ["/%66/x%20y", "/f/x y"],
    ["/a//b///c", "/a/b/c"],
    ["/_root.data", "/"],
    ["/catalogue.data", "/catalogue"],
    ["/bad%E0%A4%A", "/bad%e0%a4%a"],
    ["/", "/"],
  ])("%s reads as %s", (path, normalized) => {
    expect(normalizeRoutePath(path)).toBe(normalized);
  });
});

describe("loggableUrl", () => {
  it("keeps the path and the names of query parameters, never their values", () => {
    expect(loggableUrl("/auth/verify?token=abc.def-123")).toBe("/auth/verify?token=…");
    expect(loggableUrl("/coordinator/requests?status=requested&school=3")).toBe(
      "/coordinator/requests?status=…&school=…",
    );
    expect(loggableUrl("/login")).toBe("/login");
    expect(loggableUrl("/login?")).toBe("/login");
    expect(loggableUrl("/x?a%20b=1")).toBe("/x?a%20b=…");
  });
});
