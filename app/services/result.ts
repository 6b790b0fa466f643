/**
 * The one result shape of every service use case (decision 026). A service never throws a
 * `Response`, never redirects: it says what happened and the route turns that into HTTP.
 *
 * - `{ ok: true, ...values }`: done, or the page's data.
 * - `{ ok: false, reason: "not-found" }`: the record does not exist or is not the actor's; the
 *   route answers 404 for both, so a guessed id tells nothing (decision 007).
 * - `{ ok: false, errors: { [fieldPath | "_form"]: messageKey } }`: the user can fix it; the
 *   page shows the (translated) keys. Some use cases add facts for the page (`conflicts`, ...).
 */
import type { FieldErrors } from "../domain/forms";
import { type Actor, can, type Permission, type Resource } from "../domain/permissions";

export interface NotFound {
  ok: false;
  reason: "not-found";
}

export interface Invalid {
  ok: false;
  reason?: undefined;
  /** Field path (or `_form`) -> message key. */
  errors: FieldErrors;
}

/** A page or a lookup: its values, or not found. */
export type Found<T extends object> = ({ ok: true } & T) | NotFound;

/** A change the user can get wrong: done (with values), refused with errors, or not found. */
export type Result<T extends object = object, F extends Invalid = Invalid> =
  | ({ ok: true } & T)
  | F
  | NotFound;

const NOT_FOUND: NotFound = Object.freeze({ ok: false, reason: "not-found" });

export function notFound(): NotFound {
  return NOT_FOUND;
}

export function found<T extends object>(values: T): { ok: true } & T {
  return { ok: true, ...values };
}

export function invalid(errors: FieldErrors): Invalid {
  return { ok: false, errors };
}

export function isNotFound(result: { ok: boolean }): result is NotFound {
  return !result.ok && (result as { reason?: unknown }).reason === "not-found";
}

/**
 * The record question of decision 007: true when the actor may not act on the record. The
 * service then returns `notFound()`, the same answer as for a record that does not exist.
 */
export function forbidden(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  return !can(actor, permission, resource);
}
