/** Private calendar feeds: one hashed token per facilitator, and the sessions a feed shows. */
import type { DB } from "../connection";

export function findCalendarFeedOfUser(db: DB, userId: number) {
  return db
    .selectFrom("calendar_feeds")
    .select(["user_id", "created_at"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Sets the user's feed token (hash); an earlier token stops working at once. */
export async function replaceCalendarFeedToken(
  db: DB,
  userId: number,
  tokenHash: string,
  now: string,
) {
  await db
    .insertInto("calendar_feeds")
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: now }),
    )
    .execute();
}

/** The owner of a feed token (hash), only when an active facilitator. */
export function findFeedOwnerByTokenHash(db: DB, tokenHash: string) {
  return db
    .selectFrom("calendar_feeds")
    .innerJoin("users", "users.id", "calendar_feeds.user_id")
    .select(["users.id", "users.name", "calendar_feeds.created_at as feed_created_at"])
    .where("calendar_feeds.token_hash", "=", tokenHash)
    .where("users.active", "=", 1)
    .where("users.role", "=", "facilitator")
    .executeTakeFirst();
}

/**
 * The sessions of a facilitator's feed: those starting at or after `since`; cancelled ones only
 * when cancelled at or after `since` (so they show as cancelled for a while, then drop out).
 */
export function listFeedSessions(db: DB, userId: number, since: string) {
  return db
    .selectFrom("session_facilitators")
    .innerJoin("sessions", "sessions.id", "session_facilitators.session_id")
    .innerJoin("schools", "schools.id", "sessions.school_id")
    .innerJoin("courses", "courses.id", "sessions.course_id")
    .innerJoin("requests", "requests.id", "sessions.request_id")
    .select([
      "sessions.id",
      "sessions.uid",
      "sessions.sequence",
      "sessions.starts_at",
      "sessions.ends_at",
      "sessions.location",
      "sessions.status",
      "sessions.updated_at",
      "schools.name as school_name",
      "schools.address as school_address",
      "courses.title as course_title",
      "requests.contact_name",
      "requests.contact_phone",
    ])
    .where("session_facilitators.user_id", "=", userId)
    .where("sessions.starts_at", ">=", since)
    .where((eb) =>
      eb.or([
        eb("sessions.status", "!=", "cancelled"),
        eb(eb.fn.coalesce("sessions.cancelled_at", "sessions.updated_at"), ">=", since),
      ]),
    )
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .execute();
}
