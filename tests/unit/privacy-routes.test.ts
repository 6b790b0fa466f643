import { describe, expect, it } from "vitest";
import { isPrivateRoute } from "~/domain/privacy-routes";

describe("routes left out of the request log", () => {
  it.each(["/f", "/f/ABC234", "/f/ABC234/tak", "/f.data", "/feeds/secret-token.ics"])(
    "%s is private",
    (path) => {
      expect(isPrivateRoute(path)).toBe(true);
    },
  );
  it.each(["/facilitator", "/feedback-admin", "/login", "/sessions/4/feedback"])(
    "%s is logged",
    (path) => {
      expect(isPrivateRoute(path)).toBe(false);
    },
  );
});
