/**
 * National-scale data for benchmarks (`npm run gen:scale`): schools with their leaders,
 * facilitators, ten years of requests and sessions on school days (delivered, some cancelled,
 * the coming weeks scheduled, open and declined requests for the inbox), attendance and anonymous
 * answers with their per-session counts and monthly rollups. Seeded and deterministic: the same
 * options on the same database give the same rows.
 *
 * Built to load 30 million answers. The plan of requests and sessions (every random draw) is plain
 * TypeScript, made one month at a time and written with bulk inserts (db/dialect.ts
 * bulkInsertQueries) in one transaction per month; the answers are made where they are stored
 * (db/generate/scale-answers.ts: on PostgreSQL in SQL, per session and respondent from a seeded
 * hash). Counts and rollups are then rebuilt from the rows by the one place that computes them
 * offline (db/feedback-counts.ts rebuildFeedbackCounts), so they are exact by construction and
 * data already in the database (the demo) stays right.
 *
 * Requests and sessions get explicit ids (after the largest existing one), so a month needs no
 * round trip for ids: run it while nothing else writes requests or sessions.
 */

import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "../../app/domain/feedback-bank";
import { copenhagenToUtc } from "../../app/domain/timezone";
import type { DB } from "../connection";
import { advanceIdAfterExplicitIds, type BulkColumn, refreshPlannerStatistics } from "../dialect";
import { type RebuildProgress, rebuildFeedbackCounts } from "../feedback-counts";
import { findLatestFeedbackForm } from "../queries/feedback";
import { seedFeedbackForms } from "../seed-feedback";
import { insertRows } from "./bulk";
import { type Cohort, seededRandom, sessionEffect } from "./feedback-answers";
import { insertSessionAnswers, type SessionAnswers } from "./scale-answers";

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
  /** Called when the rows are written, before the counts and rollups are rebuilt from them. */
  onRowsWritten?: () => void;
  /** Passed on to the rebuild of counts and rollups (rebuildFeedbackCounts). */
  onRebuildProgress?: (progress: RebuildProgress) => void;
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
  /** Delivered sessions' answers to make, per audience. */
  answers: Map<FeedbackAudience, SessionAnswers[]>;
  answerCount: number;
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
/** Writes one month's rows (answers made by the database where it can), in one transaction. */
async function writeBatch(db: DB, batch: Batch, seed: number, forms: Fixtures["forms"]) {
  // A plain transaction: nothing is read before the writes (ids were planned outside), and
  // gen:scale is the only writer of these rows.
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, "requests", REQUEST_COLUMNS, batch.requests);
    await insertRows(trx, "request_windows", WINDOW_COLUMNS, batch.windows);
    await insertRows(trx, "sessions", SESSION_COLUMNS, batch.sessions);
    await insertRows(trx, "session_facilitators", FACILITATOR_COLUMNS, batch.facilitators);
    for (const [audience, sessions] of batch.answers) {
      const form = forms.get(audience);
      if (form) await insertSessionAnswers(trx, seed, audience, form, sessions);
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
    answers: new Map(),
    answerCount: 0,
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
      if (status !== "delivered" || !form || count === 0) continue;
      const planned = batch.answers.get(audience) ?? [];
      planned.push({
        sessionId: id,
        count,
        cohort: school.cohort,
        effect: sessionEffect(random),
        date,
      });
      batch.answers.set(audience, planned);
      batch.answerCount += count;
    }
  }

  /** Writes the previous month while the next one is planned (PostgreSQL works meanwhile). */
  let writing: Promise<void> = Promise.resolve();
  const flush = async (batch: Batch) => {
    await writing;
    writing = writeBatch(db, batch, options.seed, forms).then(() => {
      result.answers += batch.answerCount;
      result.sessions += batch.sessions.length;
      result.requests += batch.requests.length;
      if (batch.answerCount === 0) return;
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
      const before = batch.answerCount;
      planRequest(batch, date, "past", () => quota - planned - (batch.answerCount - before));
      planned += batch.answerCount - before;
    }
    // Let the write of the previous month proceed between days.
    if (i % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!stopped) await flush(batch);
  await writing;

  await advanceIdAfterExplicitIds(db, "requests");
  await advanceIdAfterExplicitIds(db, "sessions");
  options.onRowsWritten?.();
  await refreshPlannerStatistics(db, ["sessions", "feedback_responses"]);
  const rebuilt = await rebuildFeedbackCounts(db, {
    write: true,
    onProgress: options.onRebuildProgress,
  });
  if (rebuilt.responses < result.answers) {
    throw new Error(`counted ${rebuilt.responses} answers, wrote ${result.answers}`);
  }
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
