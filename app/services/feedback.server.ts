/**
 * Staff use cases around anonymous feedback: the facilitator's feedback page (QR code, short code,
 * live count), strict mode with printed one-time codes, and revising a feedback form. Staff never
 * see answer content here, only counts.
 */
import QRCode from "qrcode";
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  countFeedbackResponses,
  countOneTimeCodes,
  feedbackFormHasResponses,
  findLatestFeedbackForm,
  findSessionForFeedbackPage,
  findSessionParticipantFacts,
  insertFeedbackFormVersion,
  insertOneTimeCodeHashes,
  isFeedbackCodeTaken,
  loadFeedbackFormRows,
  replaceFeedbackFormContent,
  setSessionFeedbackCodeIfMissing,
  setSessionStrictFeedback,
} from "../../db/queries/feedback";
import {
  feedbackWindow,
  feedbackWindowState,
  generateOneTimeCodes,
  generateShortCode,
  MAX_ONE_TIME_CODES,
  normalizeOneTimeCode,
} from "../domain/feedback";
import type { FeedbackAudience, FeedbackLocale, FeedbackScaleKey } from "../domain/feedback-bank";
import {
  type FeedbackFormContent,
  type FeedbackFormText,
  formContentFingerprint,
} from "../domain/feedback-forms";
import { feedbackAnswerCap, registeredAttendance } from "../domain/feedback-limits";
import { oneTimeCodeHash } from "../lib/feedback-codes.server";
import type { CurrentUser } from "../lib/guards.server";
import { requirePermission } from "../lib/guards.server";

async function requireFeedbackSession(db: DB, actor: CurrentUser, sessionId: number) {
  const session = Number.isInteger(sessionId)
    ? await findSessionForFeedbackPage(db, sessionId)
    : undefined;
  if (!session) throw new Response("Not Found", { status: 404 });
  requirePermission(actor, "session.feedbackCode", {
    schoolId: session.school_id,
    facilitatorIds: session.facilitatorIds,
  });
  return session;
}

export function feedbackUrl(appUrl: string, code: string): string {
  return `${appUrl}/f/${code}`;
}

/** The QR code for a link, as an SVG document string (black on white, quiet zone included). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}

/** The facilitator's feedback page: code, link, QR, window and the number of answers. */
export async function loadSessionFeedback(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  options: { appUrl: string; now: Date },
) {
  const session = await requireFeedbackSession(db, actor, sessionId);
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
  return {
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
    qr: url ? await qrSvg(url) : null,
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
  };
}

/** The live count (no content). */
export async function countSessionFeedback(db: DB, actor: CurrentUser, sessionId: number) {
  const session = await requireFeedbackSession(db, actor, sessionId);
  return countFeedbackResponses(db, session.id);
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
): Promise<string> {
  const session = await requireFeedbackSession(db, actor, sessionId);
  if (session.feedback_code) return session.feedback_code;
  return db.transaction().execute(async (trx) => {
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
}

export async function setStrictFeedback(
  db: DB,
  actor: CurrentUser,
  sessionId: number,
  strict: boolean,
) {
  const session = await requireFeedbackSession(db, actor, sessionId);
  if ((session.strict_feedback === 1) === strict) return;
  await db.transaction().execute(async (trx) => {
    await setSessionStrictFeedback(trx, session.id, strict);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: strict ? "feedback.strictOn" : "feedback.strictOff",
      entityType: "session",
      entityId: session.id,
    });
  });
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
  const session = await requireFeedbackSession(db, actor, sessionId);
  if (!Number.isInteger(count) || count < 1 || count > MAX_ONE_TIME_CODES) {
    return { ok: false as const, error: "feedbackStaff.slips.countInvalid" };
  }
  const code = await ensureFeedbackCode(db, actor, sessionId);
  const codes = generateOneTimeCodes(count);
  await db.transaction().execute(async (trx) => {
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
  return {
    ok: true as const,
    codes,
    shortCode: code,
    url: feedbackUrl(options.appUrl, code),
    courseTitle: session.course_title,
    schoolName: session.school_name,
    startsAt: session.starts_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Form revisions
// ---------------------------------------------------------------------------------------------

/** The stored content of a form version, in the shape revisions are written in. */
export async function loadFeedbackFormContent(
  db: DB,
  formId: number,
): Promise<FeedbackFormContent> {
  const { items, texts } = await loadFeedbackFormRows(db, formId);
  const toText = (t: (typeof texts)[number]): FeedbackFormText => ({
    locale: t.locale as FeedbackLocale,
    text: t.text,
    isDraft: t.is_draft === 1,
  });
  const optionKeys = new Map<string, { scale: FeedbackScaleKey; value: string }>();
  for (const t of texts) {
    if (t.scale && t.option_value) {
      optionKeys.set(`${t.scale}:${t.option_value}`, { scale: t.scale, value: t.option_value });
    }
  }
  return {
    titles: texts.filter((t) => t.item_id === null && t.scale === null).map(toText),
    items: items.map((item) => ({
      key: item.key,
      scale: item.scale,
      texts: texts.filter((t) => t.item_id === item.id).map(toText),
    })),
    options: [...optionKeys.values()].map((o) => ({
      ...o,
      texts: texts.filter((t) => t.scale === o.scale && t.option_value === o.value).map(toText),
    })),
  };
}

/**
 * Changes an audience's form. A version that has answers is never edited: the change becomes a
 * new version (the old one stays as it was answered). A version without answers yet is edited in
 * place. Unchanged content changes nothing.
 */
export async function reviseFeedbackForm(
  db: DB,
  actor: CurrentUser,
  audience: FeedbackAudience,
  content: FeedbackFormContent,
): Promise<{ version: number; outcome: "unchanged" | "edited" | "newVersion" }> {
  // Forms belong to the catalogue: whoever manages courses (coordinators) manages their forms.
  requirePermission(actor, "course.manage");
  return db.transaction().execute(async (trx) => {
    const current = await findLatestFeedbackForm(trx, audience);
    if (!current) {
      await insertFeedbackFormVersion(trx, audience, 1, content);
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "feedbackForm.created",
        entityType: "feedback_form",
        entityId: `${audience}:1`,
      });
      return { version: 1, outcome: "newVersion" as const };
    }
    const existing = await loadFeedbackFormContent(trx, current.id);
    if (formContentFingerprint(existing) === formContentFingerprint(content)) {
      return { version: current.version, outcome: "unchanged" as const };
    }
    if (await feedbackFormHasResponses(trx, audience, current.version)) {
      const version = current.version + 1;
      await insertFeedbackFormVersion(trx, audience, version, content);
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "feedbackForm.newVersion",
        entityType: "feedback_form",
        entityId: `${audience}:${version}`,
        details: { previousVersion: current.version },
      });
      return { version, outcome: "newVersion" as const };
    }
    await replaceFeedbackFormContent(trx, current.id, content);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "feedbackForm.edited",
      entityType: "feedback_form",
      entityId: `${audience}:${current.version}`,
    });
    return { version: current.version, outcome: "edited" as const };
  });
}
