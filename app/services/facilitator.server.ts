/**
 * The facilitator's use cases: own schedule, the session page, registering delivery with
 * attendance, and unavailability blocks (which coordinators may also manage for anyone).
 */

import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  countPastSessionsOfFacilitator,
  countUndeliveredSessionsOfRequest,
  deleteUnavailability,
  findFacilitator,
  findRequestStatus,
  findSessionDetail,
  findUnavailability,
  insertUnavailability,
  listCurrentUnavailability,
  listFacilitatorsOfSession,
  listPastSessionsOfFacilitator,
  listScheduledSessionsOverlapping,
  listUpcomingSessionsOfFacilitator,
  recordSessionDelivery,
} from "../../db/queries/facilitator";
import { changeRequestStatus } from "../../db/queries/requests";
import { cancelAttendanceReminders } from "../../db/queries/sessions";
import { writeTransaction } from "../../db/write-transaction";
import { type AttendanceValues, attendanceColumnFor, deliveryBlocker } from "../domain/attendance";
import type { FieldErrors } from "../domain/forms";
import type { UnavailabilityValues } from "../domain/unavailability";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, type NotFound, notFound } from "./result";

export const PAST_PAGE_SIZE = 20;

// ---- my sessions ----

/** The signed-in facilitator's sessions: all upcoming (incl. in progress), past ones by page. */
export async function loadMySessions(
  db: DB,
  actor: CurrentUser,
  options: { now: Date; pastPage?: number },
) {
  if (actor.role !== "facilitator") return notFound();
  const now = options.now.toISOString();
  const pastTotal = await countPastSessionsOfFacilitator(db, actor.id, now);
  const pageCount = Math.max(1, Math.ceil(pastTotal / PAST_PAGE_SIZE));
  const requested = Number.isInteger(options.pastPage) ? Number(options.pastPage) : 1;
  const pastPage = Math.min(Math.max(1, requested), pageCount);
  const [upcoming, past] = await Promise.all([
    listUpcomingSessionsOfFacilitator(db, actor.id, now),
    listPastSessionsOfFacilitator(db, actor.id, now, {
      limit: PAST_PAGE_SIZE,
      offset: (pastPage - 1) * PAST_PAGE_SIZE,
    }),
  ]);
  return found({ upcoming, past, pastTotal, pastPage, pageCount });
}

// ---- session page ----

async function loadSessionFor(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  permission: "session.view" | "session.deliver",
) {
  if (!Number.isInteger(sessionId) || sessionId < 1) return undefined;
  const session = await findSessionDetail(db, sessionId);
  if (!session) return undefined;
  const facilitators = await listFacilitatorsOfSession(db, sessionId);
  // Only facilitatorIds: the school's own leader sees sessions on the school pages, not here.
  if (forbidden(actor, permission, { facilitatorIds: facilitators.map((f) => f.id) })) {
    return undefined;
  }
  return { session, facilitators };
}

/** The session page: practical details, co-facilitators and the delivery form's state. */
export async function loadFacilitatorSessionPage(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  now: Date,
) {
  const loaded = await loadSessionFor(db, actor, sessionId, "session.view");
  if (!loaded) return notFound();
  const { session, facilitators } = loaded;
  const column = attendanceColumnFor(session.course_audience);
  const blocker = deliveryBlocker({ status: session.status, startsAt: session.starts_at }, now);
  return found({
    session: {
      id: session.id,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      location: session.location || session.request_location,
      status: session.status,
      version: session.version,
      schoolName: session.school_name,
      schoolAddress: session.school_address,
      courseTitle: session.course_title,
      audience: session.course_audience,
      contactName: session.contact_name,
      contactPhone: session.contact_phone,
      notes: session.request_notes,
      groupCount: session.group_count,
      participantsPerGroup: session.participants_per_group,
      grades: session.grades,
      languagesNeeded: session.languages_needed,
      interpreterNeeded: session.interpreter_needed === 1,
      present: session[column],
      deliveryNote: session.delivery_note,
      deliveredAt: session.delivered_at,
    },
    facilitators: facilitators.map((f) => ({
      id: f.id,
      name: f.name,
      phone: f.phone,
      isMe: f.id === actor.id,
    })),
    /** Null when delivery can be registered (or corrected) now, else the reason as a message key. */
    deliveryBlocker: blocker,
    feedbackPath: `/sessions/${session.id}/feedback`,
  });
}

export type DeliveryResult =
  | { ok: true; requestDelivered: boolean; remindersDeleted: number }
  | { ok: false; errors: FieldErrors }
  | NotFound;

/**
 * Registers (or corrects) delivery: the session becomes delivered with its attendance and note,
 * the pending day-after reminders are dropped, and when every non-cancelled session of the request
 * is delivered, the request becomes delivered too. A form rendered before another change of the
 * session (older `version`) is refused, never silently applied.
 */
export async function registerDelivery(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  input: AttendanceValues,
  now: Date,
): Promise<DeliveryResult> {
  if (!(await loadSessionFor(db, actor, sessionId, "session.deliver"))) return notFound();
  const nowIso = now.toISOString();
  // A write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: SERIALIZABLE, re-run on conflict):
  // the delivery reads the session's counts to update the evaluation's rollups.
  return writeTransaction(db, async (trx): Promise<DeliveryResult> => {
    const session = await findSessionDetail(trx, sessionId);
    if (!session) return notFound();
    const blocker = deliveryBlocker({ status: session.status, startsAt: session.starts_at }, now);
    if (blocker) return { ok: false, errors: { _form: blocker } };
    if (session.version !== input.version) {
      return { ok: false, errors: { _form: "facilitator.attendance.stale" } };
    }
    const column = attendanceColumnFor(session.course_audience);
    const attendance = {
      attendance_pupils: null,
      attendance_professionals: null,
      attendance_parents: null,
      [column]: input.present,
    };
    const updated = await recordSessionDelivery(trx, {
      sessionId,
      expectedVersion: input.version,
      attendance,
      note: input.note,
      now: nowIso,
    });
    if (!updated) return { ok: false, errors: { _form: "facilitator.attendance.stale" } };
    const firstDelivery = session.status === "scheduled";
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: firstDelivery ? "session.delivered" : "session.attendanceCorrected",
      entityType: "session",
      entityId: sessionId,
      details: { [column]: input.present, noted: input.note !== "" },
    });
    const remindersDeleted = await cancelAttendanceReminders(trx, sessionId);

    let requestDelivered = false;
    if (firstDelivery && (await countUndeliveredSessionsOfRequest(trx, session.request_id)) === 0) {
      const request = await findRequestStatus(trx, session.request_id);
      if (request) {
        const moved = await changeRequestStatus(trx, {
          requestId: request.id,
          from: request.status,
          to: "delivered",
          actorId: actor.id,
          action: "request.delivered",
          now: nowIso,
        });
        requestDelivered = moved.ok;
      }
    }
    return { ok: true, requestDelivered, remindersDeleted };
  });
}

// ---- unavailability ----

/** The facilitator when the actor may manage their unavailability, else undefined. */
async function findFacilitatorFor(db: DB, actor: CurrentUser, facilitatorId: number) {
  if (!Number.isInteger(facilitatorId) || facilitatorId < 1) return undefined;
  if (forbidden(actor, "unavailability.manage", { userId: facilitatorId })) return undefined;
  return findFacilitator(db, facilitatorId);
}

/** A facilitator's blocks that have not ended yet. */
export async function loadUnavailability(
  db: DB,
  actor: CurrentUser,
  facilitatorId: number,
  now: Date,
) {
  const facilitator = await findFacilitatorFor(db, actor, facilitatorId);
  if (!facilitator) return notFound();
  const blocks = await listCurrentUnavailability(db, facilitatorId, now.toISOString());
  return found({
    facilitator: { id: facilitator.id, name: facilitator.name, isMe: facilitator.id === actor.id },
    blocks: blocks.map((b) => ({
      id: b.id,
      startsAt: b.starts_at,
      endsAt: b.ends_at,
      reason: b.reason,
    })),
  });
}

export type AddUnavailabilityResult =
  | { ok: true; id: number; overlappingSessions: number }
  | { ok: false; errors: FieldErrors }
  | NotFound;

/**
 * Adds a block. A block that has already ended is refused. Sessions the facilitator already has
 * in the block are not moved: the count is returned so the page can say to tell the coordinator.
 */
export async function addUnavailability(
  db: DB,
  actor: CurrentUser,
  facilitatorId: number,
  input: UnavailabilityValues,
  now: Date,
): Promise<AddUnavailabilityResult> {
  if (!(await findFacilitatorFor(db, actor, facilitatorId))) return notFound();
  if (input.endsAt <= now.toISOString()) {
    return { ok: false, errors: { startDate: "facilitator.unavailability.past" } };
  }
  return writeTransaction(db, async (trx) => {
    const id = await insertUnavailability(trx, {
      userId: facilitatorId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason,
      createdBy: actor.id,
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "unavailability.added",
      entityType: "user",
      entityId: facilitatorId,
      details: { unavailabilityId: id, startsAt: input.startsAt, endsAt: input.endsAt },
    });
    const overlapping = await listScheduledSessionsOverlapping(
      trx,
      facilitatorId,
      input.startsAt,
      input.endsAt,
    );
    return { ok: true as const, id, overlappingSessions: overlapping.length };
  });
}

/** Removes a block of this facilitator; a block of someone else is "not found". */
export async function removeUnavailability(
  db: DB,
  actor: CurrentUser,
  facilitatorId: number,
  blockId: number,
) {
  if (!(await findFacilitatorFor(db, actor, facilitatorId))) return notFound();
  const block = Number.isInteger(blockId) ? await findUnavailability(db, blockId) : undefined;
  if (!block || block.user_id !== facilitatorId) return notFound();
  return writeTransaction(db, async (trx) => {
    if (!(await deleteUnavailability(trx, blockId, facilitatorId))) return notFound();
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "unavailability.removed",
      entityType: "user",
      entityId: facilitatorId,
      details: { unavailabilityId: blockId, startsAt: block.starts_at, endsAt: block.ends_at },
    });
    return found({});
  });
}
