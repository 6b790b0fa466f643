/**
 * The action both unavailability pages share (the facilitator's own and the coordinator's view of
 * one facilitator): reads the posted form, then calls the service to add or remove a block. Also
 * the blocks' labels for their loaders.
 */

import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { formatDate, formatTimeRange } from "~/domain/time";
import { unavailabilitySchema } from "~/domain/unavailability";
import { describeBlock } from "~/domain/unavailability-blocks";
import { type Locale, translate } from "~/i18n";
import { addUnavailability, removeUnavailability } from "~/services/facilitator.server";
import type { DB } from "../../db/connection";
import type { FieldErrors } from "../domain/forms";
import type { CurrentUser } from "./guards.server";
import { orNotFound } from "./results.server";

export type UnavailabilityActionResult =
  | { intent: "add"; ok: true; overlappingSessions: number }
  | { intent: "add"; ok: false; errors: FieldErrors; values: Record<string, unknown> }
  | { intent: "remove"; ok: true };

export async function unavailabilityAction(
  db: DB,
  actor: CurrentUser,
  facilitatorId: number,
  formData: FormData,
  now: Date,
): Promise<UnavailabilityActionResult> {
  if (formData.get("intent") === "remove") {
    orNotFound(
      await removeUnavailability(db, actor, facilitatorId, Number(formData.get("blockId"))),
    );
    return { intent: "remove", ok: true };
  }
  const values = formDataToObject(formData);
  const parsed = parseWithSchema(unavailabilitySchema, values);
  if (!parsed.ok) return { intent: "add", ok: false, errors: parsed.errors, values };
  const result = orNotFound(await addUnavailability(db, actor, facilitatorId, parsed.data, now));
  if (!result.ok) return { intent: "add", ok: false, errors: result.errors, values };
  return { intent: "add", ok: true, overlappingSessions: result.overlappingSessions };
}

/**
 * Each block with its label: "fredag den 6. marts 2026 – søndag den 8. marts 2026 (hele dage)"
 * or a time range. Made here, not in the browser: date formatting would add 1.7 KB to the pages'
 * JavaScript (issue 12).
 */
export function withBlockLabels<Block extends { startsAt: string; endsAt: string }>(
  blocks: readonly Block[],
  locale: Locale,
): (Block & { label: string })[] {
  return blocks.map((block) => {
    const description = describeBlock(block.startsAt, block.endsAt);
    const label = !description.allDay
      ? formatTimeRange(block.startsAt, block.endsAt, locale)
      : description.firstDay === description.lastDay
        ? translate(locale, "facilitator.unavailability.oneDay", {
            day: formatDate(description.firstDay, locale),
          })
        : translate(locale, "facilitator.unavailability.days", {
            first: formatDate(description.firstDay, locale),
            last: formatDate(description.lastDay, locale),
          });
    return { ...block, label };
  });
}
