import { redirect } from "@remix-run/node";
import { deleteAuthSession, findActiveSessionUser } from "../../db/queries/auth";
import type { Actor, Role } from "../domain/permissions";
import { safeRedirectTarget } from "../domain/redirects";
import { db } from "./db.server";
import { sessionStorage } from "./session.server";

export interface CurrentUser extends Actor {
  email: string;
  name: string;
  languages: string[];
}

async function readSessionId(request: Request): Promise<string | undefined> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = session.get("sid");
  return typeof id === "string" ? id : undefined;
}

/**
 * The signed-in user of a request. A page's loaders run on the one `Request` (Remix hands each the
 * same object): the root loader and the page's own both ask, and a GET looks the user up once
 * (the cookie's signature checked and the session read once, not per loader; issue 12). A request
 * that may change state (a POST: an action runs before the loaders, and may sign out or change the
 * user) looks up afresh every time.
 */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return lookUpCurrentUser(request);
  let user = usersOfReadRequests.get(request);
  if (!user) {
    user = lookUpCurrentUser(request);
    usersOfReadRequests.set(request, user);
  }
  return user;
}

const usersOfReadRequests = new WeakMap<Request, Promise<CurrentUser | null>>();

async function lookUpCurrentUser(request: Request): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const row = await findActiveSessionUser(db(), sessionId, new Date().toISOString());
  return row ? currentUserFromRow(row) : null;
}

/** The `CurrentUser` of a user row as db/queries returns it (languages decoded). */
export function currentUserFromRow(row: {
  id: number;
  email: string;
  name: string;
  role: Role;
  school_id: number | null;
  languages: string[];
}): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    schoolId: row.school_id,
    languages: row.languages,
  };
}

/** Signed-in user (optionally of given roles), else a redirect to the sign-in page / a 403. */
export async function requireUser(request: Request, roles?: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (roles && !roles.includes(user.role)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

export async function startUserSession(request: Request, sessionId: string, redirectTo: string) {
  const storage = sessionStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("sid", sessionId);
  return redirect(safeRedirectTarget(redirectTo), {
    headers: { "Set-Cookie": await storage.commitSession(session) },
  });
}

export async function endUserSession(request: Request) {
  const storage = sessionStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const sid = session.get("sid");
  if (typeof sid === "string") await deleteAuthSession(db(), sid);
  return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(session) } });
}

/** The client key for rate limits: the socket address passed in by the server, else a constant. */
export function clientKey(context: unknown): string {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp;
  return ip ?? "local";
}
