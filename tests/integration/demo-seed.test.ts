import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { todayInCopenhagen } from "../../app/domain/time";
import { utcToCopenhagen } from "../../app/domain/timezone";
import { allOrderViolations } from "../../app/domain/tracks";
import { buildTrackModel } from "../../app/services/tracks.server";
import type { DB } from "../../db/connection";
import { isDemoSchoolDay } from "../../db/demo-calendar";
import { seedDemoData } from "../../db/seed";
import { seedEvaluationDemo } from "../../db/seed-evaluation";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoReports } from "../../db/seed-reports";
import { seedDemoSessions } from "../../db/seed-sessions";
import { CURRENT_TRACK_SCHOOL, seedDemoTracks } from "../../db/seed-tracks";
import { createTestDb } from "../support/db";

/** The whole demo seed, in the order scripts/seed.ts runs it, for one "today". */
async function seedAll(db: DB, now: Date) {
  await seedDemoData(db, now);
  await seedDemoSessions(db, now);
  await seedFeedbackForms(db);
  await seedDemoTracks(db, now);
  await seedDemoFeedback(db, now);
  await seedEvaluationDemo(db, now);
  await seedDemoReports(db, now);
}

/**
 * Every column that says when something was created, changed, sent or delivered. Feedback form
 * versions are left out: they are installed with the real clock (and are not demo events).
 */
const STAMPS: Array<[table: string, columns: string[]]> = [
  ["schools", ["created_at", "updated_at"]],
  ["users", ["created_at"]],
  ["courses", ["created_at", "updated_at"]],
  ["requests", ["created_at", "updated_at"]],
  ["request_events", ["created_at"]],
  ["sessions", ["created_at", "updated_at", "delivered_at"]],
  ["session_facilitators", ["created_at"]],
  ["audit_log", ["created_at"]],
  ["track_templates", ["created_at", "updated_at"]],
  ["tracks", ["created_at", "updated_at"]],
  ["track_step_sessions", ["created_at"]],
  ["annual_reports", ["created_at", "updated_at"]],
  ["annual_report_texts", ["created_at"]],
  ["annual_report_versions", ["finalised_at"]],
];

// Ordinary days, a daylight-saving change, the summer and Christmas holidays, New Year's night.
const TODAYS = [
  "2025-01-06T10:00:00.000Z",
  "2025-03-30T01:30:00.000Z",
  "2025-07-01T12:00:00.000Z",
  "2025-12-24T18:00:00.000Z",
  "2026-01-01T00:30:00.000Z",
  "2026-10-25T02:30:00.000Z",
  "2026-12-02T08:00:00.000Z",
];

describe("the demo data is consistent with any 'today'", () => {
  for (const today of TODAYS) {
    it(`seeded on ${today}`, async () => {
      const { db, cleanup } = await createTestDb();
      try {
        const now = new Date(today);
        await seedAll(db, now);

        // Nothing was received, changed or delivered after "now".
        for (const [table, columns] of STAMPS) {
          for (const column of columns) {
            const row = await sql<{
              latest: string | null;
            }>`SELECT max(${sql.ref(column)}) AS latest
              FROM ${sql.table(table)}`.execute(db);
            const latest = row.rows[0]?.latest ?? null;
            if (latest !== null) expect(latest <= today, `${table}.${column} ${latest}`).toBe(true);
          }
        }
        const requests = await db.selectFrom("requests").select("id").execute();
        expect(requests.length).toBeGreaterThan(10);

        // Preferred dates and sessions are on school days (no weekend, no school holiday).
        const windows = await db.selectFrom("request_windows").select("date").execute();
        for (const w of windows) expect(isDemoSchoolDay(w.date), `window ${w.date}`).toBe(true);
        const sessions = await db
          .selectFrom("sessions")
          .select(["id", "starts_at", "ends_at", "status"])
          .execute();
        for (const s of sessions) {
          const date = utcToCopenhagen(s.starts_at).date;
          expect(isDemoSchoolDay(date), `session ${s.id} on ${date}`).toBe(true);
          // Only sessions that have ended are delivered.
          if (s.status === "delivered") expect(s.ends_at <= today).toBe(true);
        }
        // No answers for a session that has not started.
        const early = await db
          .selectFrom("feedback_responses as r")
          .innerJoin("sessions as s", "s.id", "r.session_id")
          .select("s.id")
          .where("s.starts_at", ">", today)
          .execute();
        expect(early).toEqual([]);

        // The tracks keep their own order rule.
        const tracks = await db
          .selectFrom("tracks as t")
          .innerJoin("schools as s", "s.id", "t.school_id")
          .select(["t.id", "s.slug", "t.cohort_year"])
          .orderBy("t.id")
          .execute();
        expect(tracks.map((t) => [t.slug, t.cohort_year])).toEqual([
          ["tingbjerg-skole", 2024],
          ["noerrebro-parkskole", 2024],
          [CURRENT_TRACK_SCHOOL, expect.any(Number)],
        ]);
        for (const track of tracks) {
          const model = await buildTrackModel(db, track.id, { now });
          if (!model) throw new Error("model");
          const violations = allOrderViolations(
            model.steps.map((s) => ({ id: s.id, position: s.position, minGapDays: s.minGapDays })),
            model.steps.flatMap((s) =>
              s.sessions.map((session) => ({
                id: session.id,
                stepId: s.id,
                startsAt: session.startsAt,
                endsAt: session.endsAt,
                status: session.status,
              })),
            ),
          );
          expect(violations).toEqual([]);
          if (track.slug !== CURRENT_TRACK_SCHOOL) {
            // Delivered in 2024, with attendance and anonymous answers for every step.
            expect(model.progress).toEqual({ delivered: 4, total: 4 });
            expect(model.displayStatus).toBe("completed");
            for (const step of model.steps) {
              for (const s of step.sessions) expect(s.startsAt.slice(0, 4)).toBe("2024");
              expect(step.reach.answers).toBeGreaterThan(0);
              expect(step.reach.responseRate).toBeGreaterThan(0.5);
              expect(step.reach.responseRate).toBeLessThanOrEqual(1);
            }
          } else {
            // Half done, with the next step open and the order rule already biting on it.
            expect(model.steps.map((s) => s.status)).toEqual([
              "delivered",
              "partlyDelivered",
              "notPlanned",
              "notPlanned",
            ]);
            expect(model.displayStatus).toBe("active");
            const next = model.steps[2];
            expect(next.earliestStart?.at && next.earliestStart.at > today).toBe(true);
            expect(model.nextSession?.stepPosition).toBe(2);
          }
        }
        // Annual reports: finished years final on 14 March of the next year (when that has
        // passed), the running year a draft with some text.
        const reports = await db
          .selectFrom("annual_reports as r")
          .leftJoin("annual_report_versions as v", "v.report_id", "r.id")
          .select(["r.year", "v.finalised_at"])
          .orderBy("r.year")
          .execute();
        const year = Number(todayInCopenhagen(now).slice(0, 4));
        for (const report of reports) {
          const due = `${report.year + 1}-03-14T10:00:00.000Z`;
          expect(report.finalised_at, `report ${report.year}`).toBe(due <= today ? due : null);
        }
        if (today === "2026-12-02T08:00:00.000Z") {
          expect(reports.map((r) => [r.year, r.finalised_at?.slice(0, 10) ?? null])).toEqual([
            [2024, "2025-03-14"],
            [2025, "2026-03-14"],
            [2026, null],
          ]);
          expect(year).toBe(2026);
        }
      } finally {
        await cleanup();
      }
    });
  }

  it("seeds again without adding anything", async () => {
    const { db, cleanup } = await createTestDb();
    try {
      const now = new Date("2026-12-02T08:00:00.000Z");
      await seedAll(db, now);
      const count = async () =>
        Number(
          (
            await sql<{ n: number }>`SELECT (SELECT count(*) FROM sessions)
              + (SELECT count(*) FROM tracks) + (SELECT count(*) FROM feedback_responses)
              + (SELECT count(*) FROM annual_report_texts) AS n`.execute(db)
          ).rows[0].n,
        );
      const before = await count();
      await seedAll(db, now);
      expect(await count()).toBe(before);
    } finally {
      await cleanup();
    }
  });
});
