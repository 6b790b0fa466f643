/**
 * The order rule of pilot tracks as the write paths need it: called INSIDE the write transaction
 * of a booking, a move or an attach (schedule-session, move-session and tracks services), so that
 * what it reads cannot change before the write commits and two coordinators cannot race past it. The rule itself
 * is the pure `orderViolations` in app/domain/tracks.ts.
 */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { insertTrackOverride, loadTrackOrder, type StepContext } from "../../db/queries/tracks";
import type { TrackOverrideAction } from "../../db/schema";
import { type OrderViolation, orderViolations } from "../domain/tracks";

/** A violation with the course titles the refusal message names. */
export interface OrderViolationView extends OrderViolation {
  courseTitle: string;
  otherCourseTitle: string;
}

export type OrderCheck =
  | { ok: true; overridden: OrderViolationView[] }
  | { ok: false; violations: OrderViolationView[] };

/**
 * The rule for a session (new, moved or attached) in `step`: ok when it fits, ok with the
 * overridden violations when it does not but a written reason overrides it, else the violations.
 * Call inside the write transaction.
 */
export async function checkOrderInTrack(
  trx: DB,
  step: Pick<StepContext, "id" | "track_id">,
  candidate: { sessionId?: number; startsAt: string; endsAt: string },
  overrideReason: string | null,
): Promise<OrderCheck> {
  const order = await loadTrackOrder(trx, step.track_id);
  const violations = orderViolations(order.steps, order.sessions, {
    ...candidate,
    stepId: step.id,
  });
  if (violations.length === 0) return { ok: true, overridden: [] };
  const views = withCourseTitles(violations, order.titles);
  return overrideReason ? { ok: true, overridden: views } : { ok: false, violations: views };
}

/** Violations with the course titles of their steps (what the messages name). */
export function withCourseTitles(
  violations: readonly OrderViolation[],
  titles: ReadonlyMap<number, string>,
): OrderViolationView[] {
  return violations.map((v) => ({
    ...v,
    courseTitle: titles.get(v.stepId) ?? "",
    otherCourseTitle: titles.get(v.otherStepId) ?? "",
  }));
}

/** Records an override of the rule (its own table, shown on the track page) and audits it. */
export async function recordOrderOverride(
  trx: DB,
  values: {
    actorId: number;
    step: Pick<StepContext, "id" | "track_id">;
    sessionId: number;
    action: TrackOverrideAction;
    reason: string;
    overridden: OrderViolationView[];
    now: string;
  },
) {
  const violations = values.overridden.map((v) => ({
    kind: v.kind,
    stepPosition: v.stepPosition,
    otherStepPosition: v.otherStepPosition,
    otherSessionId: v.otherSessionId,
    otherStartsAt: v.otherStartsAt,
    otherEndsAt: v.otherEndsAt,
    otherCourseTitle: v.otherCourseTitle,
    gapDays: v.gapDays,
    limit: v.limit,
  }));
  await insertTrackOverride(trx, {
    trackId: values.step.track_id,
    stepId: values.step.id,
    sessionId: values.sessionId,
    action: values.action,
    reason: values.reason,
    violations,
    actorId: values.actorId,
    now: values.now,
  });
  await insertAuditEntry(trx, {
    actorId: values.actorId,
    action: "track.orderOverridden",
    entityType: "track",
    entityId: values.step.track_id,
    details: {
      stepId: values.step.id,
      sessionId: values.sessionId,
      action: values.action,
      reason: values.reason,
      violations,
    },
  });
}
