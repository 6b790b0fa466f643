import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "~/domain/redirects";

describe("safeRedirectTarget", () => {
  it.each([
    "/",
    "/coordinator",
    "/coordinator/requests?status=requested&sort=oldest",
    "/school/requests/12#history",
    "/catalogue/workshop-rettigheder-og-frihed",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeRedirectTarget(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example/"],
    ["backslash after the slash", "/\\evil.example/"],
    ["backslash later", "/a\\..\\..\\evil"],
    ["tab between the slashes", "/\t/evil.example"],
    ["newline between the slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["a space", "/ /evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme", "javascript:alert(1)"],
    ["a data URL", "data:text/html,hi"],
    ["a relative path", "coordinator"],
    ["empty", ""],
    ["three slashes", "///evil.example"],
  ])("refuses %s", (_label, target) => {
    expect(safeRedirectTarget(target)).toBe("/");
    expect(safeRedirectTarget(target, "/school")).toBe("/school");
  });

  it("refuses what is not a string and very long targets", () => {
    expect(safeRedirectTarget(null)).toBe("/");
    expect(safeRedirectTarget(undefined, "/login")).toBe("/login");
    expect(safeRedirectTarget(["/a"])).toBe("/");
    expect(safeRedirectTarget(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectTarget("/a/../../b")).toBe("/b");
    expect(safeRedirectTarget("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
