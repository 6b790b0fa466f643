/**
 * Schemas for the actions on an existing request (cancel, mark in progress, decline) and for the
 * coordinator's inbox query string. Pure; shared by the route components and their actions.
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import { AUDIENCES } from "./course-options";
import { emptyToUndefined } from "./courses";
import { COHORT_FILTERS, INBOX_SORTS } from "./inbox";
import { DECLINE_REASON_MAX, REQUEST_STATUSES } from "./request-rules";

export { COHORT_FILTERS, INBOX_PAGE_SIZE, INBOX_SORTS, inboxSearch } from "./inbox";
export { DECLINE_REASON_MAX };

/** The request's `version` as the form saw it (stale-form protection). */
export const versionField = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "triage.stale" satisfies MessageKey })
    .int("triage.stale" satisfies MessageKey)
    .min(1, "triage.stale" satisfies MessageKey),
);

export const requestVersionSchema = z.object({ version: versionField });

/** The decline form as the browser validates it (the version is a plain hidden field). */
export const declineReasonSchema = z.object({
  reason: z
    .string({ error: "triage.decline.reason.required" satisfies MessageKey })
    .trim()
    .min(1, "triage.decline.reason.required")
    .max(DECLINE_REASON_MAX, "triage.decline.reason.tooLong"),
});

/** The decline form as the action parses it. */
export const declineRequestSchema = declineReasonSchema.extend({ version: versionField });
export type DeclineRequestInput = z.output<typeof declineRequestSchema>;

/** A positive whole id from a URL or form ("12"), else null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

const optionalId = z.preprocess(
  (value) => parseId(value) ?? undefined,
  z.number().int().positive().optional(),
);

/**
 * The inbox's query string. Unknown or malformed values are ignored (an old bookmark or a hand-edited
 * URL shows the unfiltered list instead of an error).
 */
export const inboxQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  audience: z.enum(AUDIENCES).optional().catch(undefined),
  school: optionalId.catch(undefined),
  cohort: z.enum(COHORT_FILTERS).optional().catch(undefined),
  course: optionalId.catch(undefined),
  // The default first: an absent sort (most requests) must not take zod's error path, which
  // builds an issue and its message only for `.catch` to drop them.
  sort: z.enum(INBOX_SORTS).default("oldest").catch("oldest"),
  page: z.preprocess(
    (value) => parseId(value) ?? 1,
    z.number().int().min(1).max(1_000_000).catch(1),
  ),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const raw: Record<string, string> = {};
  for (const key of ["status", "audience", "school", "cohort", "course", "sort", "page"]) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return inboxQuerySchema.parse(raw);
}
