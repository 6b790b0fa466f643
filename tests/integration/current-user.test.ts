/**
 * The signed-in user of a request (app/lib/guards.server.ts): a page's loaders share one lookup
 * per GET, and a request that may change state looks up afresh (issue 12). That Remix hands the
 * loaders one Request is tests/unit/loader-request.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CurrentUser, getCurrentUser } from "~/lib/guards.server";
import { deleteAuthSessionsOfUser } from "../../db/queries/auth";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { signedInCookie, withAppDb } from "../support/routes";

let t: TestDb;
let coordinator: CurrentUser;

beforeEach(async () => {
  t = await createTestDb({ seed: true });
  coordinator = await actorFor(t.db, "koordinator@frirum.test");
});
afterEach(async () => {
  await t.cleanup();
});

function request(method: "GET" | "POST", cookie: string): Request {
  return new Request("http://frirum.test/catalogue", { method, headers: { Cookie: cookie } });
}

describe("getCurrentUser", () => {
  it("looks the user of a GET up once: every loader of the page gets the same answer", async () => {
    const cookie = await signedInCookie(t.db, coordinator);
    await withAppDb(t.db, async () => {
      const page = request("GET", cookie);
      const first = await getCurrentUser(page);
      expect(first?.email).toBe("koordinator@frirum.test");
      // Signed out elsewhere in the meantime: this page's loaders still agree with each other...
      await deleteAuthSessionsOfUser(t.db, coordinator.id);
      expect(await getCurrentUser(page)).toBe(first);
      // ...and the next page is anonymous.
      expect(await getCurrentUser(request("GET", cookie))).toBeNull();
    });
  });

  it("looks up afresh on every call for a POST (its action may sign out or change the user)", async () => {
    const cookie = await signedInCookie(t.db, coordinator);
    await withAppDb(t.db, async () => {
      const post = request("POST", cookie);
      expect((await getCurrentUser(post))?.email).toBe("koordinator@frirum.test");
      await deleteAuthSessionsOfUser(t.db, coordinator.id);
      expect(await getCurrentUser(post)).toBeNull();
    });
  });
});
