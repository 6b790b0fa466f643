import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleSession } from "../../app/services/schedule-session.server";
import type { ChangeResult } from "../../app/services/scheduling-shared.server";
import { createDb, type DB } from "../../db/connection";
import { actorFor } from "../support/actors";
import { prepareBookingRace } from "../support/booking-race";
import { createTestDb, type TestDb } from "../support/db";

let testDb: TestDb;
const connections: DB[] = [];

beforeAll(async () => {
  testDb = await createTestDb({ seed: true });
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.destroy()));
  await testDb?.cleanup();
});

describe("two coordinators saving at once", () => {
  it("books one facilitator into only one of 20 overlapping sessions saved concurrently", async () => {
    const { db } = testDb;
    const coordinator = await actorFor(db, "koordinator@frirum.test");
    // 20 requests from different schools, each to be scheduled on its own DB connection.
    const { facilitatorId, requestIds } = await prepareBookingRace(db, 20);
    for (let i = 0; i < 20; i++) connections.push(createDb(testDb.url));

    const results: ChangeResult<{ sessionId: number }>[] = await Promise.all(
      requestIds.map((requestId, i) =>
        scheduleSession(
          connections[i],
          coordinator,
          requestId,
          {
            date: "2026-04-21",
            // Staggered starts 09:00-09:19: every pair overlaps.
            start: `09:${String(i).padStart(2, "0")}`,
            end: "10:30",
            place: `Skole ${i}`,
            facilitatorIds: [facilitatorId],
            confirmUnavailability: false,
            version: undefined,
          },
          {
            appUrl: "https://frirum.example.dk",
            mailFrom: "Frirum <frirum@kk.example>",
            now: () => new Date("2026-03-01T09:00:00.000Z"),
          },
        ),
      ),
    );

    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r).toMatchObject({
        ok: false,
        errors: { facilitatorIds: "sessions.conflict.booked" },
      });
    }
    const booked = await db
      .selectFrom("session_facilitators")
      .select("session_id")
      .where("user_id", "=", facilitatorId)
      .execute();
    expect(booked).toHaveLength(1);
    const sessions = await db.selectFrom("sessions").select("id").execute();
    expect(sessions).toHaveLength(1);
    // Exactly one invite and one request moved to scheduled.
    const invites = await db
      .selectFrom("email_outbox")
      .select("id")
      .where("kind", "=", "session-invite")
      .execute();
    expect(invites).toHaveLength(1);
    const scheduled = await db
      .selectFrom("requests")
      .select("id")
      .where("status", "=", "scheduled")
      .execute();
    expect(scheduled).toHaveLength(1);
  });
});
