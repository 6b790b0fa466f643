import { readFeedbackAnswer } from "../../app/domain/feedback-forms";
import {
  openFeedbackForm,
  type SubmitFeedbackResult,
  submitFeedback,
} from "../../app/services/feedback-public.server";
import type { DB } from "../../db/connection";

export interface FeedbackSessionOptions {
  /** The session's short code (6 characters from the code alphabet). */
  code: string;
  audience?: "pupils" | "parents" | "staff";
  /** Minutes from now to the session's start (negative = started in the past). */
  startsInMinutes?: number;
  durationMinutes?: number;
  strict?: boolean;
  closeDays?: number;
  status?: "scheduled" | "delivered" | "cancelled";
  /** Demo school slug (default: a pilot school). */
  schoolSlug?: string;
  /** Facilitator e-mails to assign. */
  facilitators?: string[];
}

/**
 * Inserts a request and a session with a feedback code into a seeded database (beside a running
 * app server, through a connection of the test's own). Returns the session's id and start.
 */
export async function insertFeedbackSession(db: DB, options: FeedbackSessionOptions) {
  const audience = options.audience ?? "pupils";
  const school = await db
    .selectFrom("schools")
    .select("id")
    .where("slug", "=", options.schoolSlug ?? "tingbjerg-skole")
    .executeTakeFirstOrThrow();
  const course = await db
    .selectFrom("courses")
    .select("id")
    .where("audience", "=", audience)
    .orderBy("id")
    .limit(1)
    .executeTakeFirstOrThrow();
  const leader = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "school_leader")
    .where("school_id", "=", school.id)
    .executeTakeFirstOrThrow();
  const start = new Date(Date.now() + (options.startsInMinutes ?? -30) * 60_000);
  const end = new Date(start.getTime() + (options.durationMinutes ?? 90) * 60_000);
  const request = await db
    .insertInto("requests")
    .values({
      school_id: school.id,
      requester_id: leader.id,
      course_id: course.id,
      status: "scheduled",
      group_count: 1,
      participants_per_group: 25,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto("sessions")
    .values({
      request_id: request.id,
      course_id: course.id,
      school_id: school.id,
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      status: options.status ?? "scheduled",
      uid: `test-${options.code}@frirum.test`,
      feedback_code: options.code,
      feedback_close_days: options.closeDays ?? 14,
      strict_feedback: options.strict ? 1 : 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const email of options.facilitators ?? []) {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("session_facilitators")
      .values({ session_id: session.id, user_id: user.id })
      .execute();
  }
  return { sessionId: session.id, startsAt: start.toISOString() };
}

/** A form post body for the feedback form. */
export function feedbackBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}

/**
 * Posts one answer to the public form the way the `/f/:code` action does: opens the form (session
 * checks, form version), reads the posted fields against it, then saves.
 */
export async function postFeedbackAnswer(
  db: DB,
  input: {
    code: string;
    lang: string | null;
    formData: FormData;
    cookieHeader: string | null;
    now: Date;
    secrets: readonly string[];
    clientAllowed?: boolean;
  },
): Promise<SubmitFeedbackResult> {
  const postedLang = input.formData.get("locale");
  const form = await openFeedbackForm(db, {
    ...input,
    postedLang: typeof postedLang === "string" ? postedLang : null,
  });
  if (!form.ok) return { saved: false, model: form.model };
  return submitFeedback(db, form, {
    answer: readFeedbackAnswer(input.formData, form.definition),
    secrets: input.secrets,
    clientAllowed: input.clientAllowed,
  });
}
