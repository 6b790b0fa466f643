/**
 * Facilitator unavailability: time blocks when a facilitator cannot be booked. The form schema is
 * shared by the browser and the action. Pure: no I/O.
 *
 * One form covers both kinds of block:
 * - a time span on one day: a date and from/to times (e.g. 5 March 13:00-16:00);
 * - whole days: a first and a last day, times left empty (e.g. 5-9 March).
 * An empty start time means the start of the day, an empty end time the end of the day, and an
 * empty end date the start date. Wall times are Europe/Copenhagen; a time in the spring-forward gap
 * is refused (`time.nonexistent`). Messages are keys from `app/i18n/facilitator.ts` and
 * `app/i18n/common.ts`.
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import { emptyToUndefined } from "./courses";
import { addDays, daysBetween, isValidDateString, isValidTimeString, utcToEpochMs } from "./time";
import { copenhagenToUtc } from "./timezone";
import { type BlockDescription, describeBlock } from "./unavailability-blocks";

export { type BlockDescription, describeBlock };

/** Longer blocks (a year's leave) are registered in pieces; catches mistyped years. */
export const MAX_BLOCK_DAYS = 366;
export const MAX_REASON_LENGTH = 200;

const optionalDate = z.preprocess(
  emptyToUndefined,
  z.string().trim().refine(isValidDateString, "facilitator.unavailability.date.invalid").optional(),
);

const optionalTime = z.preprocess(
  emptyToUndefined,
  z.string().trim().refine(isValidTimeString, "facilitator.unavailability.time.invalid").optional(),
);

export interface BlockParts {
  startDate: string;
  startTime?: string;
  endDate?: string;
  endTime?: string;
}

export type ResolvedBlock =
  | { ok: true; startsAt: string; endsAt: string }
  | { ok: false; path: keyof BlockParts; message: string };

/** The UTC start and end of a block from its form parts (see the module comment for the rules). */
export function resolveBlock(parts: BlockParts): ResolvedBlock {
  const endDate = parts.endDate ?? parts.startDate;
  const start = copenhagenToUtc(parts.startDate, parts.startTime ?? "00:00");
  if (!start.ok) {
    return { ok: false, path: parts.startTime ? "startTime" : "startDate", message: start.error };
  }
  // The end of a day is the next day's midnight (always exists: Danish clocks change at 02:00/03:00).
  const end = parts.endTime
    ? copenhagenToUtc(endDate, parts.endTime)
    : copenhagenToUtc(addDays(endDate, 1), "00:00");
  if (!end.ok) {
    return { ok: false, path: parts.endTime ? "endTime" : "endDate", message: end.error };
  }
  if (utcToEpochMs(end.utc) <= utcToEpochMs(start.utc)) {
    return {
      ok: false,
      path: parts.endTime ? "endTime" : "endDate",
      message: "facilitator.unavailability.order" satisfies MessageKey,
    };
  }
  if (daysBetween(parts.startDate, endDate) > MAX_BLOCK_DAYS) {
    return {
      ok: false,
      path: "endDate",
      message: "facilitator.unavailability.tooLong" satisfies MessageKey,
    };
  }
  return { ok: true, startsAt: start.utc, endsAt: end.utc };
}

export const unavailabilitySchema = z
  .object({
    startDate: z.preprocess(
      (value) => emptyToUndefined(value) ?? "",
      z
        .string()
        .trim()
        .min(1, "facilitator.unavailability.date.required")
        .refine(
          (value) => value === "" || isValidDateString(value),
          "facilitator.unavailability.date.invalid",
        ),
    ),
    startTime: optionalTime,
    endDate: optionalDate,
    endTime: optionalTime,
    reason: z.preprocess(
      (value) => value ?? "",
      z.string().trim().max(MAX_REASON_LENGTH, "facilitator.unavailability.reason.tooLong"),
    ),
  })
  .superRefine((block, ctx) => {
    const resolved = resolveBlock(block);
    if (!resolved.ok)
      ctx.addIssue({ code: "custom", path: [resolved.path], message: resolved.message });
  })
  .transform((block) => {
    const resolved = resolveBlock(block);
    // superRefine has refused every block that does not resolve.
    if (!resolved.ok) throw new Error("unreachable: unresolved unavailability block");
    return { startsAt: resolved.startsAt, endsAt: resolved.endsAt, reason: block.reason };
  });

export type UnavailabilityInput = z.input<typeof unavailabilitySchema>;
export type UnavailabilityValues = z.output<typeof unavailabilitySchema>;
