/**
 * Demo data for the evaluation: delivered sessions with attendance and anonymous answers at pilot
 * and standard schools from January 2024 to yesterday, so the evaluation page has two and a half
 * years of terms to show. Deterministic for a given day (seeded PRNG). Most groups pass the
 * threshold of 5; a few sessions get 2-4 answers and a few have no attendance registered, so
 * suppression and the "named sessions" lists show; one pupil item and one staff item differ
 * clearly between pilot and standard schools. Runs after the other seeds; facilitators are never
 * double-booked against sessions already in the database. Idempotent (skips when its sessions
 * exist). Independent of the pilot-track seed.
 */
import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "../app/domain/feedback-bank";
import { addDays, todayInCopenhagen } from "../app/domain/time";
import { copenhagenToUtc } from "../app/domain/timezone";
import type { DB } from "./connection";
import { isDemoSchoolDay } from "./demo-calendar";
import {
  type Cohort,
  generateAnswers,
  seededRandom,
  sessionEffect,
} from "./generate/feedback-answers";
import {
  findLatestFeedbackForm,
  insertFeedbackResponses,
  type NewFeedbackResponse,
} from "./queries/feedback";
import { addInsertedSessionsToRollups } from "./queries/feedback-rollup";

const UID_PREFIX = "demo-evaluation-";
const FIRST_DAY = "2024-01-08";

const SLOTS: Record<FeedbackAudience, Array<[string, string]>> = {
  pupils: [
    ["08:15", "09:45"],
    ["10:15", "11:45"],
    ["12:30", "14:00"],
  ],
  staff: [["14:30", "16:00"]],
  parents: [["17:00", "19:00"]],
};

/** Sessions per school and term, by audience and cohort. */
const PER_TERM: Record<FeedbackAudience, Record<Cohort, number>> = {
  pupils: { pilot: 3, standard: 1 },
  staff: { pilot: 1, standard: 1 },
  parents: { pilot: 1, standard: 0 },
};

const ATTENDANCE: Record<FeedbackAudience, [number, number]> = {
  pupils: [20, 28],
  staff: [12, 35],
  parents: [10, 24],
};

function utc(date: string, time: string): string {
  const r = copenhagenToUtc(date, time);
  if (!r.ok) throw new Error(`${date} ${time}: ${r.error}`);
  return r.utc;
}

interface Busy {
  start: number;
  end: number;
}

export async function seedEvaluationDemo(
  db: DB,
  now: Date = new Date(),
): Promise<{ sessions: number; responses: number }> {
  const existing = await db
    .selectFrom("sessions")
    .select("id")
    .where("uid", "like", `${UID_PREFIX}%`)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { sessions: 0, responses: 0 };
  const today = todayInCopenhagen(now);
  const random = seededRandom(20240108);
  let sessionsMade = 0;
  let responses = 0;

  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    const schools = await trx
      .selectFrom("schools")
      .select(["id", "slug", "name", "address", "pilot_cohort"])
      .where("is_demo", "=", 1)
      .orderBy("id")
      .execute();
    const courses = await trx
      .selectFrom("courses")
      .select(["id", "audience", "duration_minutes"])
      .where("is_demo", "=", 1)
      .where("active", "=", 1)
      .orderBy("id")
      .execute();
    const leaders = new Map(
      (
        await trx
          .selectFrom("users")
          .select(["id", "school_id"])
          .where("role", "=", "school_leader")
          .execute()
      ).map((u) => [u.school_id, u.id]),
    );
    const facilitators = (
      await trx
        .selectFrom("users")
        .select("id")
        .where("role", "=", "facilitator")
        .where("active", "=", 1)
        .orderBy("id")
        .execute()
    ).map((u) => u.id);
    if (schools.length === 0 || courses.length === 0 || facilitators.length === 0) return;

    // Every facilitator's booked time (existing sessions plus the ones made here), 30 min buffer.
    const busy = new Map<number, Busy[]>(facilitators.map((id) => [id, []]));
    const booked = await trx
      .selectFrom("session_facilitators as sf")
      .innerJoin("sessions as s", "s.id", "sf.session_id")
      .select(["sf.user_id", "s.starts_at", "s.ends_at"])
      .where("s.status", "!=", "cancelled")
      .execute();
    for (const b of booked) {
      busy.get(b.user_id)?.push({ start: Date.parse(b.starts_at), end: Date.parse(b.ends_at) });
    }
    const buffer = 30 * 60_000;
    const free = (id: number, start: number, end: number) =>
      (busy.get(id) ?? []).every((b) => end + buffer <= b.start || start >= b.end + buffer);

    const forms = new Map<FeedbackAudience, { version: number; keys: string[] }>();
    for (const audience of FEEDBACK_AUDIENCES) {
      const form = await findLatestFeedbackForm(trx, audience);
      if (!form) continue;
      const items = await trx
        .selectFrom("feedback_items")
        .select("key")
        .where("form_id", "=", form.id)
        .orderBy("position")
        .execute();
      forms.set(audience, { version: form.version, keys: items.map((i) => i.key) });
    }

    // Terms: spring (January-June) and autumn (August-December), from 2024 to today.
    const terms: Array<[string, string]> = [];
    for (let year = 2024; year <= Number(today.slice(0, 4)); year++) {
      terms.push([`${year}-01-08`, `${year}-06-26`], [`${year}-08-12`, `${year}-12-18`]);
    }
    const yesterday = addDays(today, -1);
    let serial = 0;
    for (const [termStart, termEndRaw] of terms) {
      const start = termStart.localeCompare(FIRST_DAY) < 0 ? FIRST_DAY : termStart;
      const termEnd = termEndRaw.localeCompare(yesterday) < 0 ? termEndRaw : yesterday;
      if (start > termEnd) continue;
      const span = Math.round((Date.parse(termEnd) - Date.parse(start)) / 86_400_000);
      for (const school of schools) {
        const cohort: Cohort = school.pilot_cohort === null ? "standard" : "pilot";
        const requesterId = leaders.get(school.id);
        if (!requesterId) continue;
        for (const audience of FEEDBACK_AUDIENCES) {
          const form = forms.get(audience);
          const audienceCourses = courses.filter((c) => c.audience === audience);
          // Standard schools book fewer sessions: some terms none.
          const count =
            PER_TERM[audience][cohort] + (cohort === "standard" && random() < 0.3 ? 1 : 0);
          if (!form || audienceCourses.length === 0 || count === 0) continue;
          if (cohort === "standard" && random() < 0.25) continue;
          const course = audienceCourses[Math.floor(random() * audienceCourses.length)];
          const created = utc(addDays(start, -20), "10:00");
          const request = await trx
            .insertInto("requests")
            .values({
              school_id: school.id,
              requester_id: requesterId,
              course_id: course.id,
              status: "delivered",
              group_count: count,
              participants_per_group: ATTENDANCE[audience][1],
              location: school.address,
              notes: "Demo: evaluering",
              created_at: created,
              updated_at: created,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          for (let k = 0; k < count; k++) {
            // A school day in the term with a free facilitator (up to 40 tries, else skip).
            let placed: { date: string; from: string; to: string; facilitator: number } | null =
              null;
            for (let attempt = 0; attempt < 40 && !placed; attempt++) {
              const date = addDays(start, Math.floor(random() * (span + 1)));
              if (!isDemoSchoolDay(date) || date > termEnd) continue;
              const [from, to] = SLOTS[audience][Math.floor(random() * SLOTS[audience].length)];
              const facilitator = facilitators[Math.floor(random() * facilitators.length)];
              if (free(facilitator, Date.parse(utc(date, from)), Date.parse(utc(date, to)))) {
                placed = { date, from, to, facilitator };
              }
            }
            if (!placed) continue;
            const startsAt = utc(placed.date, placed.from);
            const endsAt = utc(placed.date, placed.to);
            busy
              .get(placed.facilitator)
              ?.push({ start: Date.parse(startsAt), end: Date.parse(endsAt) });
            const [low, high] = ATTENDANCE[audience];
            const attendance = low + Math.floor(random() * (high - low + 1));
            const noAttendance = random() < 0.05;
            const column =
              audience === "pupils"
                ? "attendance_pupils"
                : audience === "parents"
                  ? "attendance_parents"
                  : "attendance_professionals";
            serial++;
            const session = await trx
              .insertInto("sessions")
              .values({
                request_id: request.id,
                course_id: course.id,
                school_id: school.id,
                starts_at: startsAt,
                ends_at: endsAt,
                location: `${school.name}, ${school.address}`,
                status: "delivered",
                uid: `${UID_PREFIX}${serial}@frirum.demo`,
                sequence: 0,
                [column]: noAttendance ? null : attendance,
                delivered_at: endsAt,
                created_at: created,
                updated_at: created,
              })
              .returning("id")
              .executeTakeFirstOrThrow();
            await trx
              .insertInto("session_facilitators")
              .values({ session_id: session.id, user_id: placed.facilitator, created_at: created })
              .execute();
            await addInsertedSessionsToRollups(trx, [session.id]);
            sessionsMade++;
            // A few sessions get only 2-4 answers (they show as "fewer than 5").
            const answered =
              random() < 0.05
                ? 2 + Math.floor(random() * 3)
                : Math.round(attendance * (0.6 + random() * 0.3));
            const effect = sessionEffect(random);
            const rows: NewFeedbackResponse[] = [];
            for (let i = 0; i < answered; i++) {
              rows.push({
                sessionId: session.id,
                audience,
                formVersion: form.version,
                locale: "da",
                answers: generateAnswers(random, audience, cohort, form.keys, effect),
                comment: null,
                sessionDate: placed.date,
              });
            }
            await insertFeedbackResponses(trx, rows);
            responses += rows.length;
          }
        }
      }
    }
  });
  return { sessions: sessionsMade, responses };
}
