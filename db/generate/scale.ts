/**
 * National-scale data for benchmarks (`npm run gen:scale`): schools with their leaders,
 * facilitators, ten years of requests and sessions on school days (delivered, some cancelled,
 * the coming weeks scheduled, open and declined requests for the inbox), attendance and anonymous
 * answers with their per-session counts and monthly rollups. Seeded and deterministic: the same
 * options on the same database give the same rows.
 *
 * Built to load 30 million answers. The plan (every random draw) is plain TypeScript, made one
 * month at a time; the counts and rollups of a month are computed in memory with the same pure
 * functions the app uses (countResponses, sessionRollup), so they are exact; each month is then
 * written with bulk inserts (db/dialect.ts bulkInsertQueries: PostgreSQL unnest arrays of 10,000
 * rows, SQLite multi-row VALUES) in one transaction. Months never share a rollup key, and the
 * rollups are upserts that add, so data already in the database (the demo) stays right.
 *
 * Requests and sessions get explicit ids (after the largest existing one), so a month needs no
 * round trip for ids: run it while nothing else writes requests or sessions.
 */

import {
  type RollupDelta,
  type RollupKey,
  sessionRollup,
  termRollup,
} from "../../app/domain/evaluation-rollup";
import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "../../app/domain/feedback-bank";
import {
  countResponses,
  type ItemCountRow,
  type ScaleSumRow,
  type SessionCountRow,
} from "../../app/domain/feedback-counts";
import { copenhagenToUtc } from "../../app/domain/timezone";
import type { DB } from "../connection";
import { advanceIdAfterExplicitIds, type BulkColumn, refreshPlannerStatistics } from "../dialect";
import { findLatestFeedbackForm } from "../queries/feedback";
import { mergeRollups } from "../queries/feedback-rollup";
import { seedFeedbackForms } from "../seed-feedback";
import { insertRows } from "./bulk";
import { type Cohort, generateAnswers, seededRandom, sessionEffect } from "./feedback-answers";

export interface ScaleOptions {
  /** Answers to add (exactly this many). */
  answers: number;
  schools: number;
  /** Years back from `end` that delivered sessions are spread over. */
  years: number;
  seed: number;
  /** Sessions before this day are past (delivered or cancelled); later ones scheduled. */
  end: Date;
  /** Mean answers per session (25 = a class). */
  perSession?: number;
  /** Facilitators (default: 4 per 10 schools, at least 4). */
  facilitators?: number;
  /** Weeks after `end` with scheduled sessions (default 8). */
  weeksAhead?: number;
  /** Checked after each month: true stops the run there (the months written stay complete). */
  stop?: () => boolean;
  /** Called after each month is written. */
  onProgress?: (progress: { month: string; answers: number; sessions: number }) => void;
}

export interface ScaleResult {
  sessions: number;
  answers: number;
  requests: number;
}

const DAY = 86_400_000;
/** Session starts (Copenhagen wall time); sessions last 90 minutes, so slots never overlap. */
const SLOTS = ["08:00", "10:00", "12:00", "14:00"] as const;

interface School {
  id: number;
  cohort: Cohort;
  leader: number;
}

interface Fixtures {
  schools: School[];
  facilitators: number[];
  courses: Map<FeedbackAudience, number>;
  forms: Map<FeedbackAudience, { version: number; keys: string[] }>;
}

/** Makes (or reuses) the scale schools, leaders, facilitators and courses. */
async function ensureFixtures(db: DB, schools: number, facilitators: number): Promise<Fixtures> {
  await seedFeedbackForms(db);
  const existingSchools = new Map(
    (
      await db
        .selectFrom("schools")
        .select(["id", "slug"])
        .where("slug", "like", "scale-school-%")
        .execute()
    ).map((s) => [s.slug, s.id]),
  );
  const missing = Array.from({ length: schools }, (_, i) => i).filter(
    (i) => !existingSchools.has(`scale-school-${i + 1}`),
  );
  await db.transaction().execute(async (trx) => {
    await insertRows(
      trx,
      "schools",
      [
        { name: "slug", pgType: "text" },
        { name: "name", pgType: "text" },
        { name: "district", pgType: "text" },
        { name: "pilot_cohort", pgType: "integer" },
      ],
      missing.map((i) => [
        `scale-school-${i + 1}`,
        `Skalaskole ${i + 1}`,
        `Kommune ${(i % 98) + 1}`,
        i % 10 === 0 ? 2024 : null,
      ]),
    );
    const ids = new Map(
      (
        await trx
          .selectFrom("schools")
          .select(["id", "slug"])
          .where("slug", "like", "scale-school-%")
          .execute()
      ).map((s) => [s.slug, s.id]),
    );
    await insertRows(
      trx,
      "users",
      [
        { name: "email", pgType: "text" },
        { name: "name", pgType: "text" },
        { name: "role", pgType: "text" },
        { name: "school_id", pgType: "integer" },
      ],
      missing.map((i) => [
        `leder.scale-school-${i + 1}@scale.test`,
        `Leder ${i + 1}`,
        "school_leader",
        ids.get(`scale-school-${i + 1}`),
      ]),
    );
    const existingFacilitators = new Set(
      (
        await trx
          .selectFrom("users")
          .select("email")
          .where("email", "like", "facilitator.%@scale.test")
          .execute()
      ).map((u) => u.email),
    );
    const languages = ['["da"]', '["da","en"]', '["da","ar"]', '["da","so"]', '["da","tr"]'];
    await insertRows(
      trx,
      "users",
      [
        { name: "email", pgType: "text" },
        { name: "name", pgType: "text" },
        { name: "role", pgType: "text" },
        { name: "languages", pgType: "text" },
      ],
      Array.from({ length: facilitators }, (_, i) => i)
        .filter((i) => !existingFacilitators.has(`facilitator.${i + 1}@scale.test`))
        .map((i) => [
          `facilitator.${i + 1}@scale.test`,
          `Skalafacilitator ${i + 1}`,
          "facilitator",
          languages[i % languages.length],
        ]),
    );
  });
  const leaders = new Map(
    (
      await db
        .selectFrom("users")
        .select(["id", "email"])
        .where("email", "like", "leder.scale-school-%@scale.test")
        .execute()
    ).map((u) => [u.email, u.id]),
  );
  const schoolIds = new Map(
    (
      await db
        .selectFrom("schools")
        .select(["id", "slug"])
        .where("slug", "like", "scale-school-%")
        .execute()
    ).map((s) => [s.slug, s.id]),
  );
  const schoolList: School[] = Array.from({ length: schools }, (_, i) => {
    const slug = `scale-school-${i + 1}`;
    const id = schoolIds.get(slug);
    const leader = leaders.get(`leder.${slug}@scale.test`);
    if (id === undefined || leader === undefined) throw new Error(`scale school ${slug} missing`);
    // Every tenth school is in the pilot cohort.
    return { id, cohort: i % 10 === 0 ? "pilot" : "standard", leader };
  });
  const facilitatorIds = new Map(
    (
      await db
        .selectFrom("users")
        .select(["id", "email"])
        .where("email", "like", "facilitator.%@scale.test")
        .execute()
    ).map((u) => [u.email, u.id]),
  );
  const facilitatorList = Array.from({ length: facilitators }, (_, i) => {
    const id = facilitatorIds.get(`facilitator.${i + 1}@scale.test`);
    if (id === undefined) throw new Error(`scale facilitator ${i + 1} missing`);
    return id;
  });

  const courses = new Map<FeedbackAudience, number>();
  for (const audience of FEEDBACK_AUDIENCES) {
    const slug = `scale-course-${audience}`;
    let course = await db
      .selectFrom("courses")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirst();
    course ??= await db
      .insertInto("courses")
      .values({
        slug,
        title: `Skalaforløb (${audience})`,
        audience,
        duration_minutes: 90,
        max_participants: 30,
        feedback_form_audience: audience,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    courses.set(audience, course.id);
  }
  const forms = new Map<FeedbackAudience, { version: number; keys: string[] }>();
  for (const audience of FEEDBACK_AUDIENCES) {
    const form = await findLatestFeedbackForm(db, audience);
    if (!form) throw new Error("no feedback form");
    const items = await db
      .selectFrom("feedback_items")
      .select("key")
      .where("form_id", "=", form.id)
      .orderBy("position")
      .execute();
    forms.set(audience, { version: form.version, keys: items.map((i) => i.key) });
  }
  return { schools: schoolList, facilitators: facilitatorList, courses, forms };
}

/**
 * Random-looking response ids (UUID v4 form) from a seeded generator with 128 bits of state
 * (xoshiro128**), salted with the run's first session id so two runs never repeat an id.
 */
export function seededUuids(seed: number, salt: number): () => string {
  let z = (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  const splitmix = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
    return (t ^ (t >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const hex = (x: number) => x.toString(16).padStart(8, "0");
  return () => {
    const w1 = hex(next());
    const w2 = hex(next());
    const w3 = hex(next());
    const w4 = hex(next());
    const variant = "89ab"[Number.parseInt(w3[0], 16) & 3];
    return `${w1}-${w2.slice(0, 4)}-4${w2.slice(5, 8)}-${variant}${w3.slice(1, 4)}-${w3.slice(4)}${w4}`;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Mondays to Fridays outside July (summer holiday) and 22 December - 2 January. */
function isSchoolDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay.startsWith("07-")) return false;
  return !(monthDay >= "12-22" || monthDay <= "01-02");
}

function schoolDays(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = from; t < to; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isSchoolDay(date)) days.push(date);
  }
  return days;
}

const utcCache = new Map<string, string>();
/** Copenhagen wall time to a UTC instant (cached: a few thousand distinct values). */
function utcOf(date: string, time: string): string {
  const key = `${date} ${time}`;
  let value = utcCache.get(key);
  if (value === undefined) {
    const result = copenhagenToUtc(date, time);
    if (!result.ok) throw new Error(`${key}: ${result.error}`);
    value = result.utc;
    utcCache.set(key, value);
  }
  return value;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Rows of one month, in the order they are written (parents before children). */
interface Batch {
  month: string;
  requests: unknown[][];
  windows: unknown[][];
  sessions: unknown[][];
  facilitators: unknown[][];
  responses: unknown[][];
  sessionCounts: SessionCountRow[];
  itemCounts: ItemCountRow[];
  scaleSums: ScaleSumRow[];
  rollups: RollupDelta[];
  answers: number;
}

const REQUEST_COLUMNS: BulkColumn[] = [
  { name: "id", pgType: "integer" },
  { name: "school_id", pgType: "integer" },
  { name: "requester_id", pgType: "integer" },
  { name: "course_id", pgType: "integer" },
  { name: "status", pgType: "text" },
  { name: "group_count", pgType: "integer" },
  { name: "participants_per_group", pgType: "integer" },
  { name: "decline_reason", pgType: "text" },
  { name: "created_at", pgType: "timestamptz" },
  { name: "updated_at", pgType: "timestamptz" },
];
const WINDOW_COLUMNS: BulkColumn[] = [
  { name: "request_id", pgType: "integer" },
  { name: "position", pgType: "integer" },
  { name: "date", pgType: "date" },
  { name: "part", pgType: "text" },
];
const SESSION_COLUMNS: BulkColumn[] = [
  { name: "id", pgType: "integer" },
  { name: "request_id", pgType: "integer" },
  { name: "course_id", pgType: "integer" },
  { name: "school_id", pgType: "integer" },
  { name: "starts_at", pgType: "timestamptz" },
  { name: "ends_at", pgType: "timestamptz" },
  { name: "status", pgType: "text" },
  { name: "uid", pgType: "text" },
  { name: "attendance_pupils", pgType: "integer" },
  { name: "attendance_parents", pgType: "integer" },
  { name: "attendance_professionals", pgType: "integer" },
  { name: "delivered_at", pgType: "timestamptz" },
  { name: "cancelled_at", pgType: "timestamptz" },
  { name: "created_at", pgType: "timestamptz" },
  { name: "updated_at", pgType: "timestamptz" },
];
const FACILITATOR_COLUMNS: BulkColumn[] = [
  { name: "session_id", pgType: "integer" },
  { name: "user_id", pgType: "integer" },
  { name: "created_at", pgType: "timestamptz" },
];
const RESPONSE_COLUMNS: BulkColumn[] = [
  { name: "id", pgType: "text" },
  { name: "session_id", pgType: "integer" },
  { name: "audience", pgType: "text" },
  { name: "form_version", pgType: "integer" },
  { name: "locale", pgType: "text" },
  { name: "answers", pgType: "text" },
  { name: "comment", pgType: "text" },
  { name: "session_date", pgType: "date" },
];
const COUNT_KEY: BulkColumn[] = [
  { name: "session_id", pgType: "integer" },
  { name: "audience", pgType: "text" },
  { name: "form_version", pgType: "integer" },
];
const ROLLUP_KEY: BulkColumn[] = [
  { name: "audience", pgType: "text" },
  { name: "month", pgType: "text" },
  { name: "school_id", pgType: "integer" },
  { name: "course_id", pgType: "integer" },
  { name: "form_version", pgType: "integer" },
];
const int = (name: string): BulkColumn => ({ name, pgType: "integer" });
const real = (name: string): BulkColumn => ({ name, pgType: "double precision" });
const OPTIONS = ["option_1", "option_2", "option_3", "option_4", "option_5", "option_6"];
/** The monthly rollups and the term rollups (month = the term's first month, every course). */
const ROLLUP_GRAINS = [
  {
    term: false,
    items: "feedback_item_rollup",
    scales: "feedback_scale_rollup",
    sessions: "feedback_session_rollup",
    key: ROLLUP_KEY,
  },
  {
    term: true,
    items: "feedback_item_term_rollup",
    scales: "feedback_scale_term_rollup",
    sessions: "feedback_session_term_rollup",
    key: [
      { name: "audience", pgType: "text" },
      { name: "term", pgType: "text" },
      { name: "school_id", pgType: "integer" },
      { name: "form_version", pgType: "integer" },
    ] as BulkColumn[],
  },
] as const;
const ITEM_ROLLUP_VALUES = [
  "sessions",
  "answers",
  "dont_know",
  "top_box",
  ...OPTIONS,
  "clusters",
  "top_box_sq_over_valid",
  "valid_sq",
  "answers_with_attendance",
  "attendance",
  "excluded_sessions",
];
const SCALE_ROLLUP_VALUES = [
  "sessions",
  "respondents",
  "score_sum",
  "score_sum_squares",
  "sum_sq_over_n",
  "n_sq",
];
const SESSION_ROLLUP_VALUES = [
  "sessions",
  "with_attendance",
  "attendance",
  "respondents_with_attendance",
  "small_sessions",
  "comments",
];
const REALS = new Set(["top_box_sq_over_valid", "score_sum", "score_sum_squares", "sum_sq_over_n"]);
const valueColumn = (name: string) => (REALS.has(name) ? real(name) : int(name));

/** Writes one month: rows, counts and rollups, in one transaction. */
async function writeBatch(db: DB, batch: Batch) {
  // A plain transaction: nothing is read before the writes (ids, counts and rollups were planned
  // outside), and gen:scale is the only writer of these rows.
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, "requests", REQUEST_COLUMNS, batch.requests);
    await insertRows(trx, "request_windows", WINDOW_COLUMNS, batch.windows);
    await insertRows(trx, "sessions", SESSION_COLUMNS, batch.sessions);
    await insertRows(trx, "session_facilitators", FACILITATOR_COLUMNS, batch.facilitators);
    await insertRows(trx, "feedback_responses", RESPONSE_COLUMNS, batch.responses);
    await insertRows(
      trx,
      "feedback_session_counts",
      [...COUNT_KEY, int("responses"), int("comments")],
      batch.sessionCounts.map((r) => [
        r.sessionId,
        r.audience,
        r.formVersion,
        r.responses,
        r.comments,
      ]),
    );
    await insertRows(
      trx,
      "feedback_item_counts",
      [
        ...COUNT_KEY,
        { name: "item_key", pgType: "text" },
        int("answers"),
        int("dont_know"),
        int("top_box"),
        ...OPTIONS.map(int),
      ],
      batch.itemCounts.map((r) => [
        r.sessionId,
        r.audience,
        r.formVersion,
        r.itemKey,
        r.answers,
        r.dontKnow,
        r.topBox,
        ...r.options,
      ]),
    );
    await insertRows(
      trx,
      "feedback_scale_sums",
      [
        ...COUNT_KEY,
        { name: "scale_key", pgType: "text" },
        int("respondents"),
        real("score_sum"),
        real("score_sum_squares"),
      ],
      batch.scaleSums.map((r) => [
        r.sessionId,
        r.audience,
        r.formVersion,
        r.scaleKey,
        r.respondents,
        r.scoreSum,
        r.scoreSumSquares,
      ]),
    );
    // Both grains of rollups: a month's rows add into the term's (upserts that add).
    const monthly = mergeRollups(...batch.rollups);
    for (const grain of ROLLUP_GRAINS) {
      const rollup = grain.term ? mergeRollups(termRollup(monthly)) : monthly;
      const keyOf = (r: RollupKey) =>
        grain.term
          ? [r.audience, r.month, r.schoolId, r.formVersion]
          : [r.audience, r.month, r.schoolId, r.courseId, r.formVersion];
      const adding = (key: string[], columns: string[]) => ({
        addOnConflict: { key: [...grain.key.map((c) => c.name), ...key], columns },
      });
      await insertRows(
        trx,
        grain.items,
        [
          ...grain.key,
          { name: "item_key", pgType: "text" },
          ...ITEM_ROLLUP_VALUES.map(valueColumn),
        ],
        rollup.items.map((r) => [
          ...keyOf(r),
          r.itemKey,
          r.sessions,
          r.answers,
          r.dontKnow,
          r.topBox,
          ...r.options,
          r.clusters,
          r.topBoxSqOverValid,
          r.validSq,
          r.answersWithAttendance,
          r.attendance,
          r.excludedSessions,
        ]),
        adding(["item_key"], ITEM_ROLLUP_VALUES),
      );
      await insertRows(
        trx,
        grain.scales,
        [
          ...grain.key,
          { name: "scale_key", pgType: "text" },
          ...SCALE_ROLLUP_VALUES.map(valueColumn),
        ],
        rollup.scales.map((r) => [
          ...keyOf(r),
          r.scaleKey,
          r.sessions,
          r.respondents,
          r.scoreSum,
          r.scoreSumSquares,
          r.sumSqOverN,
          r.nSq,
        ]),
        adding(["scale_key"], SCALE_ROLLUP_VALUES),
      );
      await insertRows(
        trx,
        grain.sessions,
        [...grain.key, ...SESSION_ROLLUP_VALUES.map(valueColumn)],
        rollup.sessions.map((r) => [
          ...keyOf(r),
          r.sessions,
          r.withAttendance,
          r.attendance,
          r.respondentsWithAttendance,
          r.smallSessions,
          r.comments,
        ]),
        adding([], SESSION_ROLLUP_VALUES),
      );
    }
  });
}

function emptyBatch(month: string): Batch {
  return {
    month,
    requests: [],
    windows: [],
    sessions: [],
    facilitators: [],
    responses: [],
    sessionCounts: [],
    itemCounts: [],
    scaleSums: [],
    rollups: [],
    answers: 0,
  };
}

const ATTENDANCE_INDEX: Record<FeedbackAudience, number> = { pupils: 0, parents: 1, staff: 2 };

/**
 * Adds `options.answers` answers in delivered sessions on the school days of `options.years`
 * years before `options.end`, with the requests, facilitators, cancelled and scheduled sessions
 * and open requests around them.
 */
export async function generateScaleData(db: DB, options: ScaleOptions): Promise<ScaleResult> {
  const random = seededRandom(options.seed);
  const perSession = options.perSession ?? 25;
  const facilitatorCount = options.facilitators ?? Math.max(4, Math.round(options.schools * 0.4));
  const fixtures = await ensureFixtures(db, options.schools, facilitatorCount);
  const { schools, facilitators, courses, forms } = fixtures;
  const maxId = async (table: "requests" | "sessions") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.max<number>("id").as("max"))
          .executeTakeFirstOrThrow()
      ).max ?? 0,
    );
  let requestId = await maxId("requests");
  let sessionId = await maxId("sessions");
  const uuid = seededUuids(options.seed, sessionId + 1);

  const end = options.end.getTime();
  const today = iso(end).slice(0, 10);
  const todayStart = Date.parse(`${today}T00:00:00Z`);
  const past = schoolDays(todayStart - Math.round(options.years * 365) * DAY, todayStart);
  const ahead = schoolDays(todayStart + DAY, todayStart + (options.weeksAhead ?? 8) * 7 * DAY);

  const pickSchool = () => schools[Math.floor(random() * schools.length)];
  const pickAudience = (): FeedbackAudience => {
    const roll = random();
    return roll < 0.7 ? "pupils" : roll < 0.85 ? "staff" : "parents";
  };
  /** Per day and slot, how many facilitators are taken: the next one is free at that time. */
  let slotUse = [0, 0, 0, 0];
  let dayIndex = 0;
  const takeFacilitator = (slot: number) =>
    facilitators[(dayIndex * 7 + slot * 13 + slotUse[slot]++) % facilitators.length];

  const result: ScaleResult = { sessions: 0, answers: 0, requests: 0 };

  /** A request of 1-3 groups on one day (one session per group in consecutive slots). */
  function planRequest(
    batch: Batch,
    date: string,
    kind: "past" | "scheduled",
    answerBudget: () => number,
  ) {
    const school = pickSchool();
    const audience = pickAudience();
    const courseId = courses.get(audience) ?? 0;
    const groupRoll = random();
    const groups = groupRoll < 0.5 ? 1 : groupRoll < 0.8 ? 2 : 3;
    const firstSlot = Math.floor(random() * (SLOTS.length - groups + 1));
    const dayStart = Date.parse(`${date}T00:00:00Z`);
    const createdAt = iso(dayStart - (14 + Math.floor(random() * 50)) * DAY + 9 * 3_600_000);
    const cancelled = kind === "past" && random() < 0.03;
    const participants = Math.round(perSession * 1.1);
    requestId++;
    const thisRequest = requestId;
    const lastEnd = Date.parse(utcOf(date, SLOTS[firstSlot + groups - 1])) + 90 * 60_000;
    batch.requests.push([
      thisRequest,
      school.id,
      school.leader,
      courseId,
      kind === "scheduled" ? "scheduled" : cancelled ? "cancelled" : "delivered",
      groups,
      participants,
      null,
      createdAt,
      kind === "past" ? iso(lastEnd + 2 * 3_600_000) : createdAt,
    ]);
    // Now and then a school asks for a course that cannot be given (declined, no sessions).
    if (kind === "past" && random() < 0.02) {
      requestId++;
      batch.requests.push([
        requestId,
        school.id,
        school.leader,
        courseId,
        "declined",
        1,
        participants,
        "Ingen ledig facilitator i perioden",
        createdAt,
        iso(Date.parse(createdAt) + 2 * DAY),
      ]);
    }
    const form = forms.get(audience);
    for (let g = 0; g < groups; g++) {
      const slot = firstSlot + g;
      const startsAt = utcOf(date, SLOTS[slot]);
      const endsAt = iso(Date.parse(startsAt) + 90 * 60_000);
      sessionId++;
      const id = sessionId;
      const lead = takeFacilitator(slot);
      batch.facilitators.push([id, lead, createdAt]);
      if (random() < 0.1) {
        const second = takeFacilitator(slot);
        if (second !== lead) batch.facilitators.push([id, second, createdAt]);
      }
      const attendance: Array<number | null> = [null, null, null];
      let count = 0;
      let status = "scheduled";
      if (kind === "past" && !cancelled) {
        status = "delivered";
        // A few sessions get only 1-4 answers (left out of the figures); most about a class.
        const wanted =
          random() < 0.04
            ? 1 + Math.floor(random() * 4)
            : Math.round(perSession * (0.6 + random() * 0.8));
        // The day's last request may have groups left when its answers are used up: those
        // sessions were delivered without answers (they still count for attendance).
        count = Math.min(answerBudget(), wanted);
        const present = Math.max(1, Math.round(Math.max(count, wanted) / (0.6 + random() * 0.35)));
        attendance[ATTENDANCE_INDEX[audience]] = random() < 0.03 ? null : present;
      } else if (cancelled) {
        status = "cancelled";
      }
      batch.sessions.push([
        id,
        thisRequest,
        courseId,
        school.id,
        startsAt,
        endsAt,
        status,
        `scale-${id}@scale.test`,
        attendance[0],
        attendance[1],
        attendance[2],
        status === "delivered" ? iso(Date.parse(endsAt) + 3_600_000) : null,
        status === "cancelled" ? iso(Date.parse(startsAt) - 3 * DAY) : null,
        createdAt,
        status === "delivered" ? iso(Date.parse(endsAt) + 3_600_000) : createdAt,
      ]);
      if (status !== "delivered" || !form) continue;
      const effect = count > 0 ? sessionEffect(random) : 0;
      const answers: Array<{ answers: Record<string, string>; comment: string | null }> = [];
      for (let i = 0; i < count; i++) {
        const given = generateAnswers(random, audience, school.cohort, form.keys, effect);
        const comment = random() < 0.05 ? "Skalakommentar" : null;
        answers.push({ answers: given, comment });
        batch.responses.push([
          uuid(),
          id,
          audience,
          form.version,
          "da",
          JSON.stringify(given),
          comment,
          date,
        ]);
      }
      batch.answers += count;
      const counts = countResponses(
        answers.map((a) => ({
          sessionId: id,
          audience,
          formVersion: form.version,
          answers: a.answers,
          hasComment: a.comment !== null,
        })),
      );
      batch.sessionCounts.push(...counts.sessions);
      batch.itemCounts.push(...counts.items);
      batch.scaleSums.push(...counts.scales);
      batch.rollups.push(
        sessionRollup(
          {
            schoolId: school.id,
            courseId,
            courseAudience: audience,
            month: date.slice(0, 7),
            cancelled: false,
            attendance: {
              pupils: attendance[0],
              parents: attendance[1],
              staff: attendance[2],
            },
          },
          counts,
        ),
      );
    }
  }

  /** Writes the previous month while the next one is planned (PostgreSQL works meanwhile). */
  let writing: Promise<void> = Promise.resolve();
  const flush = async (batch: Batch) => {
    await writing;
    writing = writeBatch(db, batch).then(() => {
      result.answers += batch.answers;
      result.sessions += batch.sessions.length;
      result.requests += batch.requests.length;
      if (batch.answers === 0) return;
      options.onProgress?.({
        month: batch.month,
        answers: result.answers,
        sessions: result.sessions,
      });
    });
  };

  // First the coming weeks: scheduled sessions at the rate of the delivered ones, with their
  // facilitators, and open requests for the coordinator's inbox (new ones and ones being worked on).
  const perDay = options.answers / Math.max(1, past.length) / perSession;
  let batch = emptyBatch(today.slice(0, 7));
  for (let i = 0; i < ahead.length; i++) {
    dayIndex = past.length + i;
    slotUse = [0, 0, 0, 0];
    const target = Math.round(perDay * (i + 1)) - Math.round(perDay * i);
    let made = 0;
    while (made < target) {
      const before = batch.sessions.length;
      planRequest(batch, ahead[i], "scheduled", () => 0);
      made += batch.sessions.length - before;
    }
  }
  const open = Math.max(2, Math.round(schools.length * 0.4));
  for (let i = 0; i < open; i++) {
    const school = pickSchool();
    const audience = pickAudience();
    const createdAt = iso(end - Math.floor(random() * 30 * DAY));
    requestId++;
    batch.requests.push([
      requestId,
      school.id,
      school.leader,
      courses.get(audience) ?? 0,
      i % 4 === 0 ? "in_progress" : "requested",
      1 + Math.floor(random() * 3),
      Math.round(perSession * 1.1),
      null,
      createdAt,
      createdAt,
    ]);
    const wish = ahead[Math.floor(random() * ahead.length)] ?? today;
    batch.windows.push([requestId, 1, wish, "morning"]);
  }
  await flush(batch);

  // Then delivered (and cancelled) sessions, newest month first, each school day with its share
  // of the answers: a run stopped early (options.stop) leaves the latest months complete, each
  // with its counts and rollups.
  batch = emptyBatch(past.at(-1)?.slice(0, 7) ?? today.slice(0, 7));
  let planned = 0;
  let stopped = false;
  for (let i = past.length - 1; i >= 0; i--) {
    const date = past[i];
    if (date.slice(0, 7) !== batch.month) {
      await flush(batch);
      stopped = options.stop?.() ?? false;
      if (stopped) break;
      batch = emptyBatch(date.slice(0, 7));
    }
    dayIndex = i;
    slotUse = [0, 0, 0, 0];
    const quota = Math.round((options.answers * (past.length - i)) / past.length);
    while (planned < quota) {
      const before = batch.answers;
      planRequest(batch, date, "past", () => quota - planned - (batch.answers - before));
      planned += batch.answers - before;
    }
    // Let the write of the previous month proceed between days.
    if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!stopped) await flush(batch);
  await writing;

  await advanceIdAfterExplicitIds(db, "requests");
  await advanceIdAfterExplicitIds(db, "sessions");
  await refreshPlannerStatistics(db, [
    "requests",
    "request_windows",
    "sessions",
    "session_facilitators",
    "users",
    "schools",
    "courses",
    "feedback_responses",
    "feedback_session_counts",
    "feedback_item_counts",
    "feedback_scale_sums",
    "feedback_item_rollup",
    "feedback_scale_rollup",
    "feedback_session_rollup",
    "feedback_item_term_rollup",
    "feedback_scale_term_rollup",
    "feedback_session_term_rollup",
  ]);
  return result;
}
