import type { DB } from "../../db/connection";
import {
  consumeSignInToken,
  deleteExpiredSignInTokens,
  findSignInToken,
  insertAuthSession,
  insertSignInToken,
} from "../../db/queries/auth";
import { listDemoAccounts } from "../../db/queries/demo";
import { findUserByEmail, findUserById, findUserLocale } from "../../db/queries/users";
import type { Role } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { signInEmail } from "../../emails/sign-in";
import { safeRedirectTarget } from "../domain/redirects";
import { hashToken, randomToken } from "../lib/crypto.server";
import { queueEmail } from "../lib/mailer.server";
import { withinRateLimit } from "../lib/rate-limit.server";
import { SESSION_MAX_AGE_SECONDS } from "../lib/session.server";

export const SIGN_IN_TOKEN_MINUTES = 15;
export const SIGN_IN_LIMIT_PER_EMAIL = 5;
export const SIGN_IN_LIMIT_PER_CLIENT = 30;
const RATE_WINDOW_MS = 15 * 60 * 1000;

export type SignInRequestResult = { ok: true } | { ok: false; error: "auth.rateLimited" };

/**
 * Sends a sign-in link when the email belongs to an active user. The caller shows the same answer
 * whether or not it does, so the form cannot be used to find out who has an account.
 * `redirectTo` (the page the user wanted, from `/login?redirectTo=`) is kept with the token when
 * it is a same-origin path, so the link opens that page after signing in, on any device.
 */
export async function requestSignIn(
  db: DB,
  input: { email: string; clientKey: string; appUrl: string; now?: Date; redirectTo?: unknown },
): Promise<SignInRequestResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const perEmail = await withinRateLimit(
    db,
    `sign-in:email:${email}`,
    SIGN_IN_LIMIT_PER_EMAIL,
    RATE_WINDOW_MS,
    now,
  );
  const perClient = await withinRateLimit(
    db,
    `sign-in:client:${input.clientKey}`,
    SIGN_IN_LIMIT_PER_CLIENT,
    RATE_WINDOW_MS,
    now,
  );
  if (!perEmail || !perClient) return { ok: false, error: "auth.rateLimited" };

  const user = await findUserByEmail(db, email);
  if (!user?.active) return { ok: true };

  const token = randomToken(32);
  await writeTransaction(db, async (trx) => {
    await deleteExpiredSignInTokens(trx, now.toISOString());
    await insertSignInToken(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + SIGN_IN_TOKEN_MINUTES * 60_000).toISOString(),
      redirectTo: safeRedirectTarget(input.redirectTo, "") || null,
    });
    await queueEmail(
      trx,
      user.email,
      "sign-in",
      signInEmail(await findUserLocale(trx, user.id), {
        name: user.name,
        url: `${input.appUrl}/auth/verify?token=${encodeURIComponent(token)}`,
        minutesValid: SIGN_IN_TOKEN_MINUTES,
      }),
    );
  });
  return { ok: true };
}

export type TokenProblem = "invalid" | "expired" | "used";

/** Looks at a token without using it (the confirm page shows the problem before any click). */
export async function inspectSignInToken(
  db: DB,
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; problem: TokenProblem }> {
  if (!token || token.length > 200) return { ok: false, problem: "invalid" };
  const row = await findSignInToken(db, hashToken(token));
  if (!row?.user_active) return { ok: false, problem: "invalid" };
  if (row.used_at) return { ok: false, problem: "used" };
  if (row.expires_at <= now.toISOString()) return { ok: false, problem: "expired" };
  return { ok: true };
}

/**
 * Uses a token once and opens a fresh DB-backed session for its user. `redirectTo` is the page
 * stored with the token (checked again: same-origin paths only), or null.
 */
export async function completeSignIn(
  db: DB,
  token: string,
  now: Date = new Date(),
): Promise<
  | { ok: true; sessionId: string; userId: number; role: Role; redirectTo: string | null }
  | { ok: false; problem: TokenProblem }
> {
  const inspected = await inspectSignInToken(db, token, now);
  if (!inspected.ok) return inspected;
  // Reads the token, then uses it: a write transaction, or a sign-in at the moment another
  // instance writes fails on SQLite ("database is locked").
  return writeTransaction(db, async (trx) => {
    const row = await findSignInToken(trx, hashToken(token));
    if (!row) return { ok: false as const, problem: "invalid" as const };
    const won = await consumeSignInToken(trx, row.id, now.toISOString());
    if (!won) return { ok: false as const, problem: "used" as const };
    const user = await findUserById(trx, row.user_id);
    if (!user) return { ok: false as const, problem: "invalid" as const };
    const sessionId = randomToken(32);
    await insertAuthSession(trx, {
      id: sessionId,
      userId: row.user_id,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString(),
    });
    return {
      ok: true as const,
      sessionId,
      userId: row.user_id,
      role: user.role,
      redirectTo: safeRedirectTarget(row.redirect_to, "") || null,
    };
  });
}

/** The demo accounts a demo installation's sign-in page lists (users marked is_demo). */
export function loadDemoAccounts(db: DB) {
  return listDemoAccounts(db);
}
