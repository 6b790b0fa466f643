import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { env } from "./env.server";

const SESSION_DAYS = 14;
export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 60 * 60;

function secure() {
  return env().appUrl.startsWith("https://");
}

type SessionData = { sid: string };
let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;

/** Signed, httpOnly, SameSite=Lax cookie holding only the id of a DB-backed auth session. */
export function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "frirum_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secure(),
      secrets: env().sessionSecrets,
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  });
  return storage;
}

/** The UI language, remembered for a year; not personal data. */
export const localeCookie = createCookie("frirum_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});
