import { randomUUID } from "node:crypto";
import { type Insertable, sql } from "kysely";
import { type CountDelta, countResponses } from "../../app/domain/feedback-counts";
import type { FeedbackFormContent } from "../../app/domain/feedback-forms";
import type { DB } from "../connection";
import { fixedLimit } from "../dialect";
import { reusableQuery } from "../reusable-query";
import type { Audience, Database, FeedbackScaleKey } from "../schema";
import { addCountsWithRollups, type SessionRollupState } from "./feedback-rollup";

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

const latestFeedbackForm = reusableQuery((db: DB, audience: Audience) =>
  db
    .selectFrom("feedback_forms")
    .select(["id", "audience", "version"])
    .where("audience", "=", audience)
    .orderBy("version", "desc")
    .limit(fixedLimit(1)),
);

export function findLatestFeedbackForm(db: DB, audience: Audience) {
  return latestFeedbackForm.first(db, audience);
}

export function findFeedbackForm(db: DB, audience: Audience, version: number) {
  return db
    .selectFrom("feedback_forms")
    .select(["id", "audience", "version"])
    .where("audience", "=", audience)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** Items in order and every text of a form version (all languages). */
export async function loadFeedbackFormRows(db: DB, formId: number) {
  const [items, texts] = await Promise.all([
    db
      .selectFrom("feedback_items")
      .select(["id", "key", "scale", "position"])
      .where("form_id", "=", formId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("feedback_texts")
      .select(["item_id", "scale", "option_value", "locale", "text", "is_draft"])
      .where("form_id", "=", formId)
      .execute(),
  ]);
  return { items, texts };
}

export async function feedbackFormHasResponses(
  db: DB,
  audience: Audience,
  version: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("feedback_responses")
    .select(sql<number>`1`.as("one"))
    .where("audience", "=", audience)
    .where("form_version", "=", version)
    .limit(fixedLimit(1))
    .executeTakeFirst();
  return row !== undefined;
}

async function insertFormContent(db: DB, formId: number, content: FeedbackFormContent) {
  for (const title of content.titles) {
    await db
      .insertInto("feedback_texts")
      .values({
        form_id: formId,
        item_id: null,
        scale: null,
        option_value: null,
        locale: title.locale,
        text: title.text,
        is_draft: title.isDraft ? 1 : 0,
      })
      .execute();
  }
  for (const [index, item] of content.items.entries()) {
    const row = await db
      .insertInto("feedback_items")
      .values({ form_id: formId, position: index + 1, key: item.key, scale: item.scale })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (item.texts.length === 0) continue;
    await db
      .insertInto("feedback_texts")
      .values(
        item.texts.map((t) => ({
          form_id: formId,
          item_id: row.id,
          scale: null,
          option_value: null,
          locale: t.locale,
          text: t.text,
          is_draft: t.isDraft ? 1 : 0,
        })),
      )
      .execute();
  }
  for (const option of content.options) {
    if (option.texts.length === 0) continue;
    await db
      .insertInto("feedback_texts")
      .values(
        option.texts.map((t) => ({
          form_id: formId,
          item_id: null,
          scale: option.scale as FeedbackScaleKey,
          option_value: option.value,
          locale: t.locale,
          text: t.text,
          is_draft: t.isDraft ? 1 : 0,
        })),
      )
      .execute();
  }
}

/** A new form version with its items and texts. Call inside a transaction. */
export async function insertFeedbackFormVersion(
  db: DB,
  audience: Audience,
  version: number,
  content: FeedbackFormContent,
): Promise<number> {
  const form = await db
    .insertInto("feedback_forms")
    .values({ audience, version })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertFormContent(db, form.id, content);
  return form.id;
}

// ---------------------------------------------------------------------------------------------
// Sessions seen from the feedback pages
// ---------------------------------------------------------------------------------------------

const feedbackSessionByCode = reusableQuery((db: DB, code: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("courses", "courses.id", "sessions.course_id")
    .select([
      "sessions.id",
      "sessions.starts_at",
      "sessions.status",
      "sessions.feedback_close_days",
      "sessions.strict_feedback",
      "sessions.feedback_code",
      sql<Audience>`coalesce(courses.feedback_form_audience, courses.audience)`.as("audience"),
    ])
    .where("sessions.feedback_code", "=", code),
);

/** The session behind a short code, with the audience whose form it uses. */
export function findFeedbackSessionByCode(db: DB, code: string) {
  return feedbackSessionByCode.first(db, code);
}

/** A session for the staff feedback page, with its course, school and facilitators. */
export async function findSessionForFeedbackPage(db: DB, sessionId: number) {
  const session = await db
    .selectFrom("sessions")
    .innerJoin("courses", "courses.id", "sessions.course_id")
    .innerJoin("schools", "schools.id", "sessions.school_id")
    .select([
      "sessions.id",
      "sessions.school_id",
      "sessions.starts_at",
      "sessions.ends_at",
      "sessions.status",
      "sessions.feedback_code",
      "sessions.feedback_close_days",
      "sessions.strict_feedback",
      "courses.title as course_title",
      sql<Audience>`coalesce(courses.feedback_form_audience, courses.audience)`.as("audience"),
      "schools.name as school_name",
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  if (!session) return undefined;
  const facilitators = await db
    .selectFrom("session_facilitators")
    .select("user_id")
    .where("session_id", "=", sessionId)
    .execute();
  return { ...session, facilitatorIds: facilitators.map((f) => f.user_id) };
}

/** Sets the short code only if the session has none; returns whether it was set. */
export async function setSessionFeedbackCodeIfMissing(
  db: DB,
  sessionId: number,
  code: string,
): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ feedback_code: code })
    .where("id", "=", sessionId)
    .where("feedback_code", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function isFeedbackCodeTaken(db: DB, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("sessions")
    .select("id")
    .where("feedback_code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setSessionStrictFeedback(db: DB, sessionId: number, strict: boolean) {
  await db
    .updateTable("sessions")
    .set({ strict_feedback: strict ? 1 : 0 })
    .where("id", "=", sessionId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Responses (anonymous: see the table's comment in db/schema.ts)
// ---------------------------------------------------------------------------------------------

export interface NewFeedbackResponse {
  sessionId: number;
  audience: Audience;
  formVersion: number;
  locale: string;
  answers: Record<string, string>;
  comment: string | null;
  sessionDate: string;
}

/**
 * Inserts responses with random ids and adds them to the per-session evaluation counts and the
 * monthly rollups. Call it inside a transaction, so the counts can never drift from the responses. The only way answers are written: the public form, the demo seeds and
 * the scale generator all come through here. Returns nothing: callers have no use for the ids.
 */
export async function insertFeedbackResponses(
  db: DB,
  responses: readonly NewFeedbackResponse[],
  /** The sessions' rollup state read earlier in this transaction (else it is read here). */
  state?: SessionRollupState,
): Promise<void> {
  if (responses.length === 0) return;
  const delta = countResponses(
    responses.map((r) => ({
      sessionId: r.sessionId,
      audience: r.audience,
      formVersion: r.formVersion,
      answers: r.answers,
      hasComment: r.comment !== null && r.comment !== "",
    })),
  );
  await addCountsWithRollups(
    db,
    delta,
    async () => {
      for (let i = 0; i < responses.length; i += 500) {
        await insertResponseRows.run(
          db,
          responses.slice(i, i + 500).map((response) => ({
            id: randomUUID(),
            session_id: response.sessionId,
            audience: response.audience,
            form_version: response.formVersion,
            locale: response.locale,
            answers: JSON.stringify(response.answers),
            comment: response.comment,
            session_date: response.sessionDate,
          })),
        );
      }
      await addFeedbackCounts(db, delta);
    },
    state,
  );
}

const insertResponseRows = reusableQuery(
  (db: DB, rows: Insertable<Database["feedback_responses"]>[]) =>
    db.insertInto("feedback_responses").values(rows),
);

/** Inserts one response (see insertFeedbackResponses). Call inside a transaction. */
export async function insertFeedbackResponse(
  db: DB,
  response: NewFeedbackResponse,
  state?: SessionRollupState,
) {
  await insertFeedbackResponses(db, [response], state);
}

type ItemCountColumn =
  | "answers"
  | "dont_know"
  | "top_box"
  | "option_1"
  | "option_2"
  | "option_3"
  | "option_4"
  | "option_5"
  | "option_6";

const upsertSessionCounts = reusableQuery(
  (db: DB, rows: Insertable<Database["feedback_session_counts"]>[]) =>
    db
      .insertInto("feedback_session_counts")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["session_id", "audience", "form_version"]).doUpdateSet((eb) => ({
          responses: eb("feedback_session_counts.responses", "+", eb.ref("excluded.responses")),
          comments: eb("feedback_session_counts.comments", "+", eb.ref("excluded.comments")),
        })),
      ),
);

const upsertItemCounts = reusableQuery(
  (db: DB, rows: Insertable<Database["feedback_item_counts"]>[]) =>
    db
      .insertInto("feedback_item_counts")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["session_id", "audience", "form_version", "item_key"]).doUpdateSet((eb) => {
          const add = (column: ItemCountColumn) =>
            sql<number>`${sql.ref(`feedback_item_counts.${column}`)} + ${eb.ref(`excluded.${column}`)}`;
          return {
            answers: add("answers"),
            dont_know: add("dont_know"),
            top_box: add("top_box"),
            option_1: add("option_1"),
            option_2: add("option_2"),
            option_3: add("option_3"),
            option_4: add("option_4"),
            option_5: add("option_5"),
            option_6: add("option_6"),
          };
        }),
      ),
);

const upsertScaleSums = reusableQuery(
  (db: DB, rows: Insertable<Database["feedback_scale_sums"]>[]) =>
    db
      .insertInto("feedback_scale_sums")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["session_id", "audience", "form_version", "scale_key"]).doUpdateSet((eb) => ({
          respondents: eb("feedback_scale_sums.respondents", "+", eb.ref("excluded.respondents")),
          score_sum: eb("feedback_scale_sums.score_sum", "+", eb.ref("excluded.score_sum")),
          score_sum_squares: eb(
            "feedback_scale_sums.score_sum_squares",
            "+",
            eb.ref("excluded.score_sum_squares"),
          ),
        })),
      ),
);

/** Adds count rows to the stored counts (upserts). Call inside a transaction. */
export async function addFeedbackCounts(db: DB, delta: CountDelta) {
  const chunk = 500;
  for (let i = 0; i < delta.sessions.length; i += chunk) {
    await upsertSessionCounts.run(
      db,
      delta.sessions.slice(i, i + chunk).map((r) => ({
        session_id: r.sessionId,
        audience: r.audience,
        form_version: r.formVersion,
        responses: r.responses,
        comments: r.comments,
      })),
    );
  }
  for (let i = 0; i < delta.items.length; i += chunk) {
    await upsertItemCounts.run(
      db,
      delta.items.slice(i, i + chunk).map((r) => ({
        session_id: r.sessionId,
        audience: r.audience,
        form_version: r.formVersion,
        item_key: r.itemKey,
        answers: r.answers,
        dont_know: r.dontKnow,
        top_box: r.topBox,
        option_1: r.options[0],
        option_2: r.options[1],
        option_3: r.options[2],
        option_4: r.options[3],
        option_5: r.options[4],
        option_6: r.options[5],
      })),
    );
  }
  for (let i = 0; i < delta.scales.length; i += chunk) {
    await upsertScaleSums.run(
      db,
      delta.scales.slice(i, i + chunk).map((r) => ({
        session_id: r.sessionId,
        audience: r.audience,
        form_version: r.formVersion,
        scale_key: r.scaleKey,
        respondents: r.respondents,
        score_sum: r.scoreSum,
        score_sum_squares: r.scoreSumSquares,
      })),
    );
  }
}

/**
 * A session's number of answers, from its kept counts (written in each answer's transaction, so
 * exact): one or two rows by primary key, where counting the answers themselves walks every
 * answer of the session on each new one (the answer cap checks this on every submission).
 */
export async function countFeedbackResponses(db: DB, sessionId: number): Promise<number> {
  const [row] = await responsesOfSession.rows(db, sessionId);
  return Number(row.n);
}

const responsesOfSession = reusableQuery((db: DB, sessionId: number) =>
  db
    .selectFrom("feedback_session_counts")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("responses"), eb.lit(0)).as("n"))
    .where("session_id", "=", sessionId),
);

/**
 * Answers per session for a set of sessions (sessions without answers are absent): the track page
 * and anything else that reports answer counts reads them here, so the source can change (e.g. to
 * per-session count tables) in this one place. Served by feedback_responses_session_idx.
 */
export async function countFeedbackResponsesBySession(
  db: DB,
  sessionIds: readonly number[],
): Promise<Map<number, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("feedback_responses")
    .select(["session_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "in", sessionIds)
    .groupBy("session_id")
    .execute();
  return new Map(rows.map((row) => [row.session_id, Number(row.n)]));
}

/**
 * What a session's answer cap is relative to: registered attendance (any audience) and the
 * request's expected participants (groups x participants per group).
 */
export function findSessionParticipantFacts(db: DB, sessionId: number) {
  return sessionParticipantFacts.first(db, sessionId);
}

const sessionParticipantFacts = reusableQuery((db: DB, sessionId: number) =>
  db
    .selectFrom("sessions")
    .innerJoin("requests", "requests.id", "sessions.request_id")
    .select([
      "sessions.attendance_pupils",
      "sessions.attendance_professionals",
      "sessions.attendance_parents",
      "requests.group_count",
      "requests.participants_per_group",
    ])
    .where("sessions.id", "=", sessionId),
);

// ---------------------------------------------------------------------------------------------
// One-time codes
// ---------------------------------------------------------------------------------------------

export async function insertOneTimeCodeHashes(db: DB, sessionId: number, hashes: string[]) {
  const chunk = 200;
  for (let i = 0; i < hashes.length; i += chunk) {
    await db
      .insertInto("one_time_codes")
      .values(
        hashes
          .slice(i, i + chunk)
          .map((code_hash) => ({ id: randomUUID(), session_id: sessionId, code_hash, used: 0 })),
      )
      .execute();
  }
}

/**
 * Marks a code used if it belongs to the session and is unused. The conditional UPDATE is atomic,
 * so of two concurrent uses exactly one changes the row. `hashes` are the code's hash under each
 * current secret (rotation).
 */
export async function consumeOneTimeCode(
  db: DB,
  sessionId: number,
  hashes: string[],
): Promise<"ok" | "used" | "invalid"> {
  const updated = await db
    .updateTable("one_time_codes")
    .set({ used: 1 })
    .where("session_id", "=", sessionId)
    .where("code_hash", "in", hashes)
    .where("used", "=", 0)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return "ok";
  const existing = await db
    .selectFrom("one_time_codes")
    .select("used")
    .where("session_id", "=", sessionId)
    .where("code_hash", "in", hashes)
    .executeTakeFirst();
  return existing ? "used" : "invalid";
}

export async function countOneTimeCodes(db: DB, sessionId: number) {
  const row = await db
    .selectFrom("one_time_codes")
    .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.sum<number>("used").as("used")])
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), used: Number(row.used ?? 0) };
}
