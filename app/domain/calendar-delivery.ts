/**
 * How a facilitator gets sessions into a calendar. Emailed invites (REQUEST/CANCEL with an .ics)
 * and the private feed each put every session in the calendar, so a facilitator who accepts the
 * invites AND subscribes to the feed sees every session twice (two calendars, one event each:
 * calendar programs do not merge a subscribed calendar with accepted invites, even with the same
 * UID). The facilitator chooses:
 * - `invites` (the default): emailed invites; the feed is not needed;
 * - `feed`: the feed only; the emails still come, as plain notices without a calendar file;
 * - `both`: both, knowing each session shows twice (e.g. the feed on another device).
 */
export const CALENDAR_DELIVERIES = ["invites", "feed", "both"] as const;
export type CalendarDelivery = (typeof CALENDAR_DELIVERIES)[number];

export function isCalendarDelivery(value: unknown): value is CalendarDelivery {
  return typeof value === "string" && (CALENDAR_DELIVERIES as readonly string[]).includes(value);
}

/** Do session emails to this facilitator carry the calendar file (REQUEST/CANCEL)? */
export function attachesCalendarFile(delivery: CalendarDelivery | undefined): boolean {
  return delivery !== "feed";
}

/** Does this choice use the private feed (so the page should offer its link)? */
export function usesFeed(delivery: CalendarDelivery): boolean {
  return delivery !== "invites";
}
