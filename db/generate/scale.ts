/**
 * Scale data for benchmarks: many schools, sessions and anonymous answers, seeded and
 * deterministic. The plan (which schools, sessions, answers) is plain TypeScript; writing goes
 * through the same portable Kysely queries as the app (insertFeedbackResponses keeps the counts),
 * in batched write transactions, on SQLite or PostgreSQL.
 */
import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "../../app/domain/feedback-bank";
import type { DB } from "../connection";
import {
  findLatestFeedbackForm,
  insertFeedbackResponses,
  type NewFeedbackResponse,
} from "../queries/feedback";
import { addInsertedSessionsToRollups } from "../queries/feedback-rollup";
import { seedFeedbackForms } from "../seed-feedback";
import { writeTransaction } from "../write-transaction";
import { type Cohort, generateAnswers, seededRandom, sessionEffect } from "./feedback-answers";

export interface ScaleOptions {
  /** Answers to add. */
  answers: number;
  schools: number;
  /** Years back from `end` that sessions are spread over. */
  years: number;
  seed: number;
  /** Sessions start before this instant. */
  end: Date;
  /** Mean answers per session (25 = a class). */
  perSession?: number;
}

const DAY = 86_400_000;

/** Makes (or reuses) the scale schools, courses and users; returns their ids. */
async function ensureFixtures(db: DB, schools: number) {
  await seedFeedbackForms(db);
  return db.transaction().execute(async (trx) => {
    const ids: Array<{ id: number; cohort: Cohort; leader: number }> = [];
    for (let i = 0; i < schools; i++) {
      const slug = `scale-school-${i + 1}`;
      let school = await trx
        .selectFrom("schools")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!school) {
        school = await trx
          .insertInto("schools")
          .values({
            slug,
            name: `Skalaskole ${i + 1}`,
            district: `Bydel ${(i % 10) + 1}`,
            pilot_cohort: i < 2 ? 2024 : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("users")
          .values({
            email: `leder.${slug}@scale.test`,
            name: `Leder ${i + 1}`,
            role: "school_leader",
            school_id: school.id,
          })
          .execute();
      }
      const leader = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", `leder.${slug}@scale.test`)
        .executeTakeFirstOrThrow();
      ids.push({ id: school.id, cohort: i < 2 ? "pilot" : "standard", leader: leader.id });
    }
    const courses = new Map<FeedbackAudience, number>();
    for (const audience of FEEDBACK_AUDIENCES) {
      const slug = `scale-course-${audience}`;
      let course = await trx
        .selectFrom("courses")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirst();
      course ??= await trx
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
    return { schools: ids, courses };
  });
}

/** A session and its answers, planned before the transaction that writes them. */
interface PlannedSession {
  schoolId: number;
  leaderId: number;
  courseId: number;
  startsAt: string;
  endsAt: string;
  uid: string;
  participants: number;
  attendanceColumn: "attendance_pupils" | "attendance_parents" | "attendance_professionals";
  attendance: number | null;
  answers: Array<Omit<NewFeedbackResponse, "sessionId">>;
}

const ATTENDANCE_COLUMN = {
  pupils: "attendance_pupils",
  parents: "attendance_parents",
  staff: "attendance_professionals",
} as const;

/**
 * Writes planned sessions, their answers and counts. Only database writes: on PostgreSQL the
 * transaction may be re-run after a serialization failure, and a re-run writes the same batch
 * once (the plan, with its random draws, was made outside).
 */
async function writeBatch(trx: DB, planned: readonly PlannedSession[]) {
  const inserted: number[] = [];
  const responses: NewFeedbackResponse[] = [];
  for (const p of planned) {
    const request = await trx
      .insertInto("requests")
      .values({
        school_id: p.schoolId,
        requester_id: p.leaderId,
        course_id: p.courseId,
        status: "delivered",
        group_count: 1,
        participants_per_group: p.participants,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session = await trx
      .insertInto("sessions")
      .values({
        request_id: request.id,
        course_id: p.courseId,
        school_id: p.schoolId,
        starts_at: p.startsAt,
        ends_at: p.endsAt,
        status: "delivered",
        uid: p.uid,
        [p.attendanceColumn]: p.attendance,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    inserted.push(session.id);
    for (const answer of p.answers) responses.push({ ...answer, sessionId: session.id });
  }
  // Sessions with attendance count in the rollups before their answers arrive.
  await addInsertedSessionsToRollups(trx, inserted);
  await insertFeedbackResponses(trx, responses);
}

/** Adds `options.answers` answers in sessions spread over the schools and years. */
export async function generateScaleData(
  db: DB,
  options: ScaleOptions,
): Promise<{ sessions: number; answers: number }> {
  const random = seededRandom(options.seed);
  const { schools, courses } = await ensureFixtures(db, options.schools);
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
  const perSession = options.perSession ?? 25;
  const end = options.end.getTime();
  const span = options.years * 365 * DAY;
  const existing = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  let serial = Number(existing.n);
  let made = 0;
  let sessions = 0;
  while (made < options.answers) {
    // Plan a batch of about 20,000 answers (all random draws happen here)...
    const planned: PlannedSession[] = [];
    let batchAnswers = 0;
    while (batchAnswers < 20_000 && made + batchAnswers < options.answers) {
      const school = schools[Math.floor(random() * schools.length)];
      const roll = random();
      const audience: FeedbackAudience = roll < 0.7 ? "pupils" : roll < 0.85 ? "staff" : "parents";
      const start = new Date(end - DAY - Math.floor(random() * span));
      start.setUTCHours(8 + Math.floor(random() * 8), 0, 0, 0);
      const count = Math.max(
        1,
        Math.min(
          options.answers - made - batchAnswers,
          Math.round(perSession * (0.6 + random() * 0.8)),
        ),
      );
      const attendance = Math.round(count / (0.6 + random() * 0.35));
      serial++;
      const session: PlannedSession = {
        schoolId: school.id,
        leaderId: school.leader,
        courseId: courses.get(audience) ?? 0,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
        uid: `scale-${serial}@scale.test`,
        participants: attendance,
        attendanceColumn: ATTENDANCE_COLUMN[audience],
        attendance: random() < 0.03 ? null : attendance,
        answers: [],
      };
      planned.push(session);
      const form = forms.get(audience);
      if (!form) continue;
      const effect = sessionEffect(random);
      const date = start.toISOString().slice(0, 10);
      for (let i = 0; i < count; i++) {
        session.answers.push({
          audience,
          formVersion: form.version,
          locale: "da",
          answers: generateAnswers(random, audience, school.cohort, form.keys, effect),
          comment: random() < 0.05 ? "Skalakommentar" : null,
          sessionDate: date,
        });
      }
      batchAnswers += count;
    }
    // ...and write it in one write transaction.
    await writeTransaction(db, (trx) => writeBatch(trx, planned), { timeoutMs: 120_000 });
    made += batchAnswers;
    sessions += planned.length;
  }
  return { sessions, answers: made };
}
