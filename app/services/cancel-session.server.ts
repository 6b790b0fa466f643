/** Cancelling one session, or a whole request with all its scheduled sessions. */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { changeRequestStatus } from "../../db/queries/requests";
import {
  findRequestForScheduling,
  findSessionWithFacilitators,
  listSessionsOfRequest,
  type SessionWithFacilitators,
  updateSessionIfVersion,
} from "../../db/queries/sessions";
import type { RequestStatus } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import { transitionRequest } from "../domain/requests";
import { type CancelValues, transitionSession } from "../domain/scheduling";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, notFound } from "./result";
import {
  type ChangeResult,
  fail,
  freshScheduledSession,
  resolveConfig,
  type SchedulingConfig,
  syncRequestStatus,
} from "./scheduling-shared.server";
import {
  contactOf,
  type MessageContext,
  messageContext,
  queueSessionMessages,
  sessionEmailData,
} from "./session-messages.server";

/** Inside a transaction: cancel one scheduled session with its messages (no request status). */
async function cancelSessionInTransaction(
  trx: DB,
  actor: CurrentUser,
  ctx: MessageContext,
  session: SessionWithFacilitators,
  reason: string,
  action: string,
): Promise<boolean> {
  const transition = transitionSession(session.status, "cancelled");
  if (!transition.ok) return false;
  const nowIso = ctx.cfg.now().toISOString();
  const updated = await updateSessionIfVersion(trx, session.id, session.version, {
    status: "cancelled",
    cancelledAt: nowIso,
    bumpSequence: true,
    now: nowIso,
  });
  if (!updated) return false;
  const sequence = session.sequence + 1;
  await insertAuditEntry(trx, {
    actorId: actor.id,
    action,
    entityType: "session",
    entityId: session.id,
    details: { reason, sequence },
  });
  const data = sessionEmailData(
    ctx,
    { ...session, sequence },
    session.facilitators,
    await contactOf(trx, session.request_id),
  );
  await queueSessionMessages(trx, ctx, { id: session.id, schoolId: session.school_id }, data, {
    kind: "cancelled",
    facilitators: session.facilitators,
    reason,
  });
  return true;
}

/**
 * Cancels a session: CANCEL (SEQUENCE + 1) to every facilitator, a notice to the school, pending
 * reminders removed; the request goes back to in progress when no session is left.
 */
export async function cancelSession(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: CancelValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult> {
  if (forbidden(actor, "session.schedule")) return notFound();
  const ctx = messageContext(resolveConfig(overrides));
  return writeTransaction(db, async (trx) => {
    const loaded = await freshScheduledSession(trx, sessionId, input.version);
    if (!("session" in loaded)) return loaded;
    const done = await cancelSessionInTransaction(
      trx,
      actor,
      ctx,
      loaded.session,
      input.reason,
      "session.cancelled",
    );
    if (!done) return fail({ _form: "sessions.stale" });
    await syncRequestStatus(trx, actor, loaded.session.request_id, ctx.cfg.now().toISOString());
    return { ok: true as const };
  });
}

/**
 * Cancels a whole request: every scheduled session is cancelled (with its messages) and the
 * request becomes `cancelled`. `input.version` is the request's version.
 */
export async function cancelRequest(
  db: DB,
  actor: CurrentUser,
  requestId: number,
  input: CancelValues,
  overrides: Partial<SchedulingConfig> = {},
): Promise<ChangeResult<{ cancelledSessions: number }>> {
  if (forbidden(actor, "session.schedule")) return notFound();
  const ctx = messageContext(resolveConfig(overrides));
  return writeTransaction(db, async (trx) => {
    const request = await findRequestForScheduling(trx, requestId);
    if (!request) return notFound();
    if (request.version !== input.version) return fail({ _form: "sessions.stale" });
    const from: RequestStatus = request.status;
    if (!transitionRequest(from, "cancelled").ok) {
      return fail({ _form: "sessions.request.closed" });
    }
    const sessions = await listSessionsOfRequest(trx, requestId);
    let cancelledSessions = 0;
    for (const row of sessions) {
      if (row.status !== "scheduled") continue;
      const session = await findSessionWithFacilitators(trx, row.id);
      if (!session) continue;
      if (
        await cancelSessionInTransaction(
          trx,
          actor,
          ctx,
          session,
          input.reason,
          "session.cancelledWithRequest",
        )
      ) {
        cancelledSessions++;
      }
    }
    const nowIso = ctx.cfg.now().toISOString();
    const moved = await changeRequestStatus(trx, {
      requestId,
      from,
      to: "cancelled",
      actorId: actor.id,
      action: "request.cancelled",
      note: input.reason,
      now: nowIso,
    });
    if (!moved.ok) return fail({ _form: "sessions.stale" });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "request.cancelled",
      entityType: "request",
      entityId: requestId,
      details: { reason: input.reason, cancelledSessions },
    });
    return { ok: true as const, cancelledSessions };
  });
}
