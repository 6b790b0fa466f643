/**
 * What every scheduling use case shares: the configuration (links, sender, invite UID domain,
 * clock), the result shape (`ChangeResult`), and the checks a change repeats inside its write
 * transaction (facilitator conflicts, the pilot track order, a stale or closed session) and the
 * request status that follows from its sessions.
 */

import type { DB } from "../../db/connection";
import { changeRequestStatus } from "../../db/queries/requests";
import {
  findRequestForScheduling,
  findSessionWithFacilitators,
  listBusyIntervals,
  listFacilitatorsByIds,
  listSessionStatusesOfRequest,
  type SessionWithFacilitators,
} from "../../db/queries/sessions";
import type { StepContext } from "../../db/queries/tracks";
import { inviteUidDomain } from "../../emails/calendar";
import type { FieldErrors } from "../domain/forms";
import {
  busyWindow,
  type Conflicts,
  findConflicts,
  requestStatusAfterSessions,
} from "../domain/scheduling";
import { type OrderOverrideValues, overrideReasonOf } from "../domain/tracks";
import { env } from "../lib/env.server";
import type { CurrentUser } from "../lib/guards.server";
import { type NotFound, notFound } from "./result";
import { checkOrderInTrack, type OrderViolationView } from "./track-order.server";

export interface SchedulingConfig {
  /** Public base URL: links in emails. */
  appUrl: string;
  /** Sender and ORGANIZER, e.g. `Frirum <frirum@kk.example>`. */
  mailFrom: string;
  /** Domain of new invite UIDs (`inviteUidDomain`); existing sessions keep their stored UID. */
  uidDomain: string;
  now: () => Date;
}

export function resolveConfig(overrides: Partial<SchedulingConfig> = {}): SchedulingConfig {
  const needsEnv = overrides.appUrl === undefined || overrides.mailFrom === undefined;
  const environment = needsEnv ? env() : undefined;
  const mailFrom = overrides.mailFrom ?? environment?.MAIL_FROM ?? "";
  return {
    appUrl: (overrides.appUrl ?? environment?.appUrl ?? "").replace(/\/$/, ""),
    mailFrom,
    uidDomain:
      overrides.uidDomain ??
      (overrides.mailFrom === undefined && environment
        ? environment.inviteUidDomain
        : inviteUidDomain(mailFrom)),
    now: overrides.now ?? (() => new Date()),
  };
}

/** A clash shown to the coordinator. */
export interface ConflictView {
  facilitatorId: number;
  facilitatorName: string;
  kind: "session" | "unavailability";
  startsAt: string;
  endsAt: string;
  label: string;
}

export interface ChangeFailure {
  ok: false;
  reason?: undefined;
  /** Field path (or `_form`) -> message key. */
  errors: FieldErrors;
  conflicts?: ConflictView[];
  /** True when the only obstacle is registered unavailability: tick the box and save again. */
  needsConfirmation?: boolean;
  /** A session of a pilot track step that breaks the order rule: what it clashes with. */
  orderViolations?: OrderViolationView[];
}

/** The service result shape (`./result.ts`) with the scheduling refusals' extra facts. */
export type ChangeResult<T extends object = object> = ({ ok: true } & T) | ChangeFailure | NotFound;

export function fail(
  errors: FieldErrors,
  extra: Pick<ChangeFailure, "conflicts" | "needsConfirmation" | "orderViolations"> = {},
): ChangeFailure {
  return { ok: false, errors, ...extra };
}

/** Both refusals of one save at once (facilitator conflicts and the track order), or null. */
export function combineRefusals(
  conflicts: ChangeFailure | null,
  order: ChangeFailure | null,
): ChangeFailure | null {
  if (!conflicts) return order;
  if (!order) return conflicts;
  return {
    ...conflicts,
    errors: { ...conflicts.errors, ...order.errors },
    orderViolations: order.orderViolations,
  };
}

/**
 * The order rule for a session in a pilot track step, inside the write transaction: null when the
 * session fits (or the rule is overridden with a reason), else the refusal.
 */
export async function checkTrackOrder(
  trx: DB,
  step: StepContext | undefined,
  candidate: { sessionId?: number; startsAt: string; endsAt: string },
  input: OrderOverrideValues,
) {
  if (!step) return { refused: null, overridden: [] };
  const order = await checkOrderInTrack(trx, step, candidate, overrideReasonOf(input));
  if (order.ok) return { refused: null, overridden: order.overridden };
  return {
    refused: fail({ overrideOrder: "tracks.order.refused" }, { orderViolations: order.violations }),
    overridden: [],
  };
}

function conflictViews(conflicts: Conflicts, names: Map<number, string>): ConflictView[] {
  return [...conflicts.sessions, ...conflicts.unavailability].map((interval) => ({
    facilitatorId: interval.userId,
    facilitatorName: names.get(interval.userId) ?? String(interval.userId),
    kind: interval.kind,
    startsAt: interval.startsAt,
    endsAt: interval.endsAt,
    label: interval.label ?? "",
  }));
}

/**
 * The conflict rule for booking `userIds` at `instants`: any session clash refuses; registered
 * unavailability refuses unless confirmed. Null when the booking may go ahead.
 */
export async function checkConflicts(
  trx: DB,
  instants: { startUtc: string; endUtc: string },
  userIds: readonly number[],
  names: Map<number, string>,
  confirmUnavailability: boolean,
  excludeSessionId?: number,
) {
  const busy = await listBusyIntervals(trx, busyWindow(instants), userIds);
  const conflicts = findConflicts(instants, busy, { excludeSessionId });
  if (conflicts.sessions.length > 0) {
    return fail(
      { facilitatorIds: "sessions.conflict.booked" },
      { conflicts: conflictViews(conflicts, names) },
    );
  }
  if (conflicts.unavailability.length > 0 && !confirmUnavailability) {
    return fail(
      { confirmUnavailability: "sessions.conflict.unavailableConfirm" },
      { conflicts: conflictViews(conflicts, names), needsConfirmation: true },
    );
  }
  return null;
}

/** The chosen facilitators, in the coordinator's order; null when one is not an active facilitator. */
export async function loadFacilitatorsForBooking(db: DB, ids: readonly number[]) {
  const rows = await listFacilitatorsByIds(db, ids);
  const valid = rows.filter((row) => row.role === "facilitator" && row.active === 1);
  if (valid.length !== ids.length) return null;
  // Keep the order the coordinator chose.
  return ids.map((id) => valid.find((row) => row.id === id)!);
}

/** Loads the session inside the transaction and applies the common refusals. */
export async function freshScheduledSession(
  trx: DB,
  sessionId: number,
  version: number,
): Promise<{ session: SessionWithFacilitators } | ChangeFailure | NotFound> {
  const session = await findSessionWithFacilitators(trx, sessionId);
  if (!session) return notFound();
  if (session.version !== version) return fail({ _form: "sessions.stale" });
  if (session.status !== "scheduled") return fail({ _form: "sessions.notScheduled" });
  return { session };
}

/** After sessions changed: move the request to what its sessions say, when that is allowed. */
export async function syncRequestStatus(
  trx: DB,
  actor: CurrentUser,
  requestId: number,
  now: string,
) {
  const request = await findRequestForScheduling(trx, requestId);
  if (!request) return;
  const statuses = await listSessionStatusesOfRequest(trx, requestId);
  const target = requestStatusAfterSessions(statuses);
  if (target === request.status) return;
  // A move the rules do not allow (e.g. out of a final status) is left undone.
  await changeRequestStatus(trx, {
    requestId,
    from: request.status,
    to: target,
    actorId: actor.id,
    action: `request.${target}`,
    note: "sessions",
    now,
  });
}
