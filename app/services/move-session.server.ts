/** Moving a scheduled session to another time and/or place (the coordinator's session page). */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { updateSessionIfVersion } from "../../db/queries/sessions";
import { findActiveStepOfSession } from "../../db/queries/tracks";
import { writeTransaction } from "../../db/write-transaction";
import { type MoveSessionValues, resolveSessionTimes } from "../domain/scheduling";
import { overrideReasonOf } from "../domain/tracks";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, notFound } from "./result";
import {
  type ChangeResult,
  checkConflicts,
  checkTrackOrder,
  combineRefusals,
  fail,
  freshScheduledSession,
  resolveConfig,
  type SchedulingConfig,
} from "./scheduling-shared.server";
import {
  contactOf,
  messageContext,
  queueSessionMessages,
  sessionEmailData,
} from "./session-messages.server";
import { recordOrderOverride } from "./track-order.server";

/**
 * Moves a session (time and/or place): same UID, SEQUENCE + 1, an update (REQUEST) to every
 * facilitator, a notice to the school, reminders replaced. A stale form is refused.
 */
export async function moveSession(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: MoveSessionValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sequence: number }>> {
  if (forbidden(actor, "session.schedule")) return notFound();
  const cfg = resolveConfig(overrides);
  const ctx = messageContext(cfg);
  const instants = resolveSessionTimes(input);
  if (!instants.ok) return fail(instants.errors);

  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const { session } = loaded;
    const timeChanged =
      session.starts_at !== instants.startUtc || session.ends_at !== instants.endUtc;
    const placeChanged = session.location !== input.place;
    if (!timeChanged && !placeChanged) return fail({ _form: "sessions.move.nothing" });
    const step = timeChanged ? await findActiveStepOfSession(trx, sessionId) : undefined;
    let order: Awaited<ReturnType<typeof checkTrackOrder>> = { refused: null, overridden: [] };
    if (timeChanged) {
      const names = new Map(session.facilitators.map((f) => [f.id, f.name]));
      const conflicts = await checkConflicts(
        trx,
        instants,
        session.facilitators.map((f) => f.id),
        names,
        input.confirmUnavailability,
        session.id,
      );
      // A session of a pilot track step: moving it is checked against the order rule both ways.
      order = await checkTrackOrder(
        trx,
        step,
        { sessionId, startsAt: instants.startUtc, endsAt: instants.endUtc },
        input,
      );
      const refused = combineRefusals(conflicts, order.refused);
      if (refused) return refused;
    }
    const nowIso = cfg.now().toISOString();
    const updated = await updateSessionIfVersion(trx, sessionId, input.version, {
      startsAt: instants.startUtc,
      endsAt: instants.endUtc,
      location: input.place,
      bumpSequence: true,
      now: nowIso,
    });
    if (!updated) return fail({ _form: "sessions.stale" });
    const sequence = session.sequence + 1;
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.moved",
      entityType: "session",
      entityId: sessionId,
      details: {
        from: { startsAt: session.starts_at, endsAt: session.ends_at, location: session.location },
        to: { startsAt: instants.startUtc, endsAt: instants.endUtc, location: input.place },
        sequence,
      },
    });
    const reason = overrideReasonOf(input);
    if (step && reason && order.overridden.length > 0) {
      await recordOrderOverride(trx, {
        actorId: actor.id,
        step,
        sessionId,
        action: "moved",
        reason,
        overridden: order.overridden,
        now: nowIso,
      });
    }
    const data = sessionEmailData(
      ctx,
      {
        ...session,
        sequence,
        starts_at: instants.startUtc,
        ends_at: instants.endUtc,
        location: input.place,
      },
      session.facilitators,
      await contactOf(trx, session.request_id),
    );
    await queueSessionMessages(trx, ctx, { id: sessionId, schoolId: session.school_id }, data, {
      kind: "moved",
      facilitators: session.facilitators,
    });
    return { ok: true as const, sequence };
  });
}
