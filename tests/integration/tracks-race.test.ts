import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOrderViolations } from "../../app/domain/tracks";
import { scheduleSession } from "../../app/services/schedule-session.server";
import type { ChangeResult } from "../../app/services/scheduling-shared.server";
import {
  addTemplateStep,
  createTemplate,
  planStepSession,
  startTrack,
} from "../../app/services/tracks.server";
import { createDb, type DB } from "../../db/connection";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { present } from "../support/responses";

let testDb: TestDb;
const connections: DB[] = [];

beforeAll(async () => {
  testDb = await createTestDb({ seed: true });
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.destroy()));
  await testDb?.cleanup();
});

describe("two coordinators booking into one track at once", () => {
  it("20 concurrent bookings of steps 1 and 2 cannot put the steps out of order", async () => {
    const { db } = testDb;
    const coordinator = await actorFor(db, "koordinator@frirum.test");
    const courses = await db
      .selectFrom("courses")
      .select(["id", "slug", "facilitators_needed"])
      .execute();
    const courseId = (slug: string) => courses.find((c) => c.slug === slug)!.id;
    const facilitators = await db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "facilitator")
      .orderBy("id")
      .execute();
    const school = await db
      .selectFrom("schools")
      .select("id")
      .where("slug", "=", "vanloese-aaskole")
      .executeTakeFirstOrThrow();

    // Two one-facilitator courses as steps 1 and 2, 7 days apart.
    const template = present(
      await createTemplate(db, coordinator, { name: "Kapløb", description: "" }),
    );
    if (!template.ok) throw new Error("template");
    let version = 1;
    for (const [slug, gap] of [
      ["oplaeg-bekymringstegn-for-personale", 0],
      ["workshop-venskab-og-faellesskab", 7],
    ] as const) {
      const added = present(
        await addTemplateStep(db, coordinator, template.templateId, {
          courseId: courseId(slug),
          sessionsExpected: 10,
          minGapDays: gap,
          note: "",
          version,
        }),
      );
      if (!added.ok) throw new Error(JSON.stringify(added));
      version++;
    }
    const track = present(
      await startTrack(db, coordinator, {
        schoolId: school.id,
        templateId: template.templateId,
        cohortYear: 2026,
        markPilot: false,
      }),
    );
    if (!track.ok) throw new Error(JSON.stringify(track));
    const steps = await db
      .selectFrom("track_steps")
      .select(["id", "position", "min_gap_days"])
      .where("track_id", "=", track.trackId)
      .orderBy("position")
      .execute();
    const requests: number[] = [];
    for (const step of steps) {
      const planned = present(await planStepSession(db, coordinator, track.trackId, step.id));
      if (!planned.ok) throw new Error("plan");
      requests.push(planned.requestId);
    }

    // 10 bookings of step 1 in May and 10 of step 2 in April, each on its own connection, day
    // and facilitator slot (no facilitator clash): every step-1/step-2 pair breaks the rule.
    const bookings = Array.from({ length: 20 }, (_, i) => {
      const stepIndex = i % 2;
      const day = 4 + Math.floor(i / 2); // 4..13
      const month = stepIndex === 0 ? "05" : "04";
      return {
        requestId: requests[stepIndex],
        form: {
          date: `2026-${month}-${String(day).padStart(2, "0")}`,
          start: "09:00",
          end: "10:00",
          place: "Vanløse Åskole",
          facilitatorIds: [facilitators[i % facilitators.length].id],
          confirmUnavailability: false,
          version: undefined,
        },
      };
    });
    for (let i = 0; i < bookings.length; i++) connections.push(createDb(testDb.url));
    const results: ChangeResult<{ sessionId: number }>[] = await Promise.all(
      bookings.map((booking, i) =>
        scheduleSession(connections[i], coordinator, booking.requestId, booking.form, {
          appUrl: "https://frirum.example.dk",
          mailFrom: "Frirum <frirum@kk.example>",
          now: () => new Date("2026-03-01T09:00:00.000Z"),
        }),
      ),
    );

    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won.length + lost.length).toBe(20);
    expect(won.length).toBeGreaterThanOrEqual(10);
    for (const r of lost) {
      expect(r).toMatchObject({ ok: false, errors: { overrideOrder: "tracks.order.refused" } });
    }
    // Whatever order the transactions ran in, the committed sessions obey the rule.
    const linked = await db
      .selectFrom("track_step_sessions as l")
      .innerJoin("sessions as s", "s.id", "l.session_id")
      .select(["s.id", "l.step_id", "s.starts_at", "s.ends_at", "s.status"])
      .execute();
    expect(linked).toHaveLength(won.length);
    const violations = allOrderViolations(
      steps.map((s) => ({ id: s.id, position: s.position, minGapDays: s.min_gap_days })),
      linked.map((s) => ({
        id: s.id,
        stepId: s.step_id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        status: s.status,
      })),
    );
    expect(violations).toEqual([]);
    // Only one of the two steps got its sessions in: all ten of them.
    expect(new Set(linked.map((s) => s.step_id)).size).toBe(1);
    expect(won).toHaveLength(10);
    // Every booking that went through sent its invite; none of the refused ones did.
    const invites = await db
      .selectFrom("email_outbox")
      .select("id")
      .where("kind", "=", "session-invite")
      .execute();
    expect(invites).toHaveLength(won.length);
  });
});
