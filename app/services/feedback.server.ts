/**
 * Staff use cases around anonymous feedback: the facilitator's feedback page (QR code, short code,
 * live count) and strict mode with printed one-time codes. Staff never see answer content here,
 * only counts.
 */
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  countFeedbackResponses,
  countOneTimeCodes,
  findSessionForFeedbackPage,
  findSessionParticipantFacts,
  insertOneTimeCodeHashes,
  isFeedbackCodeTaken,
  setSessionFeedbackCodeIfMissing,
  setSessionStrictFeedback,
} from "../../db/queries/feedback";
import { writeTransaction } from "../../db/write-transaction";
import {
  feedbackWindow,
  feedbackWindowState,
  generateOneTimeCodes,
  generateShortCode,
  MAX_ONE_TIME_CODES,
  normalizeOneTimeCode,
} from "../domain/feedback";
import { feedbackAnswerCap, registeredAttendance } from "../domain/feedback-limits";
import { oneTimeCodeHash } from "../lib/feedback-codes.server";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, invalid, notFound } from "./result";

/** The session when it exists and the actor may hand out its feedback code, else undefined. */
async function findFeedbackSession(db: DB, actor: CurrentUser, sessionId: number) {
  const session = Number.isInteger(sessionId)
    ? await findSessionForFeedbackPage(db, sessionId)
    : undefined;
  if (!session) return undefined;
  const denied = forbidden(actor, "session.feedbackCode", {
    schoolId: session.school_id,
    facilitatorIds: session.facilitatorIds,
  });
  return denied ? undefined : session;
}

export function feedbackUrl(appUrl: string, code: string): string {
  return `${appUrl}/f/${code}`;
}

/** The facilitator's feedback page: code, link, window and the number of answers. */
export async function loadSessionFeedback(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  options: { appUrl: string; now: Date },
) {
  const session = await findFeedbackSession(db, actor, sessionId);
  if (!session) return notFound();
  const window = feedbackWindow(session.starts_at, session.feedback_close_days);
  const [count, oneTimeCodes, facts] = await Promise.all([
    countFeedbackResponses(db, session.id),
    countOneTimeCodes(db, session.id),
    findSessionParticipantFacts(db, session.id),
  ]);
  const attendance = registeredAttendance([
    facts?.attendance_pupils,
    facts?.attendance_professionals,
    facts?.attendance_parents,
  ]);
  const cap = feedbackAnswerCap({
    attendance,
    expected: (facts?.group_count ?? 0) * (facts?.participants_per_group ?? 0),
  });
  const code = session.feedback_code;
  const url = code ? feedbackUrl(options.appUrl, code) : null;
  return found({
    session: {
      id: session.id,
      courseTitle: session.course_title,
      schoolName: session.school_name,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      status: session.status,
      audience: session.audience,
    },
    code,
    url,
    entryUrl: `${options.appUrl}/f`,
    count,
    /** Registered attendance (null before it is registered) and the most answers accepted. */
    attendance,
    cap,
    strict: session.strict_feedback === 1,
    oneTimeCodes,
    window: {
      ...window,
      state:
        session.status === "cancelled"
          ? ("closed" as const)
          : feedbackWindowState(options.now, window),
    },
  });
}

/** The live count (no content). */
export async function countSessionFeedback(db: DB, actor: CurrentUser, sessionId: number) {
  const session = await findFeedbackSession(db, actor, sessionId);
  if (!session) return notFound();
  return found({ count: await countFeedbackResponses(db, session.id) });
}

/**
 * Gives the session a short code if it has none (normally scheduling does). A POST: GET never
 * changes state. Returns the session's code, new or existing.
 */
export async function ensureFeedbackCode(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  random = generateShortCode,
) {
  const session = await findFeedbackSession(db, actor, sessionId);
  if (!session) return notFound();
  if (session.feedback_code) return found({ code: session.feedback_code });
  const code = await writeTransaction(db, async (trx) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = random();
      if (await isFeedbackCodeTaken(trx, code)) continue;
      if (!(await setSessionFeedbackCodeIfMissing(trx, session.id, code))) {
        // Someone else set it meanwhile: use theirs.
        const again = await findSessionForFeedbackPage(trx, session.id);
        return again?.feedback_code ?? code;
      }
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "feedback.codeCreated",
        entityType: "session",
        entityId: session.id,
      });
      return code;
    }
    throw new Error("Could not find a free feedback code");
  });
  return found({ code });
}

export async function setStrictFeedback(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  strict: boolean,
) {
  const session = await findFeedbackSession(db, actor, sessionId);
  if (!session) return notFound();
  if ((session.strict_feedback === 1) === strict) return found({});
  await writeTransaction(db, async (trx) => {
    await setSessionStrictFeedback(trx, session.id, strict);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: strict ? "feedback.strictOn" : "feedback.strictOff",
      entityType: "session",
      entityId: session.id,
    });
  });
  return found({});
}

/**
 * Makes `count` one-time codes for printing. Only their keyed hashes are stored; the plain codes
 * are returned once, for the slips page, and never again.
 */
export async function createOneTimeCodes(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  count: number,
  options: { secret: string; appUrl: string },
) {
  const session = await findFeedbackSession(db, actor, sessionId);
  if (!session) return notFound();
  if (!Number.isInteger(count) || count < 1 || count > MAX_ONE_TIME_CODES) {
    return invalid({ count: "feedbackStaff.slips.countInvalid" });
  }
  const ensured = await ensureFeedbackCode(db, actor, sessionId);
  if (!ensured.ok) return ensured;
  const code = ensured.code;
  const codes = generateOneTimeCodes(count);
  await writeTransaction(db, async (trx) => {
    await insertOneTimeCodeHashes(
      trx,
      session.id,
      codes.map((c) => oneTimeCodeHash(options.secret, session.id, normalizeOneTimeCode(c))),
    );
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "feedback.oneTimeCodesCreated",
      entityType: "session",
      entityId: session.id,
      details: { count },
    });
  });
  return found({
    codes,
    shortCode: code,
    url: feedbackUrl(options.appUrl, code),
    courseTitle: session.course_title,
    schoolName: session.school_name,
    startsAt: session.starts_at,
  });
}
