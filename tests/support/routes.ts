/**
 * Runs a route's loader or action in this process, on a test's own database: the app's `db()`
 * handle points at it for the call, and a real signed-in session (a row in auth_sessions and the
 * signed cookie) stands for the user, so `requireUser` runs as in production.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import type { CurrentUser } from "~/lib/guards.server";
import { sessionStorage } from "~/lib/session.server";
import type { DB } from "../../db/connection";
import { insertAuthSession } from "../../db/queries/auth";

const TEST_APP_URL = "http://frirum.test";

/** Runs `run` with the app's database handle (`db()`) set to `db`. */
export async function withAppDb<T>(db: DB, run: () => Promise<T>): Promise<T> {
  const previous = globalThis.__frirumDb;
  globalThis.__frirumDb = db;
  try {
    return await run();
  } finally {
    globalThis.__frirumDb = previous;
  }
}

/** The `Cookie` header of a new signed-in session of `actor` (valid for a day). */
export async function signedInCookie(db: DB, actor: CurrentUser): Promise<string> {
  const sid = `test-session-${actor.id}-${Math.random()}`;
  await insertAuthSession(db, {
    id: sid,
    userId: actor.id,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const storage = sessionStorage();
  const session = await storage.getSession();
  session.set("sid", sid);
  return (await storage.commitSession(session)).split(";")[0];
}

/**
 * POSTs `fields` (a form without JavaScript) to a route's action as `actor`. Answers what the
 * action returned, or what it threw (a redirect or an error `Response`), so a test can assert on
 * either.
 */
export async function postToAction(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  options: {
    db: DB;
    actor: CurrentUser;
    path: string;
    params?: Record<string, string>;
    fields: Record<string, string>;
  },
): Promise<unknown> {
  const cookie = await signedInCookie(options.db, options.actor);
  return withAppDb(options.db, async () => {
    try {
      return await action({
        request: new Request(`${TEST_APP_URL}${options.path}`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: new URLSearchParams(options.fields),
        }),
        params: options.params ?? {},
        context: {},
      });
    } catch (error) {
      return error;
    }
  });
}
