/**
 * Feedback seed: the item bank as form version 1 per audience, and realistic anonymous demo
 * answers for past delivered demo sessions, so the evaluation pages have data from the start.
 * Both are idempotent.
 */
import { sql } from "kysely";
import {
  AUDIENCE_LOCALES,
  FEEDBACK_AUDIENCES,
  FEEDBACK_BANK,
  FEEDBACK_BANK_VERSION,
  type FeedbackAudience,
  type FeedbackLocale,
  type FeedbackScaleKey,
  scaleValues,
} from "../app/domain/feedback-bank";
import { formContentFromBank } from "../app/domain/feedback-forms";
import { utcToCopenhagen } from "../app/domain/timezone";
import { feedbackFormMessages } from "../app/i18n/feedback-form";
import type { DB } from "./connection";
import {
  findFeedbackForm,
  findLatestFeedbackForm,
  insertFeedbackFormVersion,
  insertFeedbackResponses,
  type NewFeedbackResponse,
} from "./queries/feedback";

function titlesFor(audience: FeedbackAudience) {
  const titles: Partial<Record<FeedbackLocale, string>> = {};
  for (const locale of AUDIENCE_LOCALES[audience]) {
    const text = feedbackFormMessages[locale][`feedback.title.${audience}`];
    if (text) titles[locale] = text;
  }
  return titles;
}

/** Stores the item bank as form version 1 of each audience (skips audiences that have it). */
export async function seedFeedbackForms(db: DB): Promise<{ created: number }> {
  let created = 0;
  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    for (const audience of FEEDBACK_AUDIENCES) {
      if (await findFeedbackForm(trx, audience, FEEDBACK_BANK_VERSION)) continue;
      const content = formContentFromBank(FEEDBACK_BANK[audience], titlesFor(audience));
      await insertFeedbackFormVersion(trx, audience, FEEDBACK_BANK_VERSION, content);
      created++;
    }
  });
  return { created };
}

// ---------------------------------------------------------------------------------------------
// Demo answers
// ---------------------------------------------------------------------------------------------

/** A small deterministic generator (mulberry32), so re-seeding a fresh database gives the same data. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickWeighted<T>(
  random: () => number,
  entries: ReadonlyArray<readonly [T, number]>,
): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r <= 0) return value;
  }
  return entries[entries.length - 1][0];
}

/**
 * Answer weights per scale, in the scale's option order. Pilot schools (with the full track) do a
 * little better than standard schools; the difference is modest on purpose.
 */
export const WEIGHTS: Record<FeedbackScaleKey, { pilot: number[]; standard: number[] }> = {
  // yes_very, yes_little, no, dont_know
  pupil4: { pilot: [56, 29, 8, 7], standard: [46, 33, 12, 9] },
  // strongly_agree, agree, neither, disagree, strongly_disagree, dont_know
  agree5: { pilot: [36, 38, 13, 6, 3, 4], standard: [28, 38, 17, 9, 4, 4] },
};

export const LOCALE_WEIGHTS: Record<
  FeedbackAudience,
  ReadonlyArray<readonly [FeedbackLocale, number]>
> = {
  pupils: [
    ["da", 86],
    ["ar", 9],
    ["en", 5],
  ],
  parents: [
    ["da", 46],
    ["ar", 20],
    ["so", 9],
    ["tr", 9],
    ["ur", 7],
    ["fa", 5],
    ["en", 4],
  ],
  staff: [
    ["da", 95],
    ["en", 5],
  ],
};

/** Anonymous, name-free comments of the kind people write (Danish; shown only to coordinators). */
const DEMO_COMMENTS: Record<FeedbackAudience, string[]> = {
  pupils: [
    "Det var godt at vi måtte snakke i små grupper.",
    "Lidt for lang, men spændende.",
    "Jeg vidste ikke at man kunne ringe til nogen anonymt.",
    "Fedt med de rollespil!",
    "Mere tid til spørgsmål næste gang.",
  ],
  parents: [
    "God stemning og god tolkning.",
    "Jeg ville gerne have haft materialet på papir.",
    "Tak for et respektfuldt møde.",
    "Det var svært at nå at stille spørgsmål.",
  ],
  staff: [
    "Meget konkret, det kan jeg bruge.",
    "Gerne flere cases fra udskolingen.",
    "God gennemgang af handlevejledningen.",
  ],
};

function attendanceFor(
  audience: FeedbackAudience,
  row: {
    attendance_pupils: number | null;
    attendance_parents: number | null;
    attendance_professionals: number | null;
  },
): number | null {
  if (audience === "pupils") return row.attendance_pupils;
  if (audience === "parents") return row.attendance_parents;
  return row.attendance_professionals;
}

/**
 * Generates anonymous answers for every past, delivered session at a demo school that has none:
 * 60-90% of the registered attendance (20 people assumed when attendance is missing), answers
 * drawn from the pilot or standard distribution, a few skipped questions and a few comments.
 * Sessions that already have answers are left alone, so running it again adds nothing.
 */
export async function seedDemoFeedback(
  db: DB,
  now: Date = new Date(),
): Promise<{ sessions: number; responses: number }> {
  let responses = 0;
  let seeded = 0;
  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    const sessions = await trx
      .selectFrom("sessions")
      .innerJoin("courses", "courses.id", "sessions.course_id")
      .innerJoin("schools", "schools.id", "sessions.school_id")
      .select([
        "sessions.id",
        "sessions.starts_at",
        "sessions.attendance_pupils",
        "sessions.attendance_parents",
        "sessions.attendance_professionals",
        "schools.pilot_cohort",
        sql<FeedbackAudience>`coalesce(courses.feedback_form_audience, courses.audience)`.as(
          "audience",
        ),
      ])
      .where("sessions.status", "=", "delivered")
      .where("schools.is_demo", "=", 1)
      .where("sessions.starts_at", "<", now.toISOString())
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("feedback_responses")
              .select("feedback_responses.id")
              .whereRef("feedback_responses.session_id", "=", "sessions.id"),
          ),
        ),
      )
      .orderBy("sessions.id")
      .execute();

    const forms = new Map<
      FeedbackAudience,
      { version: number; items: { key: string; scale: FeedbackScaleKey }[] }
    >();
    for (const audience of FEEDBACK_AUDIENCES) {
      const form = await findLatestFeedbackForm(trx, audience);
      if (!form) continue;
      const items = await trx
        .selectFrom("feedback_items")
        .select(["key", "scale"])
        .where("form_id", "=", form.id)
        .orderBy("position")
        .execute();
      forms.set(audience, { version: form.version, items });
    }

    for (const session of sessions) {
      const form = forms.get(session.audience);
      if (!form) continue;
      const random = randomSource(session.id * 7919 + 17);
      const attendance = attendanceFor(session.audience, session) ?? 20;
      const count = Math.round(attendance * (0.6 + random() * 0.3));
      const cohort = session.pilot_cohort === null ? "standard" : "pilot";
      const sessionDate = utcToCopenhagen(session.starts_at).date;
      const rows: NewFeedbackResponse[] = [];
      for (let i = 0; i < count; i++) {
        const answers: Record<string, string> = {};
        form.items.forEach((item, index) => {
          if (random() < 0.03) return; // skipped question
          const values = scaleValues(item.scale);
          // Items differ a little: later items shift some weight towards the middle.
          const weights = WEIGHTS[item.scale][cohort].map((w, k) =>
            k === 0 ? Math.max(1, w - (index % 3) * 3) : k === 1 ? w + (index % 3) * 3 : w,
          );
          answers[item.key] = pickWeighted(
            random,
            values.map((v, k) => [v, weights[k]] as const),
          );
        });
        const comments = DEMO_COMMENTS[session.audience];
        const comment = random() < 0.08 ? comments[Math.floor(random() * comments.length)] : null;
        rows.push({
          sessionId: session.id,
          audience: session.audience,
          formVersion: form.version,
          locale: pickWeighted(random, LOCALE_WEIGHTS[session.audience]),
          answers,
          comment,
          sessionDate,
        });
      }
      await insertFeedbackResponses(trx, rows);
      responses += rows.length;
      if (rows.length > 0) seeded++;
    }
  });
  return { sessions: seeded, responses };
}
