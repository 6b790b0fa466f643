import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { etagMatches, renderCalendarFeed } from "~/services/calendar-feed.server";

/** `private`: the path holds the token, so it is never logged (app/lib/route-privacy.server.ts). */
export const handle = { private: true };

/**
 * `GET /feeds/<token>.ics`: a facilitator's private calendar feed (the token is the only key, so
 * the route needs no sign-in). Unknown, revoked or deactivated: 404.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await renderCalendarFeed(db(), token, { now: new Date(), appUrl: env().appUrl });
  if (!feed) {
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'inline; filename="frirum.ics"',
    "Cache-Control": "private, max-age=600",
    ETag: feed.etag,
  };
  if (etagMatches(request.headers.get("If-None-Match"), feed.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(feed.body, { status: 200, headers });
}
