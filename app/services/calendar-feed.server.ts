/**
 * Private calendar feeds (see /work/shared/design/calendar-invites.md, "Private calendar feeds"):
 * one random token (32 bytes) per facilitator, stored only as a SHA-256 hash, shown once when
 * issued; issuing a new one revokes the old. The feed is METHOD:PUBLISH without attendees, with
 * each session's stable UID and SEQUENCE, and cancelled sessions as STATUS:CANCELLED for 30 days.
 */
import { createHash } from "node:crypto";
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  findCalendarFeedOfUser,
  findFeedOwnerByTokenHash,
  listFeedSessions,
  replaceCalendarFeedToken,
} from "../../db/queries/feeds";
import { findCalendarDelivery, setCalendarDelivery } from "../../db/queries/users";
import { writeTransaction } from "../../db/write-transaction";
import { buildCalendarFeed, type FeedEventInput } from "../../emails/calendar";
import { type CalendarDelivery, usesFeed } from "../domain/calendar-delivery";
import { hashToken, randomToken } from "../lib/crypto.server";
import type { CurrentUser } from "../lib/guards.server";
import {
  forbidden,
  found,
  type Invalid,
  invalid,
  isNotFound,
  type NotFound,
  notFound,
} from "./result";

/** How far back the feed reaches, and how long a cancelled session stays in it. */
export const FEED_HISTORY_DAYS = 30;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43,128}$/;

export interface FeedUrls {
  https: string;
  webcal: string;
}

/** The subscription URLs of a token: the http(s) one and the `webcal://` form calendars open. */
export function feedUrls(appUrl: string, token: string): FeedUrls {
  const https = `${appUrl.replace(/\/$/, "")}/feeds/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, "webcal://") };
}

/**
 * Whether the facilitator has a feed (its token cannot be shown again: only the hash is kept) and
 * how they want sessions delivered (invites, feed or both).
 */
export async function loadCalendarFeedPage(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "calendarFeed.manage", { userId: actor.id })) return notFound();
  const [feed, delivery] = await Promise.all([
    findCalendarFeedOfUser(db, actor.id),
    findCalendarDelivery(db, actor.id),
  ]);
  return found({ feed: feed ? { createdAt: feed.created_at } : null, delivery });
}

export type IssueIntent = "create" | "regenerate";

export type IssueResult =
  | { ok: true; token: string; urls: FeedUrls; regenerated: boolean }
  | Invalid;

/**
 * Issues a token for the facilitator's feed. `create` only when there is none (a second "create",
 * e.g. a form sent twice, changes nothing); `regenerate` (an explicit, confirmed choice) replaces
 * it, and the previous token stops working at once.
 */
export async function issueCalendarFeedToken(
  db: DB,
  actor: CurrentUser,
  appUrl: string,
  now: Date,
  intent: IssueIntent = "create",
): Promise<IssueResult | NotFound> {
  if (forbidden(actor, "calendarFeed.manage", { userId: actor.id })) return notFound();
  const token = randomToken(32);
  const regenerated = await writeTransaction(db, async (trx) => {
    const existing = await findCalendarFeedOfUser(trx, actor.id);
    if (existing && intent === "create") return null;
    await replaceCalendarFeedToken(trx, actor.id, hashToken(token), now.toISOString());
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: existing ? "calendarFeed.regenerated" : "calendarFeed.created",
      entityType: "user",
      entityId: actor.id,
    });
    return Boolean(existing);
  });
  if (regenerated === null) return invalid({ _form: "facilitator.feed.alreadyExists" });
  return { ok: true, token, urls: feedUrls(appUrl, token), regenerated };
}

/**
 * Stores how the facilitator wants sessions in a calendar (audited). Choosing the feed when there
 * is no feed link yet creates one, shown once in the result.
 */
export async function chooseCalendarDelivery(
  db: DB,
  actor: CurrentUser,
  delivery: CalendarDelivery,
  appUrl: string,
  now: Date,
) {
  if (forbidden(actor, "calendarFeed.manage", { userId: actor.id })) return notFound();
  const previous = await writeTransaction(db, async (trx) => {
    const before = await findCalendarDelivery(trx, actor.id);
    if (before !== delivery) {
      await setCalendarDelivery(trx, actor.id, delivery);
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "calendarDelivery.changed",
        entityType: "user",
        entityId: actor.id,
        details: { from: before, to: delivery },
      });
    }
    return before;
  });
  const needsFeed =
    usesFeed(delivery) && previous !== delivery && !(await findCalendarFeedOfUser(db, actor.id));
  const issued = needsFeed ? await issueCalendarFeedToken(db, actor, appUrl, now, "create") : null;
  if (issued && isNotFound(issued)) return issued;
  return found({ delivery, issued });
}

export interface RenderedFeed {
  body: string;
  etag: string;
}

/**
 * The feed body for a token, or null for an unknown or revoked token or a deactivated user.
 * The body is stable while nothing changes (DTSTAMP = the latest session change), so its hash
 * serves as the ETag.
 */
export async function renderCalendarFeed(
  db: DB,
  token: string,
  options: { now: Date; appUrl: string },
): Promise<RenderedFeed | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const owner = await findFeedOwnerByTokenHash(db, hashToken(token));
  if (!owner) return null;
  const since = new Date(options.now.getTime() - FEED_HISTORY_DAYS * 86_400_000).toISOString();
  const sessions = await listFeedSessions(db, owner.id, since);
  const appUrl = options.appUrl.replace(/\/$/, "");
  const events: FeedEventInput[] = sessions.map((s) => {
    const url = `${appUrl}/facilitator/sessions/${s.id}`;
    return {
      uid: s.uid,
      sequence: s.sequence,
      startUtc: s.starts_at,
      endUtc: s.ends_at,
      title: `${s.status === "cancelled" ? "AFLYST: " : ""}${s.course_title} – ${s.school_name}`,
      location: s.location || s.school_address,
      // Only what is needed to find the session; contact details stay behind the sign-in.
      description: [s.school_name, s.school_address, url].filter(Boolean).join("\n"),
      status: s.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      url,
    };
  });
  // ISO strings sort as time: the latest change is the last one.
  const lastChange = [owner.feed_created_at, ...sessions.map((s) => s.updated_at)].sort().at(-1);
  const body = buildCalendarFeed({
    name: `Frirum – ${owner.name}`,
    events,
    stamp: new Date(lastChange ?? owner.feed_created_at),
  });
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  return { body, etag };
}

/** Does an If-None-Match header match the ETag (weak comparison, lists and `*` included)? */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag.replace(/^W\//, "") === bare);
}
