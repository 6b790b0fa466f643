/**
 * The action both unavailability pages share (the facilitator's own and the coordinator's view of
 * one facilitator): reads the posted form, then calls the service to add or remove a block.
 */

import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { unavailabilitySchema } from "~/domain/unavailability";
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
