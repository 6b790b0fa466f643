/** Scheduling a new session for a request (the coordinator's scheduling page). */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { changeRequestStatus } from "../../db/queries/requests";
import {
  addSessionFacilitators,
  feedbackCodeExists,
  findRequestForScheduling,
  insertSession,
} from "../../db/queries/sessions";
import { findActiveStepOfRequest, linkSessionToStep } from "../../db/queries/tracks";
import { writeTransaction } from "../../db/write-transaction";
import { sessionUid } from "../../emails/calendar";
import { generateShortCode } from "../domain/feedback";
import { isOpenStatus } from "../domain/requests";
import { resolveSessionTimes, type SessionFormValues } from "../domain/scheduling";
import { overrideReasonOf } from "../domain/tracks";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, notFound } from "./result";
import {
  type ChangeResult,
  checkConflicts,
  checkTrackOrder,
  combineRefusals,
  fail,
  loadFacilitatorsForBooking,
  resolveConfig,
  type SchedulingConfig,
} from "./scheduling-shared.server";
import { messageContext, queueSessionMessages, sessionEmailData } from "./session-messages.server";
import { recordOrderOverride } from "./track-order.server";

/**
 * Creates a session for a request: checks the facilitators are free (inside the write transaction),
 * stores it with a stable UID, SEQUENCE 0 and a unique feedback code, moves the request to
 * `scheduled` on its first session, and queues invites (REQUEST) to the facilitators, the
 * confirmation with an add-to-calendar file (PUBLISH) to the school leader(s) and the reminders.
 */
export async function scheduleSession(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  input: SessionFormValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ sessionId: number }>> {
  if (forbidden(actor, "session.schedule")) return notFound();
  const cfg = resolveConfig(overrides);
  const request = await findRequestForScheduling(db, requestId);
  if (!request) return notFound();
  if (!isOpenStatus(request.status)) return fail({ _form: "sessions.request.closed" });
  const instants = resolveSessionTimes(input);
  if (!instants.ok) return fail(instants.errors);
  if (input.facilitatorIds.length !== request.facilitators_needed) {
    return fail({ facilitatorIds: "sessions.facilitators.count" });
  }
  const facilitators = await loadFacilitatorsForBooking(db, input.facilitatorIds);
  if (!facilitators) return fail({ facilitatorIds: "sessions.facilitators.invalid" });
  const names = new Map(facilitators.map((f) => [f.id, f.name]));
  const ctx = messageContext(cfg);

  return writeTransaction(db, async (trx) => {
    const fresh = await findRequestForScheduling(trx, requestId);
    if (!fresh || !isOpenStatus(fresh.status)) return fail({ _form: "sessions.request.closed" });
    const conflicts = await checkConflicts(
      trx,
      instants,
      input.facilitatorIds,
      names,
      input.confirmUnavailability,
    );
    // A request that schedules a pilot track step: the order rule, in this same transaction.
    const step = await findActiveStepOfRequest(trx, requestId);
    const order = await checkTrackOrder(
      trx,
      step,
      { startsAt: instants.startUtc, endsAt: instants.endUtc },
      input,
    );
    const refused = combineRefusals(conflicts, order.refused);
    if (refused) return refused;

    const nowIso = cfg.now().toISOString();
    let feedbackCode = generateShortCode();
    while (await feedbackCodeExists(trx, feedbackCode)) feedbackCode = generateShortCode();
    const { id: sessionId, uid } = await insertSession(trx, {
      requestId,
      courseId: fresh.course_id,
      schoolId: fresh.school_id,
      startsAt: instants.startUtc,
      endsAt: instants.endUtc,
      location: input.place,
      feedbackCode,
      uidFor: (id) => sessionUid(id, ctx.host),
      now: nowIso,
    });
    await addSessionFacilitators(trx, sessionId, input.facilitatorIds, nowIso);
    if (step) {
      await linkSessionToStep(trx, { sessionId, stepId: step.id, actorId: actor.id, now: nowIso });
      const reason = overrideReasonOf(input);
      if (reason && order.overridden.length > 0) {
        await recordOrderOverride(trx, {
          actorId: actor.id,
          step,
          sessionId,
          action: "scheduled",
          reason,
          overridden: order.overridden,
          now: nowIso,
        });
      }
    }

    if (fresh.status !== "scheduled") {
      const moved = await changeRequestStatus(trx, {
        requestId,
        from: fresh.status,
        to: "scheduled",
        actorId: actor.id,
        action: "request.scheduled",
        now: nowIso,
      });
      if (!moved.ok) throw new Error(`Request ${requestId} cannot be scheduled`);
    }
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "session.scheduled",
      entityType: "session",
      entityId: sessionId,
      details: {
        requestId,
        startsAt: instants.startUtc,
        endsAt: instants.endUtc,
        location: input.place,
        facilitatorIds: input.facilitatorIds,
        unavailabilityConfirmed: input.confirmUnavailability,
        ...(step ? { trackId: step.track_id, trackStepId: step.id } : {}),
      },
    });

    const data = sessionEmailData(
      ctx,
      {
        id: sessionId,
        uid,
        sequence: 0,
        starts_at: instants.startUtc,
        ends_at: instants.endUtc,
        location: input.place,
        course_title: fresh.course_title,
        school_name: fresh.school_name,
      },
      facilitators,
      { name: fresh.contact_name, phone: fresh.contact_phone },
    );
    await queueSessionMessages(trx, ctx, { id: sessionId, schoolId: fresh.school_id }, data, {
      kind: "scheduled",
      facilitators,
    });
    return { ok: true as const, sessionId };
  });
}
