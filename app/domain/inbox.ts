/**
 * The coordinator's inbox views: sorts, cohort filters and their query strings. No zod (the query
 * schema is in ./request-actions), so the inbox page does not download the validation library.
 */
import type { InboxQuery } from "./request-actions";
import type { RequestStatus } from "./request-rules";

export const INBOX_PAGE_SIZE = 50;
export const INBOX_SORTS = ["oldest", "newest"] as const;
export const COHORT_FILTERS = ["pilot", "standard"] as const;

/** The query string for an inbox view (empty values dropped; page 1 and the default sort omitted). */
export function inboxSearch(query: Partial<InboxQuery>): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.audience) params.set("audience", query.audience);
  if (query.school) params.set("school", String(query.school));
  if (query.cohort) params.set("cohort", query.cohort);
  if (query.course) params.set("course", String(query.course));
  if (query.sort && query.sort !== "oldest") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * How many requests an inbox view holds, from its counts per status (which follow every filter
 * but the status): the chosen status's count, or all of them.
 */
export function inboxTotal(
  counts: Partial<Record<RequestStatus, number>>,
  status: RequestStatus | undefined,
): number {
  if (status !== undefined) return counts[status] ?? 0;
  let total = 0;
  for (const count of Object.values(counts)) total += count ?? 0;
  return total;
}
