/** Replacing a scheduled session's facilitators (the coordinator's session page). */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  addSessionFacilitators,
  removeSessionFacilitators,
  updateSessionIfVersion,
} from "../../db/queries/sessions";
import { writeTransaction } from "../../db/write-transaction";
import type { SwapFacilitatorsValues } from "../domain/scheduling";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, notFound } from "./result";
import {
  type ChangeResult,
  checkConflicts,
  fail,
  freshScheduledSession,
  loadFacilitatorsForBooking,
  resolveConfig,
  type SchedulingConfig,
} from "./scheduling-shared.server";
import {
  contactOf,
  messageContext,
  queueSessionMessages,
  sessionEmailData,
} from "./session-messages.server";

/**
 * Replaces the session's facilitators: removed ones get a CANCEL, the ones who stay an update,
 * new ones an invite (all REQUESTs carry the new attendee list); SEQUENCE + 1. New facilitators
 * are checked for conflicts like a new booking.
 */
export async function swapFacilitators(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: SwapFacilitatorsValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sequence: number; added: number[]; removed: number[] }>> {
  if (forbidden(actor, "session.schedule")) return notFound();
  const cfg = resolveConfig(overrides);
  const ctx = messageContext(cfg);
  const chosen = await loadFacilitatorsForBooking(db, input.facilitatorIds);
  if (!chosen) return fail({ facilitatorIds: "sessions.facilitators.invalid" });

  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const { session } = loaded;
    if (input.facilitatorIds.length !== session.facilitators_needed) {
      return fail({ facilitatorIds: "sessions.facilitators.count" });
    }
    const oldIds = new Set(session.facilitators.map((f) => f.id));
    const newIds = new Set(input.facilitatorIds);
    const removed = session.facilitators.filter((f) => !newIds.has(f.id));
    const added = chosen.filter((f) => !oldIds.has(f.id));
    const kept = session.facilitators.filter((f) => newIds.has(f.id));
    if (removed.length === 0 && added.length === 0) return fail({ _form: "sessions.swap.nothing" });
    const names = new Map(chosen.map((f) => [f.id, f.name]));
    const refused = await checkConflicts(
      trx,
      { startUtc: session.starts_at, endUtc: session.ends_at },
      added.map((f) => f.id),
      names,
      input.confirmUnavailability,
      session.id,
    );
    if (refused) return refused;

    const nowIso = cfg.now().toISOString();
    const updated = await updateSessionIfVersion(trx, sessionId, input.version, {
      bumpSequence: true,
      now: nowIso,
    });
    if (!updated) return fail({ _form: "sessions.stale" });
    await removeSessionFacilitators(
      trx,
      sessionId,
      removed.map((f) => f.id),
    );
    await addSessionFacilitators(
      trx,
      sessionId,
      added.map((f) => f.id),
      nowIso,
    );
    const sequence = session.sequence + 1;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.facilitatorsChanged",
      entityType: "session",
      entityId: sessionId,
      details: {
        added: added.map((f) => f.id),
        removed: removed.map((f) => f.id),
        sequence,
        unavailabilityConfirmed: input.confirmUnavailability,
      },
    });
    const contact = await contactOf(trx, session.request_id);
    const data = sessionEmailData(ctx, { ...session, sequence }, [...kept, ...added], contact);
    await queueSessionMessages(trx, ctx, { id: sessionId, schoolId: session.school_id }, data, {
      kind: "facilitatorsChanged",
      removed,
      kept,
      added,
    });
    return {
      ok: true as const,
      sequence,
      added: added.map((f) => f.id),
      removed: removed.map((f) => f.id),
    };
  });
}
