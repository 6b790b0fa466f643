import { describe, expect, it } from "vitest";
import { currentNavItem, navigationFor } from "~/domain/navigation";

describe("currentNavItem", () => {
  const coordinator = navigationFor("coordinator", { localMailbox: true });

  it.each([
    ["/coordinator", "/coordinator"],
    ["/coordinator/reports/2024", "/coordinator/reports"],
    ["/coordinator/requests/12/schedule", "/coordinator/requests"],
    ["/coordinator/tracks/templates/3", "/coordinator/tracks"],
    ["/dev/mailbox/4", "/dev/mailbox"],
    ["/coordinatorx", null],
    ["/catalogue", null],
  ])("on %s marks %s and nothing else", (pathname, expected) => {
    expect(currentNavItem(coordinator, pathname)).toBe(expected);
  });
});
