import type { DB } from "../connection";
import { withLanguageList } from "../json";
import { reusableQuery } from "../reusable-query";

export async function insertSignInToken(
  db: DB,
  token: { tokenHash: string; userId: number; expiresAt: string; redirectTo?: string | null },
) {
  await db
    .insertInto("sign_in_tokens")
    .values({
      token_hash: token.tokenHash,
      user_id: token.userId,
      expires_at: token.expiresAt,
      redirect_to: token.redirectTo ?? null,
    })
    .execute();
}

export function findSignInToken(db: DB, tokenHash: string) {
  return db
    .selectFrom("sign_in_tokens")
    .innerJoin("users", "users.id", "sign_in_tokens.user_id")
    .select([
      "sign_in_tokens.id",
      "sign_in_tokens.user_id",
      "sign_in_tokens.expires_at",
      "sign_in_tokens.used_at",
      "sign_in_tokens.redirect_to",
      "users.active as user_active",
    ])
    .where("sign_in_tokens.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks a token used only if it still is unused: returns false when another request won. */
export async function consumeSignInToken(db: DB, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("sign_in_tokens")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes sign-in links past their expiry (used or not); returns how many. */
export async function deleteExpiredSignInTokens(db: DB, now: string): Promise<number> {
  const result = await db
    .deleteFrom("sign_in_tokens")
    .where("expires_at", "<", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions past their expiry; returns how many. */
export async function deleteExpiredAuthSessions(db: DB, now: string): Promise<number> {
  const result = await db
    .deleteFrom("auth_sessions")
    .where("expires_at", "<", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertAuthSession(
  db: DB,
  session: { id: string; userId: number; expiresAt: string },
) {
  await db
    .insertInto("auth_sessions")
    .values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt })
    .execute();
}

/** The signed-in user of a live session (languages decoded), or undefined. */
/** The active user of a live session: run on every staff page, so built and compiled once. */
export async function findActiveSessionUser(db: DB, sessionId: string, now: string) {
  const row = await activeSessionUser.first(db, sessionId, now);
  return row && withLanguageList(row);
}

const activeSessionUser = reusableQuery((db: DB, sessionId: string, now: string) =>
  db
    .selectFrom("auth_sessions")
    .innerJoin("users", "users.id", "auth_sessions.user_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.school_id",
      "users.languages",
    ])
    .where("auth_sessions.id", "=", sessionId)
    .where("auth_sessions.expires_at", ">", now)
    .where("users.active", "=", 1),
);

export async function deleteAuthSession(db: DB, sessionId: string) {
  await db.deleteFrom("auth_sessions").where("id", "=", sessionId).execute();
}

export async function deleteAuthSessionsOfUser(db: DB, userId: number) {
  await db.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
}
