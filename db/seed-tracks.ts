/**
 * Pilot track demo data: the seeded template (staff briefing -> pupil workshops 7.-9. kl. ->
 * parent dialogue with interpreting -> staff follow-up), the two 2024 pilot schools' tracks
 * delivered in 2024 (attendance and anonymous answers for every step), and a track at one more
 * (standard) school this year, half done: step 1 delivered, two of three workshops delivered and
 * the third booked a few school days ahead, so the parent dialogue is open to schedule and the
 * order rule shows at once (it may not start until 7 days after that workshop).
 *
 * Run after the sessions seed and BEFORE the feedback seed (which leaves sessions that already
 * have answers alone). Answers go through `insertFeedbackResponse` (random ids, the session's date,
 * nothing else). Idempotent: the template is found by name, a track by school and year.
 */

import {
  FEEDBACK_BANK,
  FEEDBACK_BANK_VERSION,
  type FeedbackAudience,
  scaleValues,
} from "../app/domain/feedback-bank";
import { busyWindow, findConflicts } from "../app/domain/scheduling";
import { todayInCopenhagen } from "../app/domain/time";
import { utcToCopenhagen } from "../app/domain/timezone";
import type { DB } from "./connection";
import { insertFeedbackResponse } from "./queries/feedback";
import { listBusyIntervals } from "./queries/sessions";
import type { DayPart } from "./schema";
import { LOCALE_WEIGHTS, pickWeighted, randomSource, WEIGHTS } from "./seed-feedback";
import {
  type DatedDemoRequest,
  type DemoLookups,
  demoLookups,
  insertDemoRequest,
  schoolDay,
  utc,
} from "./seed-sessions";

export const DEMO_TEMPLATE = {
  name: "Pilotforløb: personale, elever og forældre",
  description:
    "Handleplanens sammenhængende forløb for en skole: først personalet, så eleverne i udskolingen, så forældrene og til sidst en opfølgning med personalet.",
  steps: [
    {
      course: "oplaeg-bekymringstegn-for-personale",
      sessionsExpected: 1,
      minGapDays: 0,
      note: "Hele personalegruppen, også SFO og klub",
    },
    {
      course: "workshop-rettigheder-og-frihed",
      sessionsExpected: 3,
      minGapDays: 7,
      note: "Én workshop pr. klasse, tre klasser i 7.-9. klasse",
    },
    {
      course: "foraeldredialog-opdragelse-og-trivsel",
      sessionsExpected: 1,
      minGapDays: 7,
      note: "Med tolkning til forældrenes sprog",
    },
    {
      course: "opfoelgning-for-personale",
      sessionsExpected: 1,
      minGapDays: 14,
      note: "Opsamling med lærere og pædagoger",
    },
  ],
} as const;

type DemoStepSession = DatedDemoRequest["sessions"][number];

interface DemoTrack {
  school: string;
  cohortYear: number;
  /** When the coordinator started it. */
  createdAt: string;
  /** Per template step: the requests' sent time, status, languages and sessions (none = open). */
  steps: Array<{
    createdAt: string;
    status: DatedDemoRequest["status"];
    languages?: string[];
    sessions: DemoStepSession[];
  } | null>;
}

/** The two pilot schools' 2024 tracks, delivered in 2024 on school days. */
const PILOT_TRACKS_2024: DemoTrack[] = [
  {
    school: "tingbjerg-skole",
    cohortYear: 2024,
    createdAt: "2024-01-15T09:00:00.000Z",
    steps: [
      {
        createdAt: "2024-01-22T10:00:00.000Z",
        status: "delivered",
        sessions: [
          { date: "2024-02-27", start: "14:00", end: "16:00", facilitators: [1], attendance: 34 },
        ],
      },
      {
        createdAt: "2024-02-05T10:00:00.000Z",
        status: "delivered",
        sessions: [
          {
            date: "2024-03-11",
            start: "08:15",
            end: "09:45",
            facilitators: [1, 2],
            attendance: 24,
          },
          {
            date: "2024-03-11",
            start: "10:15",
            end: "11:45",
            facilitators: [1, 2],
            attendance: 26,
          },
          {
            date: "2024-03-12",
            start: "08:15",
            end: "09:45",
            facilitators: [1, 2],
            attendance: 22,
          },
        ],
      },
      {
        createdAt: "2024-03-04T10:00:00.000Z",
        status: "delivered",
        languages: ["ar", "so"],
        sessions: [
          {
            date: "2024-04-11",
            start: "17:00",
            end: "19:00",
            facilitators: [1, 2],
            attendance: 19,
          },
        ],
      },
      {
        createdAt: "2024-04-22T10:00:00.000Z",
        status: "delivered",
        sessions: [
          { date: "2024-05-28", start: "14:00", end: "15:30", facilitators: [3], attendance: 31 },
        ],
      },
    ],
  },
  {
    school: "noerrebro-parkskole",
    cohortYear: 2024,
    createdAt: "2024-06-10T09:00:00.000Z",
    steps: [
      {
        createdAt: "2024-06-12T10:00:00.000Z",
        status: "delivered",
        sessions: [
          { date: "2024-09-03", start: "14:00", end: "16:00", facilitators: [3], attendance: 29 },
        ],
      },
      {
        createdAt: "2024-08-19T10:00:00.000Z",
        status: "delivered",
        sessions: [
          {
            date: "2024-09-17",
            start: "08:15",
            end: "09:45",
            facilitators: [3, 4],
            attendance: 25,
          },
          {
            date: "2024-09-17",
            start: "10:15",
            end: "11:45",
            facilitators: [3, 4],
            attendance: 27,
          },
          {
            date: "2024-09-18",
            start: "08:15",
            end: "09:45",
            facilitators: [3, 4],
            attendance: 23,
          },
        ],
      },
      {
        createdAt: "2024-09-02T10:00:00.000Z",
        status: "delivered",
        languages: ["ur", "tr"],
        sessions: [
          {
            date: "2024-10-08",
            start: "17:00",
            end: "19:00",
            facilitators: [3, 4],
            attendance: 21,
          },
        ],
      },
      {
        createdAt: "2024-10-21T10:00:00.000Z",
        status: "delivered",
        sessions: [
          { date: "2024-11-12", start: "14:00", end: "15:30", facilitators: [1], attendance: 27 },
        ],
      },
    ],
  },
];

/** The standard school whose track this year is half done. */
export const CURRENT_TRACK_SCHOOL = "oesterbro-lindeskole";

/**
 * This year's track at a standard school, relative to today: briefing ~45 school days ago, two
 * workshops ~20 days ago, the third a few days ahead; parent dialogue and follow-up open.
 */
function currentTrack(today: string): DemoTrack {
  const briefing = schoolDay(today, -45);
  const workshops = schoolDay(today, -20);
  const lastWorkshop = schoolDay(today, 4);
  const session = (date: string, start: string, end: string, attendance?: number) => ({
    date,
    start,
    end,
    facilitators: [] as number[],
    attendance,
  });
  return {
    school: CURRENT_TRACK_SCHOOL,
    cohortYear: Number(briefing.slice(0, 4)),
    createdAt: utc(schoolDay(today, -62), "09:00"),
    steps: [
      {
        createdAt: utc(schoolDay(today, -60), "10:00"),
        status: "delivered",
        sessions: [session(briefing, "14:00", "16:00", 33)],
      },
      {
        createdAt: utc(schoolDay(today, -35), "10:00"),
        status: "scheduled",
        sessions: [
          session(workshops, "08:15", "09:45", 25),
          session(workshops, "10:15", "11:45", 24),
          session(lastWorkshop, "08:15", "09:45"),
        ],
      },
      null,
      null,
    ],
  };
}

/**
 * Facilitators (1-4) for a demo session of the current track: the first `count` of them with no
 * session (travel buffer included) and no unavailability at that time.
 */
async function freeFacilitators(
  trx: DB,
  lookups: DemoLookups,
  session: { date: string; start: string; end: string },
  count: number,
): Promise<number[]> {
  const candidate = {
    startUtc: utc(session.date, session.start),
    endUtc: utc(session.date, session.end),
  };
  const numbered = [1, 2, 3, 4].flatMap((n) => {
    const id = lookups.users.get(`facilitator${n}@frirum.test`);
    return id === undefined ? [] : [{ n, id }];
  });
  const busy = await listBusyIntervals(
    trx,
    busyWindow(candidate),
    numbered.map((f) => f.id),
  );
  return numbered
    .filter((f) => {
      const conflicts = findConflicts(candidate, busy, { userIds: [f.id] });
      return conflicts.sessions.length === 0 && conflicts.unavailability.length === 0;
    })
    .slice(0, count)
    .map((f) => f.n);
}

/** The preferred window a demo request would have had for a session starting at `start`. */
function partOf(start: string): DayPart {
  if (start >= "16:00") return "custom";
  return start >= "12:00" ? "afternoon" : "morning";
}

/** Anonymous answers for a delivered session: 60-90 % of the attendance, pilot distribution. */
async function seedAnswers(
  trx: DB,
  session: { id: number; startsAt: string; attendance: number },
  audience: FeedbackAudience,
) {
  const random = randomSource(session.id * 104_729 + 3);
  const bank = FEEDBACK_BANK[audience];
  const count = Math.round(session.attendance * (0.6 + random() * 0.3));
  const sessionDate = utcToCopenhagen(session.startsAt).date;
  for (let i = 0; i < count; i++) {
    const answers: Record<string, string> = {};
    for (const [index, item] of bank.items.entries()) {
      if (random() < 0.03) continue; // a skipped question
      const weights = WEIGHTS[bank.scale].pilot.map((w, k) =>
        k === 0 ? Math.max(1, w - (index % 3) * 3) : k === 1 ? w + (index % 3) * 3 : w,
      );
      answers[item.key] = pickWeighted(
        random,
        scaleValues(bank.scale).map((value, k) => [value, weights[k]] as const),
      );
    }
    await insertFeedbackResponse(trx, {
      sessionId: session.id,
      audience,
      formVersion: FEEDBACK_BANK_VERSION,
      locale: pickWeighted(random, LOCALE_WEIGHTS[audience]),
      answers,
      comment: null,
      sessionDate,
    });
  }
  return count;
}

export async function seedDemoTracks(
  db: DB,
  now: Date = new Date(),
  options: { host?: string } = {},
): Promise<{ tracks: number; sessions: number; responses: number }> {
  const context = { host: options.host ?? "localhost", nowIso: now.toISOString() };
  const today = todayInCopenhagen(now);
  const result = { tracks: 0, sessions: 0, responses: 0 };

  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    const lookups = await demoLookups(trx);
    const coordinatorId = lookups.coordinatorId;
    const courses = DEMO_TEMPLATE.steps.map((step) => lookups.courses.get(step.course));
    if (courses.some((course) => !course)) return;

    // The template (created before the first track).
    let template = await trx
      .selectFrom("track_templates")
      .select(["id", "name"])
      .where("name", "=", DEMO_TEMPLATE.name)
      .executeTakeFirst();
    if (!template) {
      const createdAt = "2024-01-08T09:00:00.000Z";
      const inserted = await trx
        .insertInto("track_templates")
        .values({
          name: DEMO_TEMPLATE.name,
          description: DEMO_TEMPLATE.description,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [index, step] of DEMO_TEMPLATE.steps.entries()) {
        await trx
          .insertInto("track_template_steps")
          .values({
            template_id: inserted.id,
            position: index + 1,
            course_id: courses[index]!.id,
            sessions_expected: step.sessionsExpected,
            min_gap_days: step.minGapDays,
            note: step.note,
          })
          .execute();
      }
      template = { id: inserted.id, name: DEMO_TEMPLATE.name };
    }

    // The 2024 tracks only once 2024 is over (the demo is "today" relative; 2024 is history).
    const tracks = today > "2024-12-31" ? [...PILOT_TRACKS_2024] : [];
    tracks.push(currentTrack(today));
    for (const demo of tracks) {
      const school = lookups.schools.get(demo.school);
      if (!school) continue;
      const existing = await trx
        .selectFrom("tracks")
        .select("id")
        .where("school_id", "=", school.id)
        .where("cohort_year", "=", demo.cohortYear)
        .executeTakeFirst();
      if (existing) continue;
      const track = await trx
        .insertInto("tracks")
        .values({
          school_id: school.id,
          template_id: template.id,
          name: template.name,
          cohort_year: demo.cohortYear,
          created_by: coordinatorId,
          created_at: demo.createdAt,
          updated_at: demo.createdAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("audit_log")
        .values({
          actor_id: coordinatorId,
          action: "track.started",
          entity_type: "track",
          entity_id: String(track.id),
          details: JSON.stringify({ schoolId: school.id, cohortYear: demo.cohortYear, demo: true }),
          created_at: demo.createdAt,
        })
        .execute();
      result.tracks++;

      for (const [index, step] of DEMO_TEMPLATE.steps.entries()) {
        const course = courses[index]!;
        const inserted = await trx
          .insertInto("track_steps")
          .values({
            track_id: track.id,
            position: index + 1,
            course_id: course.id,
            sessions_expected: step.sessionsExpected,
            min_gap_days: step.minGapDays,
            note: step.note,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const plan = demo.steps[index];
        if (!plan) continue;
        const sessions: DemoStepSession[] = [];
        for (const s of plan.sessions) {
          const facilitators =
            s.facilitators.length > 0
              ? s.facilitators
              : await freeFacilitators(trx, lookups, s, course.facilitators_needed);
          sessions.push({ ...s, facilitators });
        }
        const request = await insertDemoRequest(
          trx,
          lookups,
          {
            school: demo.school,
            course: step.course,
            status: plan.status,
            groups: step.sessionsExpected,
            perGroup: course.audience === "pupils" ? 25 : 35,
            grades: course.audience === "pupils" ? [7, 8, 9] : [],
            languages: plan.languages,
            notes: `Pilotforløb ${demo.cohortYear}, trin ${index + 1}: ${step.note}.`,
            createdAt: plan.createdAt,
            windows: [{ date: sessions[0].date, part: partOf(sessions[0].start) }],
            sessions,
          },
          context,
        );
        if (!request) continue;
        await trx
          .updateTable("track_steps")
          .set({ request_id: request.requestId })
          .where("id", "=", inserted.id)
          .execute();
        for (const [k, sessionId] of request.sessionIds.entries()) {
          await trx
            .insertInto("track_step_sessions")
            .values({
              session_id: sessionId,
              step_id: inserted.id,
              created_by: coordinatorId,
              created_at: plan.createdAt,
            })
            .execute();
          result.sessions++;
          const s = sessions[k];
          const endsAt = utc(s.date, s.end);
          if (s.attendance !== undefined && endsAt < context.nowIso) {
            result.responses += await seedAnswers(
              trx,
              { id: sessionId, startsAt: utc(s.date, s.start), attendance: s.attendance },
              course.audience,
            );
          }
        }
      }
    }
  });
  return result;
}
