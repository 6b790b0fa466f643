/**
 * Demo requests and sessions, relative to `now`: past delivered sessions with attendance at both
 * pilot schools and at standard schools (the feedback seed adds anonymous answers to them), some
 * future scheduled sessions, and open requests in status `requested` (one at Valby Bakke Skole, a
 * standard school, is the one the browser test and the demo schedule). Inserted directly (no
 * invites are sent for demo history). Idempotent: does nothing when any session exists.
 *
 * Every date is a school day (no weekend, no school holiday: see demo-calendar.ts), and nothing is
 * created ("received") after `now`: requests for future windows were sent a few days ago.
 */
import { generateShortCode } from "../app/domain/feedback";
import type { RequestStatus } from "../app/domain/requests";
import { addDays, todayInCopenhagen } from "../app/domain/time";
import { copenhagenToUtc } from "../app/domain/timezone";
import { sessionUid } from "../emails/calendar";
import type { DB } from "./connection";
import { isDemoSchoolDay } from "./demo-calendar";
import { leaderEmail } from "./demo-data";
import { addInsertedSessionsToRollups } from "./queries/feedback-rollup";
import type { Audience, DayPart } from "./schema";

interface DemoSession {
  /** Days from today (negative = past); moved off weekends. */
  day: number;
  start: string;
  end: string;
  facilitators: number[]; // 1-4 = facilitatorN@frirum.test
  /** Participants present (delivered sessions only). */
  attendance?: number;
}

interface DemoRequest {
  school: string;
  course: string;
  status: RequestStatus;
  groups: number;
  perGroup: number;
  grades: number[];
  languages?: string[];
  notes: string;
  windows: Array<{ day: number; part: DayPart }>;
  sessions: DemoSession[];
}

const DEMO_REQUESTS: DemoRequest[] = [
  // ---- pilot 2024: Tingbjerg Skole ----
  {
    school: "tingbjerg-skole",
    course: "oplaeg-bekymringstegn-for-personale",
    status: "delivered",
    groups: 1,
    perGroup: 35,
    grades: [],
    notes: "Nye medarbejdere efter pilotforløbet i 2024: hele personalegruppen, også SFO.",
    windows: [{ day: -120, part: "afternoon" }],
    sessions: [{ day: -118, start: "14:00", end: "15:30", facilitators: [1], attendance: 32 }],
  },
  {
    school: "tingbjerg-skole",
    course: "workshop-rettigheder-og-frihed",
    status: "delivered",
    groups: 3,
    perGroup: 26,
    grades: [7, 8],
    notes: "Erfaringerne fra pilotforløbet videreføres: tre klasser på 7. og 8. årgang.",
    windows: [{ day: -80, part: "morning" }],
    sessions: [
      { day: -78, start: "08:15", end: "09:45", facilitators: [1, 2], attendance: 24 },
      { day: -78, start: "10:15", end: "11:45", facilitators: [1, 2], attendance: 26 },
      { day: -77, start: "08:15", end: "09:45", facilitators: [1, 2], attendance: 22 },
    ],
  },
  {
    school: "tingbjerg-skole",
    course: "foraeldredialog-opdragelse-og-trivsel",
    status: "delivered",
    groups: 1,
    perGroup: 30,
    grades: [],
    languages: ["ar", "so"],
    notes: "Forældremøde med tolkning til arabisk og somali, som i pilotforløbet.",
    windows: [{ day: -40, part: "custom" }],
    sessions: [{ day: -38, start: "17:00", end: "19:00", facilitators: [1, 2], attendance: 18 }],
  },
  {
    school: "tingbjerg-skole",
    course: "opfoelgning-for-personale",
    status: "scheduled",
    groups: 1,
    perGroup: 35,
    grades: [],
    notes: "Opfølgning med personalet på årets workshops.",
    windows: [{ day: 20, part: "afternoon" }],
    sessions: [{ day: 21, start: "14:00", end: "15:30", facilitators: [3] }],
  },
  // ---- pilot 2024: Nørrebro Parkskole ----
  {
    school: "noerrebro-parkskole",
    course: "oplaeg-bekymringstegn-for-personale",
    status: "delivered",
    groups: 1,
    perGroup: 30,
    grades: [],
    notes: "Nyt personale skal have oplægget fra pilotforløbet.",
    windows: [{ day: -110, part: "afternoon" }],
    sessions: [{ day: -109, start: "14:00", end: "15:30", facilitators: [3], attendance: 28 }],
  },
  {
    school: "noerrebro-parkskole",
    course: "workshop-kaerlighed-og-valg",
    status: "delivered",
    groups: 2,
    perGroup: 27,
    grades: [8, 9],
    notes: "Workshops for 8.A og 9.B, som fortsættelse af pilotforløbet.",
    windows: [{ day: -70, part: "morning" }],
    sessions: [
      { day: -69, start: "08:15", end: "09:45", facilitators: [3, 4], attendance: 25 },
      { day: -69, start: "10:15", end: "11:45", facilitators: [3, 4], attendance: 27 },
    ],
  },
  {
    school: "noerrebro-parkskole",
    course: "foraeldredialog-opdragelse-og-trivsel",
    status: "delivered",
    groups: 1,
    perGroup: 30,
    grades: [],
    languages: ["ur", "tr"],
    notes: "Forældredialog på urdu og tyrkisk.",
    windows: [{ day: -30, part: "custom" }],
    sessions: [{ day: -29, start: "17:00", end: "19:00", facilitators: [3, 4], attendance: 21 }],
  },
  {
    school: "noerrebro-parkskole",
    course: "workshop-rettigheder-og-frihed",
    status: "scheduled",
    groups: 1,
    perGroup: 25,
    grades: [9],
    notes: "Ekstra workshop for 9.C.",
    windows: [{ day: 10, part: "morning" }],
    sessions: [{ day: 10, start: "09:00", end: "10:30", facilitators: [2, 4] }],
  },
  // ---- standard schools ----
  {
    school: "amager-faelled-skole",
    course: "workshop-venskab-og-faellesskab",
    status: "delivered",
    groups: 2,
    perGroup: 24,
    grades: [5, 6],
    notes: "Uro i klassen efter sommerferien; fokus på fællesskab.",
    windows: [{ day: -60, part: "morning" }],
    sessions: [
      { day: -59, start: "08:15", end: "09:45", facilitators: [2], attendance: 23 },
      { day: -59, start: "10:15", end: "11:45", facilitators: [2], attendance: 24 },
    ],
  },
  {
    school: "vesterbro-ny-skole",
    course: "kursus-samtalen-med-eleven",
    status: "delivered",
    groups: 1,
    perGroup: 20,
    grades: [],
    notes: "Lærere og pædagoger fra udskolingen.",
    windows: [{ day: -50, part: "afternoon" }],
    sessions: [{ day: -48, start: "13:30", end: "16:00", facilitators: [1, 4], attendance: 19 }],
  },
  {
    school: "bispebjerg-skole",
    course: "workshop-kaerlighed-og-valg",
    status: "delivered",
    groups: 1,
    perGroup: 28,
    grades: [9],
    notes: "",
    windows: [{ day: -25, part: "morning" }],
    sessions: [{ day: -24, start: "09:00", end: "10:30", facilitators: [2, 3], attendance: 26 }],
  },
  {
    school: "sundby-skole",
    course: "workshop-rettigheder-og-frihed",
    status: "scheduled",
    groups: 1,
    perGroup: 24,
    grades: [8],
    notes: "",
    windows: [{ day: 14, part: "morning" }],
    sessions: [{ day: 14, start: "09:00", end: "10:30", facilitators: [1, 3] }],
  },
  {
    // Yesterday's workshop: its feedback form is open and attendance is not registered yet, so
    // the demo can show journeys 4 and 5 (QR code, live count, attendance) as facilitator1.
    school: "sydhavn-skole",
    course: "workshop-venskab-og-faellesskab",
    status: "scheduled",
    groups: 1,
    perGroup: 26,
    grades: [5],
    notes: "Klassen har haft konflikter om, hvem man må være venner med.",
    windows: [{ day: -1, part: "morning" }],
    sessions: [{ day: -1, start: "09:00", end: "10:00", facilitators: [1] }],
  },
  // ---- open requests: to be scheduled in the demo ----
  {
    school: "valby-bakke-skole",
    course: "workshop-rettigheder-og-frihed",
    status: "requested",
    groups: 3,
    perGroup: 25,
    grades: [7, 8, 9],
    notes: "Vi har set bekymringstegn i udskolingen og ønsker et forløb for tre klasser.",
    windows: [
      { day: 24, part: "morning" },
      { day: 31, part: "morning" },
    ],
    sessions: [],
  },
  {
    school: "husum-vaenge-skole",
    course: "foraeldredialog-opdragelse-og-trivsel",
    status: "requested",
    groups: 1,
    perGroup: 30,
    grades: [],
    languages: ["ar", "so"],
    notes: "Forældremøde om aftenen; mange forældre taler arabisk eller somali.",
    windows: [{ day: 28, part: "custom" }],
    sessions: [],
  },
];

/**
 * A school day `offset` days from `today`: a weekend or holiday moves further into the past (for
 * a past offset) or the future, so a past date never becomes today or later.
 */
export function schoolDay(today: string, offset: number): string {
  let date = addDays(today, offset);
  const step = offset < 0 ? -1 : 1;
  while (!isDemoSchoolDay(date)) date = addDays(date, step);
  return date;
}

export function utc(date: string, time: string): string {
  const result = copenhagenToUtc(date, time);
  if (!result.ok) throw new Error(`Demo time ${date} ${time}: ${result.error}`);
  return result.utc;
}

/** A demo request with its dates resolved: what `insertDemoRequest` writes. */
export interface DatedDemoRequest {
  school: string;
  course: string;
  status: RequestStatus;
  groups: number;
  perGroup: number;
  grades: number[];
  languages?: string[];
  notes: string;
  /** UTC instant the school sent it (never after `now`). */
  createdAt: string;
  windows: Array<{ date: string; part: DayPart }>;
  sessions: Array<{
    date: string;
    start: string;
    end: string;
    facilitators: number[]; // 1-4 = facilitatorN@frirum.test
    /** Participants present; a session with attendance that has ended is delivered. */
    attendance?: number;
  }>;
}

/** Ids the demo inserts look up once per transaction. */
export async function demoLookups(trx: DB) {
  const schools = new Map(
    (await trx.selectFrom("schools").select(["id", "slug", "address", "name"]).execute()).map(
      (s) => [s.slug, s],
    ),
  );
  const courses = new Map(
    (
      await trx
        .selectFrom("courses")
        .select(["id", "slug", "audience", "facilitators_needed"])
        .execute()
    ).map((c) => [c.slug, c]),
  );
  const users = new Map(
    (await trx.selectFrom("users").select(["id", "email"]).execute()).map((u) => [u.email, u.id]),
  );
  const usedCodes = new Set(
    (await trx.selectFrom("sessions").select("feedback_code").execute()).map(
      (s) => s.feedback_code,
    ),
  );
  return {
    schools,
    courses,
    users,
    usedCodes,
    coordinatorId: users.get("koordinator@frirum.test") ?? null,
  };
}
export type DemoLookups = Awaited<ReturnType<typeof demoLookups>>;

/**
 * Inserts one demo request with its windows, events and sessions (delivered ones with attendance;
 * no invites are sent for demo history). Returns the ids, or null when the school, course or
 * leader is missing.
 */
export async function insertDemoRequest(
  trx: DB,
  lookups: DemoLookups,
  demo: DatedDemoRequest,
  context: { nowIso: string; host: string },
): Promise<{ requestId: number; sessionIds: number[] } | null> {
  const school = lookups.schools.get(demo.school);
  const course = lookups.courses.get(demo.course);
  const requesterId = lookups.users.get(leaderEmail(demo.school));
  if (!school || !course || !requesterId) return null;
  const { createdAt } = demo;
  const request = await trx
    .insertInto("requests")
    .values({
      school_id: school.id,
      requester_id: requesterId,
      course_id: course.id,
      status: demo.status,
      group_count: demo.groups,
      participants_per_group: demo.perGroup,
      grades: JSON.stringify(demo.grades),
      location: school.address,
      contact_name: "Kontaktlærer (demo)",
      contact_phone: "33 66 33 66",
      languages_needed: JSON.stringify(demo.languages ?? []),
      interpreter_needed: demo.languages?.length ? 1 : 0,
      notes: demo.notes,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("request_windows")
    .values(
      demo.windows.map((w, position) => ({
        request_id: request.id,
        position,
        date: w.date,
        part: w.part,
        from_time: w.part === "custom" ? "17:00" : null,
        to_time: w.part === "custom" ? "19:30" : null,
      })),
    )
    .execute();
  await trx
    .insertInto("request_events")
    .values({
      request_id: request.id,
      actor_id: requesterId,
      action: "request.created",
      from_status: null,
      to_status: "requested",
      created_at: createdAt,
    })
    .execute();
  if (demo.status !== "requested") {
    await trx
      .insertInto("request_events")
      .values({
        request_id: request.id,
        actor_id: lookups.coordinatorId,
        action: `request.${demo.status}`,
        from_status: "requested",
        to_status: demo.status,
        created_at: createdAt,
      })
      .execute();
  }

  const sessionIds: number[] = [];
  for (const s of demo.sessions) {
    const startsAt = utc(s.date, s.start);
    const endsAt = utc(s.date, s.end);
    const delivered = s.attendance !== undefined && endsAt < context.nowIso;
    let code = generateShortCode();
    while (lookups.usedCodes.has(code)) code = generateShortCode();
    lookups.usedCodes.add(code);
    const inserted = await trx
      .insertInto("sessions")
      .values({
        request_id: request.id,
        course_id: course.id,
        school_id: school.id,
        starts_at: startsAt,
        ends_at: endsAt,
        location: `${school.name}, ${school.address}`,
        status: delivered ? "delivered" : "scheduled",
        uid: `pending-${code}`,
        sequence: 0,
        feedback_code: code,
        [ATTENDANCE_COLUMN[course.audience]]: delivered ? s.attendance : null,
        delivered_at: delivered
          ? [utc(addDays(s.date, 1), "09:00"), context.nowIso].sort()[0]
          : null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("sessions")
      .set({ uid: sessionUid(inserted.id, context.host) })
      .where("id", "=", inserted.id)
      .execute();
    const facilitatorIds = s.facilitators
      .map((n) => lookups.users.get(`facilitator${n}@frirum.test`))
      .filter((id): id is number => id !== undefined);
    if (facilitatorIds.length > 0) {
      await trx
        .insertInto("session_facilitators")
        .values(
          facilitatorIds.map((userId) => ({
            session_id: inserted.id,
            user_id: userId,
            created_at: createdAt,
          })),
        )
        .execute();
    }
    await trx
      .insertInto("audit_log")
      .values({
        actor_id: lookups.coordinatorId,
        action: "session.scheduled",
        entity_type: "session",
        entity_id: String(inserted.id),
        details: JSON.stringify({ startsAt, endsAt, demo: true }),
        created_at: createdAt,
      })
      .execute();
    // Delivered demo sessions carry attendance: count them in the evaluation's rollups.
    await addInsertedSessionsToRollups(trx, [inserted.id]);
    sessionIds.push(inserted.id);
  }
  return { requestId: request.id, sessionIds };
}

const ATTENDANCE_COLUMN: Record<
  Audience,
  "attendance_pupils" | "attendance_professionals" | "attendance_parents"
> = {
  pupils: "attendance_pupils",
  staff: "attendance_professionals",
  parents: "attendance_parents",
};

export async function seedDemoSessions(
  db: DB,
  now: Date = new Date(),
  options: { host?: string } = {},
): Promise<{ requests: number; sessions: number }> {
  const existing = await db.selectFrom("sessions").select("id").limit(1).executeTakeFirst();
  if (existing) return { requests: 0, sessions: 0 };
  const context = { host: options.host ?? "localhost", nowIso: now.toISOString() };
  const today = todayInCopenhagen(now);
  let requests = 0;
  let sessions = 0;

  // A plain transaction (not writeTransaction): seeding runs alone, before any server, so
  // nothing can change what it reads; and its counters must not count a PostgreSQL re-run.
  await db.transaction().execute(async (trx) => {
    const lookups = await demoLookups(trx);
    for (const [index, demo] of DEMO_REQUESTS.entries()) {
      // Sent 20 days before the first preferred date, but never later than two days ago.
      const firstDay = Math.min(...demo.windows.map((w) => w.day)) - 20;
      const createdAt = utc(schoolDay(today, Math.min(firstDay, -2 - (index % 7))), "10:00");
      const inserted = await insertDemoRequest(
        trx,
        lookups,
        {
          ...demo,
          createdAt,
          windows: demo.windows.map((w) => ({ date: schoolDay(today, w.day), part: w.part })),
          sessions: demo.sessions.map((s) => ({ ...s, date: schoolDay(today, s.day) })),
        },
        context,
      );
      if (!inserted) continue;
      requests++;
      sessions += inserted.sessionIds.length;
    }
  });
  return { requests, sessions };
}
