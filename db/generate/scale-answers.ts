/**
 * gen:scale's anonymous answers, made where they are stored. On PostgreSQL one
 * `INSERT ... SELECT` per audience and month makes every answer of the month's sessions in the
 * server (generate_series per session, one hash per item as its random number): Node sends a
 * few numbers per session instead of planning and shipping every answer (about 100 µs per answer
 * before). On SQLite, which has no hash function in SQL, the same choices are made in Node with a
 * seeded generator per session and bulk-inserted. Both draw each item's answer from
 * `itemChoices` (db/generate/feedback-answers.ts, the distribution of the demo's answers) and
 * give the same seed the same rows. Counts and rollups are not written here: gen:scale rebuilds
 * them from the rows (db/feedback-counts.ts) after the last month.
 */
import { createHash } from "node:crypto";
import { CompiledQuery } from "kysely";
import type { FeedbackAudience } from "../../app/domain/feedback-bank";
import type { DB } from "../connection";
import { isPostgres } from "../dialect";
import { insertRows } from "./bulk";
import {
  type Cohort,
  type ItemChoices,
  itemChoices,
  pickAnswer,
  seededRandom,
} from "./feedback-answers";

/** One delivered session's answers to make. */
export interface SessionAnswers {
  sessionId: number;
  /** Answers (respondents) in the session; below RESPONDENTS_PER_SESSION. */
  count: number;
  cohort: Cohort;
  /** The session's shift of the top-box chance (sessionEffect). */
  effect: number;
  /** The session's day, YYYY-MM-DD. */
  date: string;
}

export const COMMENT_RATE = 0.05;
const COMMENT = "Skalakommentar";
/**
 * On PostgreSQL an item's random number is hashint8extended((session * 64 + respondent) * 32 +
 * item, seed): the key stays below 2^32 (so the hash input is never folded) up to 2 million
 * sessions, 63 respondents and 31 items.
 */
const RESPONDENTS_PER_SESSION = 64;
const DRAWS_PER_RESPONDENT = 32;
/** 24 random bits per draw: far finer than the smallest chance used (0.03 x a share). */
const DRAW_BITS = 2 ** 24;

/**
 * A random-looking response id in the app's UUID v4 form from md5(seed/session/respondent):
 * the same in Node and in PostgreSQL (md5 on both), unique per seed, session and respondent.
 */
export function responseUuid(seed: number, sessionId: number, respondent: number): string {
  return uuidFromMd5(createHash("md5").update(`${seed}/${sessionId}/${respondent}`).digest("hex"));
}

function uuidFromMd5(h: string): string {
  const variant = "89ab"[Number.parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The SQL twin of uuidFromMd5 over a hex digest column `h`. */
const UUID_SQL = `substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
  || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18, 3) || '-'
  || substr(h, 21, 12)`;

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** A JSON object member `"key":"value"` as a SQL literal (keys and values are plain words). */
const member = (key: string, value: string) =>
  sqlText(JSON.stringify({ [key]: value }).slice(1, -1));

/**
 * pickAnswer as a SQL CASE over the draw `u` and the top-box chance `p`: the same cut points of
 * [0, 1), written out (u below a cut point gives that answer).
 */
export function pickAnswerSql(
  choices: ItemChoices,
  key: string,
  u: string,
  p: string,
  // A constant as SQL; PostgreSQL's statement passes float8 constants, so no comparison goes
  // through numeric.
  constant: (x: number) => string = String,
): string {
  const skip = choices.skipRate;
  const parts = [`WHEN ${u} < ${constant(skip)} THEN NULL`];
  let start = skip;
  let rest = 1 - skip;
  if (choices.dontKnow) {
    const cut = skip + rest * choices.dontKnow.rate;
    parts.push(`WHEN ${u} < ${constant(cut)} THEN ${member(key, choices.dontKnow.value)}`);
    start = cut;
    rest = 1 - cut;
  }
  let cumulative = 0;
  for (const option of choices.top) {
    cumulative += option.share;
    parts.push(
      `WHEN ${u} < ${constant(start)} + ${constant(rest)} * ${p} * ${constant(cumulative)} THEN ${member(key, option.value)}`,
    );
  }
  cumulative = 0;
  choices.middle.forEach((option, i) => {
    cumulative += option.share;
    const last = i === choices.middle.length - 1;
    parts.push(
      last
        ? `ELSE ${member(key, option.value)}`
        : `WHEN ${u} < ${constant(start)} + ${constant(rest)} * (${p} + (1 - ${p}) * ${constant(cumulative)}) THEN ${member(key, option.value)}`,
    );
  });
  return `CASE ${parts.join(" ")} END`;
}

function checkLimits(sessions: readonly SessionAnswers[], keys: readonly string[]) {
  if (keys.length >= DRAWS_PER_RESPONDENT) throw new Error(`${keys.length} items: too many`);
  for (const s of sessions) {
    if (s.count >= RESPONDENTS_PER_SESSION) {
      throw new Error(`session ${s.sessionId}: ${s.count} answers, at most 63`);
    }
  }
}

/** The statement that makes the answers of one audience's sessions on PostgreSQL. */
function postgresAnswersQuery(
  seed: number,
  audience: FeedbackAudience,
  form: { version: number; keys: readonly string[] },
  sessions: readonly SessionAnswers[],
): CompiledQuery {
  // Cut points and option values are the same for every session of the audience and written
  // into the statement; the top-box chance of each item depends on the session and travels as
  // one array per item (a column per item after unnest: no parsing per session or respondent).
  const keys = form.keys;
  const items = keys.map((key, i) =>
    pickAnswerSql(
      itemChoices(audience, "standard", key, 0),
      key,
      `u${i + 1}`,
      `p${i + 1}`,
      (x) => `${x}::float8`,
    ),
  );
  const draw = (offset: number) =>
    `(hashint8extended(base + ${offset}, ${seed}) & ${DRAW_BITS - 1})::float8 / ${DRAW_BITS}`;
  const text = `INSERT INTO feedback_responses
      (id, session_id, audience, form_version, locale, answers, comment, session_date)
    SELECT ${UUID_SQL} AS id, session_id, ${sqlText(audience)} AS audience,
      ${form.version} AS form_version, 'da' AS locale,
      '{' || concat_ws(',', ${items.length > 0 ? items.join(",\n") : "NULL"}) || '}' AS answers,
      CASE WHEN u0 < ${COMMENT_RATE}::float8 THEN ${sqlText(COMMENT)} END AS comment,
      session_date
    FROM (
      SELECT s.*, d.*
      FROM unnest($1::integer[], $2::integer[], $3::date[]${keys.map((_, i) => `, $${i + 4}::float8[]`).join("")})
        AS s(session_id, count, session_date${keys.map((_, i) => `, p${i + 1}`).join("")})
      CROSS JOIN LATERAL generate_series(1, s.count) AS n
      CROSS JOIN LATERAL (SELECT md5(${seed} || '/' || s.session_id || '/' || n) AS h,
          (s.session_id::int8 * ${RESPONDENTS_PER_SESSION} + n) * ${DRAWS_PER_RESPONDENT} AS base
        OFFSET 0) AS k
      CROSS JOIN LATERAL (SELECT k.h, ${draw(0)} AS u0${keys.map((_, i) => `, ${draw(i + 1)} AS u${i + 1}`).join("")}
        FROM (SELECT k.base) AS b OFFSET 0) AS d
    ) AS r`;
  return CompiledQuery.raw(text, [
    sessions.map((s) => s.sessionId),
    sessions.map((s) => s.count),
    sessions.map((s) => s.date),
    ...keys.map((key) =>
      sessions.map((s) => itemChoices(audience, s.cohort, key, s.effect).topChance),
    ),
  ]);
}

const RESPONSE_COLUMNS = [
  { name: "id", pgType: "text" },
  { name: "session_id", pgType: "integer" },
  { name: "audience", pgType: "text" },
  { name: "form_version", pgType: "integer" },
  { name: "locale", pgType: "text" },
  { name: "answers", pgType: "text" },
  { name: "comment", pgType: "text" },
  { name: "session_date", pgType: "date" },
] as const;

/** The same answers' rows made in Node (SQLite): one seeded generator per session. */
function answerRows(
  seed: number,
  audience: FeedbackAudience,
  form: { version: number; keys: readonly string[] },
  sessions: readonly SessionAnswers[],
): unknown[][] {
  const rows: unknown[][] = [];
  for (const s of sessions) {
    const random = seededRandom((Math.imul(seed, 0x9e3779b1) ^ s.sessionId) >>> 0);
    const choices = form.keys.map((k) => itemChoices(audience, s.cohort, k, s.effect));
    for (let n = 1; n <= s.count; n++) {
      const comment = random() < COMMENT_RATE ? COMMENT : null;
      const answers: Record<string, string> = {};
      form.keys.forEach((key, i) => {
        const value = pickAnswer(choices[i], random());
        if (value !== null) answers[key] = value;
      });
      rows.push([
        responseUuid(seed, s.sessionId, n),
        s.sessionId,
        audience,
        form.version,
        "da",
        JSON.stringify(answers),
        comment,
        s.date,
      ]);
    }
  }
  return rows;
}

/** Inserts the answers of one audience's sessions (one form version) on the caller's connection. */
export async function insertSessionAnswers(
  db: DB,
  seed: number,
  audience: FeedbackAudience,
  form: { version: number; keys: readonly string[] },
  sessions: readonly SessionAnswers[],
): Promise<void> {
  const answered = sessions.filter((s) => s.count > 0);
  if (answered.length === 0) return;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed ${seed}: a whole number, please`);
  checkLimits(answered, form.keys);
  if (isPostgres(db)) {
    await db.executeQuery(postgresAnswersQuery(seed, audience, form, answered));
    return;
  }
  await insertRows(
    db,
    "feedback_responses",
    RESPONSE_COLUMNS,
    answerRows(seed, audience, form, answered),
  );
}
