import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionFormValues } from "../../app/domain/scheduling";
import type { CurrentUser } from "../../app/lib/guards.server";
import { processOutboxOnce, smtpDelivery } from "../../app/lib/outbox-worker.server";
import { cancelRequest, cancelSession } from "../../app/services/cancel-session.server";
import { saveLanguageChoice } from "../../app/services/language.server";
import { moveSession } from "../../app/services/move-session.server";
import { loadSchedulePage } from "../../app/services/schedule-page.server";
import { scheduleSession } from "../../app/services/schedule-session.server";
import type { SchedulingConfig } from "../../app/services/scheduling-shared.server";
import { swapFacilitators } from "../../app/services/swap-facilitators.server";
import type { DB } from "../../db/connection";
import {
  cancelAttendanceReminders,
  explainSessionBusy,
  listPendingSessionReminders,
} from "../../db/queries/sessions";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb, testDialect } from "../support/db";
import { expectNotFound, ok, present } from "../support/responses";
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const MAIL_FROM = "Frirum Forebyggelse <forebyggelse@kk.example>";
const NOW = new Date("2026-03-01T09:00:00.000Z");
let clock = NOW;
const cfg: Partial<SchedulingConfig> = {
  appUrl: "https://frirum.example.dk",
  mailFrom: MAIL_FROM,
  now: () => clock,
};

let testDb: TestDb;
let db: DB;
let smtp: TestSmtpServer;
let coordinator: CurrentUser;
let leader: CurrentUser;
let facilitator: CurrentUser;
const f: Record<number, { id: number; email: string; name: string }> = {};
let schoolId: number;
let leaderEmail: string;

async function createRequest(courseSlug: string, languages: string[] = []): Promise<number> {
  const course = await db
    .selectFrom("courses")
    .select("id")
    .where("slug", "=", courseSlug)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("requests")
    .values({
      school_id: schoolId,
      requester_id: leader.id,
      course_id: course.id,
      group_count: 1,
      participants_per_group: 25,
      grades: "[8]",
      location: "Valby Bakke Skole, lokale 12",
      contact_name: "Lærer Hansen",
      contact_phone: "12345678",
      languages_needed: JSON.stringify(languages),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("request_windows")
    .values({ request_id: row.id, position: 0, date: "2026-03-20", part: "morning" })
    .execute();
  return row.id;
}

function form(overrides: Partial<SessionFormValues>): SessionFormValues {
  return {
    date: "2026-03-20",
    start: "09:00",
    end: "10:30",
    place: "Valby Bakke Skole, lokale 12 – Århus Å",
    facilitatorIds: [f[1].id, f[2].id],
    confirmUnavailability: false,
    version: undefined,
    ...overrides,
  };
}

/** Sends everything due at `clock` until nothing more is sent. */
async function flush(server = smtp) {
  const deliver = smtpDelivery(server.url, MAIL_FROM);
  for (let i = 0; i < 50; i++) {
    const result = await processOutboxOnce(db, deliver, () => clock);
    if (result.sent === 0 && result.failed === 0) return;
    if (result.failed > 0) return;
  }
}

function mailsTo(email: string, server = smtp): ReceivedMail[] {
  return server.received.filter((m) => m.envelopeTo.includes(email));
}

interface CalendarPart {
  mimeMethod: string | undefined;
  charset: string | undefined;
  method: string;
  uid: string;
  sequence: number;
  status: string;
  attendees: string[];
  start: string;
  summary: string;
  organizer: string;
}

/** The text/calendar alternative of a mail: its MIME parameters and the file parsed by ical.js. */
function calendarPart(mail: ReceivedMail): CalendarPart {
  const part = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error(`no text/calendar part in "${mail.parsed.subject}"`);
  const header = part.headers.get("content-type") as { params: Record<string, string> };
  const content = part.content.toString("utf8");
  expect(content).not.toContain("\uFFFD");
  for (const line of content.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return {
    mimeMethod: header.params.method,
    charset: header.params.charset,
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: String(event.getFirstPropertyValue("status")),
    attendees: event
      .getAllProperties("attendee")
      .map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "")),
    start: String(event.getFirstPropertyValue("dtstart")),
    summary: String(event.getFirstPropertyValue("summary")),
    organizer: String(event.getFirstPropertyValue("organizer")),
  };
}

beforeAll(async () => {
  testDb = await createTestDb({ seed: true });
  db = testDb.db;
  smtp = await startSmtpServer();
  coordinator = await actorFor(db, "koordinator@frirum.test");
  leaderEmail = "leder.valby-bakke-skole@frirum.test";
  leader = await actorFor(db, leaderEmail);
  schoolId = leader.schoolId!;
  facilitator = await actorFor(db, "facilitator1@frirum.test");
  for (const n of [1, 2, 3, 4]) {
    const u = await actorFor(db, `facilitator${n}@frirum.test`);
    f[n] = { id: u.id, email: u.email, name: u.name };
  }
});

afterAll(async () => {
  await smtp?.stop();
  await testDb?.cleanup();
});

describe("scheduling a session", () => {
  let requestId: number;
  let sessionId: number;
  let uid: string;

  it("invites both facilitators (REQUEST, SEQUENCE 0) and confirms to the school (PUBLISH)", async () => {
    requestId = await createRequest("workshop-rettigheder-og-frihed");
    const result = present(await scheduleSession(db, coordinator, requestId, form({}), cfg));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    sessionId = result.sessionId;

    const session = await db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    uid = session.uid;
    // The UID's domain is the sender's (MAIL_FROM), not the host of APP_URL (often localhost).
    expect(uid).toBe(`session-${sessionId}@kk.example`);
    expect(session.sequence).toBe(0);
    expect(session.starts_at).toBe("2026-03-20T08:00:00.000Z");
    expect(session.feedback_code).toMatch(/^[A-Z0-9]{4,}$/);

    const request = await db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe("scheduled");
    const events = await db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", requestId)
      .execute();
    expect(events.map((e) => [e.from_status, e.to_status])).toEqual([["requested", "scheduled"]]);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "session")
      .where("entity_id", "=", String(sessionId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["session.scheduled"]);

    await flush();
    for (const n of [1, 2]) {
      const mails = mailsTo(f[n].email);
      expect(mails).toHaveLength(1);
      const part = calendarPart(mails[0]);
      expect(part).toMatchObject({
        mimeMethod: "REQUEST",
        charset: "utf-8",
        method: "REQUEST",
        uid,
        sequence: 0,
        status: "CONFIRMED",
      });
      expect(part.attendees.sort()).toEqual([f[1].email, f[2].email].sort());
      expect(mails[0].raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
      expect(part.start).toBe("2026-03-20T08:00:00Z");
      expect(part.organizer).toBe("mailto:forebyggelse@kk.example");
    }
    const schoolMails = mailsTo(leaderEmail);
    expect(schoolMails).toHaveLength(1);
    const publish = calendarPart(schoolMails[0]);
    expect(publish).toMatchObject({ mimeMethod: "PUBLISH", method: "PUBLISH", uid, sequence: 0 });
    expect(publish.attendees).toEqual([]);
    expect(schoolMails[0].parsed.text).toContain(f[1].name);
    expect(schoolMails[0].parsed.text).toContain(f[2].name);
    expect(schoolMails[0].parsed.text).toContain("Valby Bakke Skole, lokale 12");
    expect(schoolMails[0].parsed.text).toContain("kl. 09.00–10.30");
    expect(mailsTo(f[3].email)).toHaveLength(0);
  });

  it("queues reminders: 3 days before (facilitators and leader) and attendance the day after", async () => {
    const reminders = await listPendingSessionReminders(db, sessionId);
    expect(reminders.map((r) => r.dedupe_key).sort()).toEqual(
      [
        `reminder-3d:session-${sessionId}:seq-0:user-${f[1].id}`,
        `reminder-3d:session-${sessionId}:seq-0:user-${f[2].id}`,
        `reminder-3d:session-${sessionId}:seq-0:user-${leader.id}`,
        `reminder-attendance:session-${sessionId}:seq-0:user-${f[1].id}`,
        `reminder-attendance:session-${sessionId}:seq-0:user-${f[2].id}`,
      ].sort(),
    );
    const threeDay = reminders.find((r) => r.dedupe_key?.startsWith("reminder-3d"));
    expect(threeDay?.next_attempt_at).toBe("2026-03-17T07:00:00.000Z");
  });

  it("refuses a double booking and asks for confirmation over registered unavailability", async () => {
    const other = await createRequest("workshop-rettigheder-og-frihed");
    const clash = present(
      await scheduleSession(
        db,
        coordinator,
        other,
        // Starts 20 minutes after the first one ends: inside the 30-minute travel buffer.
        form({ start: "10:50", end: "12:00", facilitatorIds: [f[2].id, f[3].id] }),
        cfg,
      ),
    );
    expect(clash).toMatchObject({
      ok: false,
      errors: { facilitatorIds: "sessions.conflict.booked" },
    });
    if (!clash.ok) expect(clash.conflicts?.map((c) => c.facilitatorId)).toEqual([f[2].id]);

    await db
      .insertInto("unavailability")
      .values({
        user_id: f[4].id,
        starts_at: "2026-03-20T11:00:00.000Z",
        ends_at: "2026-03-20T15:00:00.000Z",
        reason: "Kursus",
      })
      .execute();
    const input = form({ start: "13:00", end: "14:00", facilitatorIds: [f[3].id, f[4].id] });
    const unconfirmed = present(await scheduleSession(db, coordinator, other, input, cfg));
    expect(unconfirmed).toMatchObject({
      ok: false,
      needsConfirmation: true,
      errors: { confirmUnavailability: "sessions.conflict.unavailableConfirm" },
    });
    const confirmed = present(
      await scheduleSession(db, coordinator, other, { ...input, confirmUnavailability: true }, cfg),
    );
    expect(confirmed.ok).toBe(true);

    const page = ok(
      await loadSchedulePage(db, coordinator, other, {
        date: "2026-03-20",
        start: "13:00",
        end: "14:00",
      }),
    );
    const ranked = page.suggestions ?? [];
    expect(ranked.slice(0, 2).every((s) => s.free)).toBe(true);
    expect(
      ranked
        .filter((s) => s.booked)
        .map((s) => s.facilitatorId)
        .sort(),
    ).toEqual([f[3].id, f[4].id].sort());
    await flush();
  });

  it("refuses a spring-gap time with its message key, and a wrong number of facilitators", async () => {
    const gap = present(
      await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-03-29", start: "02:30", end: "03:30" }),
        cfg,
      ),
    );
    expect(gap).toEqual({ ok: false, errors: { start: "time.nonexistent" } });
    const one = present(
      await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-03-24", facilitatorIds: [f[3].id] }),
        cfg,
      ),
    );
    expect(one).toEqual({ ok: false, errors: { facilitatorIds: "sessions.facilitators.count" } });
  });

  it("moves the session: same UID, SEQUENCE 1, reminders replaced", async () => {
    const before = mailsTo(f[1].email).length;
    const moved = present(
      await moveSession(
        db,
        coordinator,
        sessionId,
        {
          date: "2026-03-23",
          start: "10:00",
          end: "11:30",
          place: "Aulaen",
          version: 1,
          confirmUnavailability: false,
        },
        cfg,
      ),
    );
    expect(moved).toEqual({ ok: true, sequence: 1 });
    await flush();
    for (const n of [1, 2]) {
      const mails = mailsTo(f[n].email);
      const part = calendarPart(mails[mails.length - 1]);
      expect(part).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST", uid, sequence: 1 });
      expect(part.start).toBe("2026-03-23T09:00:00Z");
    }
    expect(mailsTo(f[1].email).length).toBe(before + 1);
    const notice = mailsTo(leaderEmail).at(-1)!;
    expect(notice.parsed.subject).toMatch(/^Ændret/);
    expect(calendarPart(notice)).toMatchObject({ method: "PUBLISH", uid, sequence: 1 });

    const keys = (await listPendingSessionReminders(db, sessionId)).map((r) => r.dedupe_key);
    expect(keys).toHaveLength(5);
    expect(keys.every((k) => k?.includes(":seq-1:"))).toBe(true);
  });

  it("refuses a stale form instead of overwriting", async () => {
    const stale = present(
      await moveSession(
        db,
        coordinator,
        sessionId,
        {
          date: "2026-03-24",
          start: "10:00",
          end: "11:00",
          place: "Aulaen",
          version: 1,
          confirmUnavailability: false,
        },
        cfg,
      ),
    );
    expect(stale).toEqual({ ok: false, errors: { _form: "sessions.stale" } });
    const row = await db
      .selectFrom("sessions")
      .select(["starts_at", "sequence"])
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ starts_at: "2026-03-23T09:00:00.000Z", sequence: 1 });
  });

  it("sends each 3-day reminder once, for the current time only", async () => {
    clock = new Date("2026-03-20T07:30:00.000Z");
    try {
      await flush();
      const isReminder = (m: ReceivedMail) =>
        Boolean(m.parsed.subject?.startsWith("Påmindelse")) &&
        Boolean(m.parsed.text?.includes("23. marts 2026"));
      const reminders = mailsTo(f[1].email).filter(isReminder);
      expect(reminders).toHaveLength(1);
      expect(reminders[0].parsed.text).toContain("23. marts 2026 kl. 10.00");
      // The stale reminder (for 20 March, before the move) never goes out.
      expect(
        mailsTo(f[1].email).filter((m) => m.parsed.text?.includes("20. marts 2026 kl. 09.00")),
      ).toHaveLength(1); // the original invite only
      expect(mailsTo(leaderEmail).filter(isReminder)).toHaveLength(1);
      await flush();
      expect(mailsTo(f[1].email).filter(isReminder)).toHaveLength(1);
    } finally {
      clock = NOW;
    }
  });

  it("cancels the session: METHOD:CANCEL, SEQUENCE 2, request back to in progress", async () => {
    const cancelled = present(
      await cancelSession(
        db,
        coordinator,
        sessionId,
        { version: 2, reason: "Skolen har emneuge" },
        cfg,
      ),
    );
    expect(cancelled).toEqual({ ok: true });
    await flush();
    for (const n of [1, 2]) {
      const mails = mailsTo(f[n].email);
      const part = calendarPart(mails[mails.length - 1]);
      expect(part).toMatchObject({
        mimeMethod: "CANCEL",
        method: "CANCEL",
        uid,
        sequence: 2,
        status: "CANCELLED",
      });
      expect(mails[mails.length - 1].raw).toMatch(/method=CANCEL/);
    }
    expect(mailsTo(leaderEmail).at(-1)?.parsed.subject).toMatch(/^Aflyst/);
    expect(await listPendingSessionReminders(db, sessionId)).toEqual([]);
    const request = await db
      .selectFrom("requests")
      .select("status")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe("in_progress");
  });
});

describe("swapping facilitators and cancelling a request", () => {
  it("sends CANCEL to the removed, REQUEST to the new and an update to the one who stays", async () => {
    const requestId = await createRequest("workshop-kaerlighed-og-valg", ["ar"]);
    const created = present(
      await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-04-14", facilitatorIds: [f[1].id, f[2].id] }),
        cfg,
      ),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    await flush();
    const counts = [1, 2, 3].map((n) => mailsTo(f[n].email).length);

    const swapped = present(
      await swapFacilitators(
        db,
        coordinator,
        created.sessionId,
        { facilitatorIds: [f[1].id, f[3].id], version: 1, confirmUnavailability: false },
        cfg,
      ),
    );
    expect(swapped).toEqual({ ok: true, sequence: 1, added: [f[3].id], removed: [f[2].id] });
    await flush();
    const removed = mailsTo(f[2].email).slice(counts[1]);
    const kept = mailsTo(f[1].email).slice(counts[0]);
    const added = mailsTo(f[3].email).slice(counts[2]);
    expect(removed.map((m) => calendarPart(m).method)).toEqual(["CANCEL"]);
    expect(calendarPart(removed[0]).attendees).toEqual([f[2].email]);
    expect(kept.map((m) => calendarPart(m).method)).toEqual(["REQUEST"]);
    expect(added.map((m) => calendarPart(m).method)).toEqual(["REQUEST"]);
    for (const m of [...removed, ...kept, ...added]) expect(calendarPart(m).sequence).toBe(1);
    expect(calendarPart(added[0]).attendees.sort()).toEqual([f[1].email, f[3].email].sort());
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(created.sessionId))
      .where("entity_type", "=", "session")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "session.scheduled",
      "session.facilitatorsChanged",
    ]);

    // cancelAttendanceReminders (for the facilitator side) removes only the attendance reminders.
    const removedCount = await cancelAttendanceReminders(db, created.sessionId);
    expect(removedCount).toBe(2);
    const left = await listPendingSessionReminders(db, created.sessionId);
    expect(left.every((r) => r.dedupe_key?.startsWith("reminder-3d:"))).toBe(true);

    // Cancel the whole request: its session gets cancelled (CANCEL, SEQUENCE 2), request cancelled.
    const request = await db
      .selectFrom("requests")
      .select("version")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    const result = present(
      await cancelRequest(
        db,
        coordinator,
        requestId,
        { version: request.version, reason: "" },
        cfg,
      ),
    );
    expect(result).toEqual({ ok: true, cancelledSessions: 1 });
    await flush();
    expect(calendarPart(mailsTo(f[3].email).at(-1)!)).toMatchObject({
      method: "CANCEL",
      sequence: 2,
    });
    const after = await db
      .selectFrom("requests")
      .select("status")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("cancelled");
    const again = present(await scheduleSession(db, coordinator, requestId, form({}), cfg));
    expect(again).toEqual({ ok: false, errors: { _form: "sessions.request.closed" } });
  });
});

describe("access control", () => {
  it("answers 404 to a school leader or facilitator who tries to schedule or change", async () => {
    const requestId = await createRequest("workshop-rettigheder-og-frihed");
    for (const actor of [leader, facilitator]) {
      await expectNotFound(scheduleSession(db, actor, requestId, form({}), cfg));
      await expectNotFound(cancelSession(db, actor, 1, { version: 1, reason: "" }, cfg));
      await expectNotFound(loadSchedulePage(db, actor, requestId));
    }
    await expectNotFound(scheduleSession(db, coordinator, 999_999, form({}), cfg));
  });

  it("finds busy sessions through an index, not a table scan", async () => {
    const plan = await explainSessionBusy(db, {
      from: "2026-03-20T07:30:00.000Z",
      to: "2026-03-20T10:00:00.000Z",
    });
    if (testDialect() === "sqlite") {
      expect(plan.join("\n")).toMatch(/USING (COVERING )?INDEX/);
      expect(plan.join("\n")).not.toMatch(/SCAN s\b(?! USING)/);
    } else {
      expect(plan.join("\n")).toMatch(/Index (Only )?Scan (using|on) sessions_starts_idx/);
      expect(plan.join("\n")).not.toMatch(/Seq Scan on sessions/);
    }
  });
});

describe("SMTP down and back", () => {
  it("delivers every message exactly once, in order per recipient", async () => {
    const requestId = await createRequest("workshop-rettigheder-og-frihed");
    await flush(); // nothing left over from earlier tests
    const port = smtp.port;
    await smtp.stop();

    const created = present(
      await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-05-05", facilitatorIds: [f[3].id, f[4].id] }),
        cfg,
      ),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const moved = present(
      await moveSession(
        db,
        coordinator,
        created.sessionId,
        {
          date: "2026-05-06",
          start: "09:00",
          end: "10:30",
          place: "Gymnastiksalen",
          version: 1,
          confirmUnavailability: false,
        },
        cfg,
      ),
    );
    expect(moved.ok).toBe(true);

    // SMTP is down: every attempt fails and backs off; nothing is lost or marked sent.
    const down = await processOutboxOnce(
      db,
      smtpDelivery(`smtp://127.0.0.1:${port}`, MAIL_FROM),
      () => clock,
    );
    expect(down.sent).toBe(0);
    expect(down.failed).toBe(3); // one per recipient: the rest wait behind it
    const pending = await db
      .selectFrom("email_outbox")
      .select(["id", "to_address", "attempts", "subject"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", "2026-03-02T00:00:00.000Z")
      .orderBy("id")
      .execute();
    expect(pending).toHaveLength(6); // invite + update to 2 facilitators, confirmation + notice

    smtp = await startSmtpServer(port);
    clock = new Date(NOW.getTime() + 60_000);
    await flush();

    for (const email of [f[3].email, f[4].email]) {
      const mails = mailsTo(email);
      expect(mails.map((m) => calendarPart(m).sequence)).toEqual([0, 1]);
      expect(mails.map((m) => calendarPart(m).method)).toEqual(["REQUEST", "REQUEST"]);
    }
    const school = mailsTo(leaderEmail);
    expect(school.map((m) => m.parsed.subject?.split(":")[0])).toEqual(["Planlagt", "Ændret"]);
    await flush();
    expect(smtp.received).toHaveLength(6);
    const stillPending = await db
      .selectFrom("email_outbox")
      .select("id")
      .where("status", "!=", "sent")
      .where("next_attempt_at", "<=", clock.toISOString())
      .execute();
    expect(stillPending).toEqual([]);
    clock = NOW;
  });
});

describe("calendar delivery preference and invite UIDs", () => {
  it("sends a feed-only facilitator plain notices without a calendar file, the other invites", async () => {
    await db
      .updateTable("users")
      .set({ calendar_delivery: "feed" })
      .where("id", "=", f[3].id)
      .execute();
    await db
      .updateTable("users")
      .set({ calendar_delivery: "both" })
      .where("id", "=", f[4].id)
      .execute();
    try {
      const requestId = await createRequest("workshop-rettigheder-og-frihed");
      await flush();
      const start = smtp.received.length;
      const created = present(
        await scheduleSession(
          db,
          coordinator,
          requestId,
          form({ date: "2026-06-10", facilitatorIds: [f[3].id, f[4].id] }),
          cfg,
        ),
      );
      if (!created.ok) throw new Error(JSON.stringify(created));
      const moved = present(
        await moveSession(
          db,
          coordinator,
          created.sessionId,
          {
            date: "2026-06-11",
            start: "09:00",
            end: "10:30",
            place: "Gymnastiksalen",
            version: 1,
            confirmUnavailability: false,
          },
          cfg,
        ),
      );
      expect(moved.ok).toBe(true);
      const cancelled = present(
        await cancelSession(
          db,
          coordinator,
          created.sessionId,
          { version: 2, reason: "Skolen er lukket" },
          cfg,
        ),
      );
      expect(cancelled.ok).toBe(true);
      await flush();
      const fresh = smtp.received.slice(start);
      const to = (email: string) => fresh.filter((m) => m.envelopeTo.includes(email));

      // Feed only: told about each change, with no .ics (nothing to show twice).
      const feedOnly = to(f[3].email);
      expect(feedOnly.map((m) => m.parsed.subject?.split(":")[0])).toEqual([
        "Invitation",
        "Ændret",
        "Aflyst",
      ]);
      for (const mail of feedOnly) {
        expect(mail.parsed.attachments.filter((a) => a.contentType === "text/calendar")).toEqual(
          [],
        );
        expect(mail.raw).not.toContain("text/calendar");
        expect(mail.parsed.text).toContain("kalenderabonnement");
      }
      expect(feedOnly[2].parsed.text).toContain("Skolen er lukket");

      // Both: REQUEST, REQUEST, CANCEL as always.
      const both = to(f[4].email);
      expect(both.map((m) => calendarPart(m).method)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
      expect(both.map((m) => calendarPart(m).sequence)).toEqual([0, 1, 2]);
    } finally {
      await db
        .updateTable("users")
        .set({ calendar_delivery: "invites" })
        .where("id", "in", [f[3].id, f[4].id])
        .execute();
    }
  });

  it("uses INVITE_UID_DOMAIN for new sessions and keeps a stored UID unchanged", async () => {
    const requestId = await createRequest("workshop-rettigheder-og-frihed");
    const created = present(
      await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-06-17", facilitatorIds: [f[1].id, f[2].id] }),
        { ...cfg, uidDomain: "frirum.kk.dk" },
      ),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await db
      .selectFrom("sessions")
      .select("uid")
      .where("id", "=", created.sessionId)
      .executeTakeFirstOrThrow();
    expect(row.uid).toBe(`session-${created.sessionId}@frirum.kk.dk`);

    // A session from before this setting (UID on the APP_URL host) keeps its UID when it moves:
    // a calendar identifies the event by UID, so a new one would duplicate it.
    await db
      .updateTable("sessions")
      .set({ uid: `session-${created.sessionId}@localhost` })
      .where("id", "=", created.sessionId)
      .execute();
    await flush();
    const start = smtp.received.length;
    const moved = present(
      await moveSession(
        db,
        coordinator,
        created.sessionId,
        {
          date: "2026-06-18",
          start: "09:00",
          end: "10:30",
          place: "Aulaen",
          version: 1,
          confirmUnavailability: false,
        },
        cfg,
      ),
    );
    expect(moved.ok).toBe(true);
    await flush();
    const update = smtp.received.slice(start).find((m) => m.envelopeTo.includes(f[1].email));
    if (!update) throw new Error("no update mail");
    expect(calendarPart(update)).toMatchObject({
      method: "REQUEST",
      uid: `session-${created.sessionId}@localhost`,
      sequence: 1,
    });
  });
});

describe("emails in the recipient's language", () => {
  it("sends an English facilitator an English invite and the Danish leader the Danish notice", async () => {
    await saveLanguageChoice(db, { id: f[2].id }, "en");
    try {
      const requestId = await createRequest("workshop-rettigheder-og-frihed");
      await flush();
      const start = smtp.received.length;
      const created = await scheduleSession(
        db,
        coordinator,
        requestId,
        form({ date: "2026-04-22", facilitatorIds: [f[1].id, f[2].id] }),
        cfg,
      );
      if (!created.ok) throw new Error(JSON.stringify(created));
      const moved = await moveSession(
        db,
        coordinator,
        created.sessionId,
        {
          date: "2026-04-23",
          start: "09:00",
          end: "10:30",
          place: "Aulaen",
          version: 1,
          confirmUnavailability: false,
        },
        cfg,
      );
      expect(moved.ok).toBe(true);
      await flush();
      const fresh = smtp.received.slice(start);
      const to = (email: string) => fresh.filter((m) => m.envelopeTo.includes(email));

      const [invite, update] = to(f[2].email);
      expect(invite.parsed.subject).toMatch(
        /^Invitation: .*, Wednesday, 22 April 2026 at 09:00–10:30$/,
      );
      expect(invite.parsed.text).toContain(`Hello ${f[2].name}`);
      expect(invite.parsed.text).toContain("You are on this session.");
      expect(invite.parsed.text).toContain("Facilitators: ");
      expect(invite.parsed.text).not.toMatch(/Hej|Facilitatorer|Hvornår/);
      expect(invite.parsed.html).toContain('<html lang="en">');
      const calendar = new ICAL.Component(
        ICAL.parse(
          invite.parsed.attachments
            .find((a) => a.contentType === "text/calendar")
            ?.content.toString("utf8") ?? "",
        ),
      );
      const event = calendar.getFirstSubcomponent("vevent");
      expect(String(event?.getFirstPropertyValue("summary"))).toMatch(/ – Valby Bakke Skole/);
      const description = String(event?.getFirstPropertyValue("description"));
      expect(description).toMatch(/^Workshop.* at Valby Bakke Skole.*\nFacilitators: /);
      expect(description).toContain("See the session in Frirum: https://frirum.example.dk/");
      expect(description).not.toContain("Facilitatorer");
      expect(update.parsed.subject).toMatch(/^Changed: /);

      // The other facilitator and the school leader read Danish (the default): same session.
      expect(to(f[1].email)[0].parsed.subject).toMatch(
        /^Invitation: .*, onsdag den 22\. april 2026/,
      );
      expect(to(f[1].email)[0].parsed.text).toContain(`Hej ${f[1].name}`);
      const [confirmation, notice] = to(leaderEmail);
      expect(confirmation.parsed.subject).toMatch(/^Planlagt: /);
      expect(notice.parsed.subject).toMatch(/^Ændret: /);
      expect(notice.parsed.text).toContain("Forløbet er flyttet");
      expect(notice.parsed.text).toContain("Facilitatorer: ");
      expect(notice.parsed.html).toContain('<html lang="da">');
    } finally {
      await saveLanguageChoice(db, { id: f[2].id }, "da");
    }
  });
});
