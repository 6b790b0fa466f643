import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { copenhagenToUtc } from "~/domain/timezone";
import {
  buildCalendarFeed,
  buildSessionIcs,
  foldIcsLines,
  type SessionIcsInput,
  sessionUid,
} from "../../emails/calendar";

const DANISH_TITLE = "Grønne løsninger på Århus Å – æøå";
const TRICKY_DESCRIPTION =
  "Husk: kaffe, kage; og \\ backslash\nAnden linje\r\nTredje linje, slut;\n\nEfter tom linje";

function utc(date: string, time: string): string {
  const result = copenhagenToUtc(date, time);
  if (!result.ok) throw new Error(result.error);
  return result.utc;
}

const UID = sessionUid(42, "frirum.example.dk");

function baseInput(overrides: Partial<SessionIcsInput> = {}): SessionIcsInput {
  return {
    method: "REQUEST",
    uid: UID,
    sequence: 0,
    startUtc: utc("2025-10-26", "01:30"),
    endUtc: utc("2025-10-26", "03:30"),
    title: "Workshop: Frihed og fællesskab",
    description: "Forløb for 8. klasse",
    location: "Nørre Skole, lokale 12",
    url: "https://frirum.example.dk/sessions/42",
    organizer: { name: "Forebyggelsesteamet", email: "forebyggelse@kommune.example.dk" },
    attendees: [
      { name: "Søren Ærø", email: "soren@kommune.example.dk" },
      { name: "Anna Jensen", email: "anna@kommune.example.dk" },
    ],
    status: "CONFIRMED",
    stamp: new Date("2025-10-01T10:00:00.000Z"),
    ...overrides,
  };
}

/** Strict parse with ical.js (throws on syntax errors). */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe("vcalendar");
  return calendar;
}

function onlyEvent(ics: string) {
  const calendar = parse(ics);
  const events = calendar.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  return { calendar, event: events[0] };
}

function timeString(value: unknown): string {
  if (!(value instanceof ICAL.Time)) throw new Error(`not a time: ${String(value)}`);
  return value.toICALString();
}

function unfolded(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** Structural checks every file must pass. */
function expectWellFormed(ics: string) {
  expect(ics.endsWith("\r\n")).toBe(true);
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
  expect(ics).not.toContain("\uFFFD");
  for (const line of ics.slice(0, -2).split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  }
  // Every fold point lies between whole UTF-8 characters: the bytes round-trip through a decoder.
  const bytes = Buffer.from(ics, "utf8");
  expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(ics);
  for (const line of ics.slice(0, -2).split("\r\n")) {
    const lineBytes = Buffer.from(line, "utf8");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(lineBytes)).toBe(line);
  }
}

describe("invite, update and cancel of one session (T1-T3)", () => {
  const invite = buildSessionIcs(baseInput());
  const update = buildSessionIcs(
    baseInput({
      sequence: 1,
      startUtc: utc("2025-10-27", "09:00"),
      endUtc: utc("2025-10-27", "11:00"),
      location: "Søndre Skole",
      stamp: new Date("2025-10-02T10:00:00.000Z"),
    }),
  );
  const cancel = buildSessionIcs(
    baseInput({
      method: "CANCEL",
      sequence: 2,
      status: "CANCELLED",
      startUtc: utc("2025-10-27", "09:00"),
      endUtc: utc("2025-10-27", "11:00"),
      stamp: new Date("2025-10-03T10:00:00.000Z"),
    }),
  );

  it("keeps the UID, bumps SEQUENCE and sets METHOD/STATUS per RFC 5546", () => {
    const rows = [
      [invite, 0, "REQUEST", "CONFIRMED"],
      [update, 1, "REQUEST", "CONFIRMED"],
      [cancel, 2, "CANCEL", "CANCELLED"],
    ] as const;
    for (const [ics, sequence, method, status] of rows) {
      expectWellFormed(ics);
      const { calendar, event } = onlyEvent(ics);
      expect(calendar.getFirstPropertyValue("method")).toBe(method);
      expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Frirum//Frirum//DA");
      expect(event.getFirstPropertyValue("uid")).toBe("session-42@frirum.example.dk");
      expect(event.getFirstPropertyValue("sequence")).toBe(sequence);
      expect(event.getFirstPropertyValue("status")).toBe(status);
      expect(unfolded(ics).filter((line) => line.startsWith("METHOD:"))).toEqual([
        `METHOD:${method}`,
      ]);
      // Not a feed property.
      expect(ics).not.toContain("X-PUBLISHED-TTL");
    }
  });

  it("writes DTSTAMP, DTSTART and DTEND in UTC (T7 across the fall-back night)", () => {
    const { event } = onlyEvent(invite);
    expect(timeString(event.getFirstPropertyValue("dtstamp"))).toBe("20251001T100000Z");
    expect(timeString(event.getFirstPropertyValue("dtstart"))).toBe("20251025T233000Z");
    expect(timeString(event.getFirstPropertyValue("dtend"))).toBe("20251026T023000Z");
    const lines = unfolded(invite);
    expect(lines).toContain("DTSTART:20251025T233000Z");
    expect(lines).toContain("DTEND:20251026T023000Z");
    expect(lines).toContain("DTSTAMP:20251001T100000Z");

    const updated = onlyEvent(update).event;
    expect(timeString(updated.getFirstPropertyValue("dtstart"))).toBe("20251027T080000Z");
    expect(timeString(updated.getFirstPropertyValue("dtstamp"))).toBe("20251002T100000Z");
    expect(updated.getFirstPropertyValue("location")).toBe("Søndre Skole");
  });

  it("T11: ORGANIZER is a mailto with CN, every ATTENDEE asks for a reply", () => {
    for (const ics of [invite, update, cancel]) {
      const { event } = onlyEvent(ics);
      const organizer = event.getFirstProperty("organizer");
      expect(organizer?.getFirstValue()).toBe("mailto:forebyggelse@kommune.example.dk");
      expect(organizer?.getParameter("cn")).toBe("Forebyggelsesteamet");

      const attendees = event.getAllProperties("attendee");
      expect(attendees.map((a) => a.getFirstValue())).toEqual([
        "mailto:soren@kommune.example.dk",
        "mailto:anna@kommune.example.dk",
      ]);
      expect(attendees.map((a) => a.getParameter("cn"))).toEqual(["Søren Ærø", "Anna Jensen"]);
      for (const attendee of attendees) {
        expect(attendee.getParameter("rsvp")).toBe("TRUE");
        expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
        expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
      }
    }
    // Enumerated parameters are bare tokens, as RFC 5545 defines them.
    const attendeeLine = unfolded(invite).find((line) => line.startsWith("ATTENDEE;")) ?? "";
    expect(attendeeLine).toContain(";RSVP=TRUE;");
    expect(attendeeLine).toContain(";PARTSTAT=NEEDS-ACTION;");
    expect(attendeeLine).toContain(";ROLE=REQ-PARTICIPANT;");
    expect(attendeeLine).toMatch(/:mailto:soren@kommune\.example\.dk$/);
  });

  it("refuses METHOD/STATUS combinations that leave events behind", () => {
    expect(() => buildSessionIcs(baseInput({ status: "CANCELLED" }))).toThrow(/METHOD:CANCEL/);
    expect(() => buildSessionIcs(baseInput({ method: "CANCEL" }))).toThrow(/STATUS:CANCELLED/);
  });

  it("refuses an end before the start and instants without an offset", () => {
    expect(() =>
      buildSessionIcs(baseInput({ endUtc: baseInput().startUtc, startUtc: baseInput().endUtc })),
    ).toThrow(/end after/);
    expect(() => buildSessionIcs(baseInput({ startUtc: "2025-10-26T01:30:00" }))).toThrow(
      RangeError,
    );
  });

  it("PUBLISH files carry no attendees", () => {
    const ics = buildSessionIcs(baseInput({ method: "PUBLISH" }));
    expectWellFormed(ics);
    const { calendar, event } = onlyEvent(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event.getAllProperties("attendee")).toHaveLength(0);
    expect(ics).not.toContain("RSVP");
  });

  it("defaults DTSTAMP to now", () => {
    const before = Date.now();
    const { event } = onlyEvent(buildSessionIcs(baseInput({ stamp: undefined })));
    const stamp = event.getFirstPropertyValue("dtstamp");
    if (!(stamp instanceof ICAL.Time)) throw new Error("no DTSTAMP");
    expect(stamp.toJSDate().getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamp.toJSDate().getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("text, UTF-8 and folding", () => {
  it("T9: Danish letters round-trip, lines stay within 75 octets, CRLF, no U+FFFD", () => {
    const longTitle = `${DANISH_TITLE} ${DANISH_TITLE} ${DANISH_TITLE}`;
    for (const title of [DANISH_TITLE, longTitle]) {
      const ics = buildSessionIcs(baseInput({ title, location: `${DANISH_TITLE}, Åbyhøj` }));
      expectWellFormed(ics);
      const { event } = onlyEvent(ics);
      expect(event.getFirstPropertyValue("summary")).toBe(title);
      expect(event.getFirstPropertyValue("location")).toBe(`${DANISH_TITLE}, Åbyhøj`);
    }
    // The long title really had to be folded (ics alone would have produced a line over 75 octets).
    const ics = buildSessionIcs(baseInput({ title: longTitle }));
    const summaryStart = ics.split("\r\n").findIndex((line) => line.startsWith("SUMMARY:"));
    expect(ics.split("\r\n")[summaryStart + 1].startsWith(" ")).toBe(true);
  });

  it("T10: DESCRIPTION with , ; \\ and newlines round-trips unchanged", () => {
    const ics = buildSessionIcs(baseInput({ description: TRICKY_DESCRIPTION }));
    expectWellFormed(ics);
    const { event } = onlyEvent(ics);
    expect(event.getFirstPropertyValue("description")).toBe(
      TRICKY_DESCRIPTION.replace(/\r\n/g, "\n"),
    );
    const line = unfolded(ics).find((l) => l.startsWith("DESCRIPTION:"));
    expect(line).toBe(
      "DESCRIPTION:Husk: kaffe\\, kage\\; og \\\\ backslash\\nAnden linje\\nTredje linje\\, slut\\;\\n\\nEfter tom linje",
    );
  });

  it("keeps names with quotes and line breaks valid in CN parameters", () => {
    const ics = buildSessionIcs(
      baseInput({
        organizer: { name: 'Team "Frirum"', email: "frirum@kommune.example.dk" },
        attendees: [{ name: "Åse\nØstergård; Ærbar, Ph.D.", email: "aase@kommune.example.dk" }],
      }),
    );
    expectWellFormed(ics);
    const { event } = onlyEvent(ics);
    expect(event.getFirstProperty("organizer")?.getParameter("cn")).toBe("Team 'Frirum'");
    const attendee = event.getFirstProperty("attendee");
    expect(attendee?.getParameter("cn")).toBe("Åse Østergård; Ærbar, Ph.D.");
    expect(attendee?.getFirstValue()).toBe("mailto:aase@kommune.example.dk");
  });

  it("drops control characters that TEXT may not contain", () => {
    const ics = buildSessionIcs(baseInput({ title: "Del\u0007 1\u0000", description: "a\rb" }));
    const { event } = onlyEvent(ics);
    expect(event.getFirstPropertyValue("summary")).toBe("Del 1");
    expect(event.getFirstPropertyValue("description")).toBe("a\nb");
  });

  it("foldIcsLines folds by octets and never splits a multi-byte character", () => {
    const line = `SUMMARY:${"ø".repeat(100)}`; // 8 + 200 octets
    const folded = foldIcsLines(`${line}\r\n`);
    const physical = folded.slice(0, -2).split("\r\n");
    expect(physical[0]).toBe(`SUMMARY:${"ø".repeat(33)}`); // 8 + 66 = 74; one more would be 76
    for (const [i, part] of physical.entries()) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`${line}\r\n`);

    // Four-byte characters (emoji) are not split either.
    const emoji = `DESCRIPTION:${"😀".repeat(40)}`;
    const emojiFolded = foldIcsLines(emoji);
    for (const part of emojiFolded.slice(0, -2).split("\r\n")) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(emojiFolded.replace(/\r\n /g, "")).toBe(`${emoji}\r\n`);

    // Exactly 75 octets stays on one line; already folded input (with LF or tab) is re-folded.
    const exact = `X:${"a".repeat(73)}`;
    expect(foldIcsLines(exact)).toBe(`${exact}\r\n`);
    expect(foldIcsLines("A:b\n\tc\nB:d")).toBe("A:bc\r\nB:d\r\n");
    expect(foldIcsLines("")).toBe("");
  });
});

describe("private calendar feed", () => {
  const confirmed = {
    uid: sessionUid(1, "frirum.example.dk"),
    sequence: 3,
    startUtc: utc("2026-03-06", "09:00"),
    endUtc: utc("2026-03-06", "10:30"),
    title: DANISH_TITLE,
    description: TRICKY_DESCRIPTION,
    location: "Nørre Skole",
    url: "https://frirum.example.dk/sessions/1",
    status: "CONFIRMED" as const,
  };
  const cancelled = {
    uid: sessionUid(2, "frirum.example.dk"),
    sequence: 1,
    startUtc: utc("2026-07-01", "13:00"),
    endUtc: utc("2026-07-01", "14:00"),
    title: "Aflyst forløb",
    status: "CANCELLED" as const,
  };

  it("is a PUBLISH calendar with refresh hints and no iTIP scheduling data", () => {
    const ics = buildCalendarFeed({
      name: "Frirum – Søren Ærø",
      events: [confirmed, cancelled],
      stamp: new Date("2026-03-01T00:00:00.000Z"),
    });
    expectWellFormed(ics);
    const calendar = parse(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(ics).not.toContain("METHOD:REQUEST");
    expect(ics).not.toContain("ATTENDEE");
    expect(ics).not.toContain("RSVP");
    expect(ics).not.toContain("ORGANIZER");
    const lines = unfolded(ics);
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(lines).toContain("X-WR-CALNAME:Frirum – Søren Ærø");
    expect(lines.filter((line) => line.startsWith("X-WR-CALNAME:"))).toHaveLength(1);
    const refresh = calendar.getFirstProperty("refresh-interval");
    // ical.js turns VALUE=DURATION into the property type and parses the value as a duration.
    expect(refresh?.type).toBe("duration");
    expect(String(refresh?.getFirstValue())).toBe("PT1H");

    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first.getFirstPropertyValue("uid")).toBe("session-1@frirum.example.dk");
    expect(first.getFirstPropertyValue("sequence")).toBe(3);
    expect(first.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(first.getFirstPropertyValue("summary")).toBe(DANISH_TITLE);
    expect(first.getFirstPropertyValue("description")).toBe(
      TRICKY_DESCRIPTION.replace(/\r\n/g, "\n"),
    );
    expect(first.getFirstPropertyValue("url")).toBe("https://frirum.example.dk/sessions/1");
    expect(timeString(first.getFirstPropertyValue("dtstart"))).toBe("20260306T080000Z");
    expect(timeString(first.getFirstPropertyValue("dtend"))).toBe("20260306T093000Z");
    expect(timeString(first.getFirstPropertyValue("dtstamp"))).toBe("20260301T000000Z");

    expect(second.getFirstPropertyValue("uid")).toBe("session-2@frirum.example.dk");
    expect(second.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(timeString(second.getFirstPropertyValue("dtstart"))).toBe("20260701T110000Z");
  });

  it("escapes the calendar name as TEXT", () => {
    const ics = buildCalendarFeed({ name: "Frirum, Anna; B\\C\nny linje", events: [] });
    expect(unfolded(ics)).toContain("X-WR-CALNAME:Frirum\\, Anna\\; B\\\\C ny linje");
  });

  it("is a valid calendar with zero events", () => {
    const ics = buildCalendarFeed({ name: "Frirum", events: [] });
    expectWellFormed(ics);
    const calendar = parse(ics);
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(unfolded(ics)).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});

describe("helpers", () => {
  it("builds stable UIDs", () => {
    expect(sessionUid(7, "frirum.dk")).toBe("session-7@frirum.dk");
    expect(sessionUid("7", "frirum.dk")).toBe(sessionUid(7, "frirum.dk"));
  });
});
