import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  APP_TIME_ZONE,
  addDays,
  addMinutes,
  daysBetween,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeRange,
  isValidDateString,
  isValidTimeString,
  isWeekend,
  MEDIUM_DATE,
  overlaps,
  parsePlainDate,
  todayInCopenhagen,
  utcToEpochMs,
} from "~/domain/time";
import {
  copenhagenMidnightUtc,
  copenhagenMonthRange,
  copenhagenToUtc,
  utcToCopenhagen,
} from "~/domain/timezone";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("copenhagenToUtc", () => {
  it("T4: converts 10:00 around the DST changes with the real zone rules", () => {
    const cases: Array<[string, string]> = [
      ["2025-03-29", "2025-03-29T09:00:00.000Z"], // winter time, UTC+1
      ["2025-03-30", "2025-03-30T08:00:00.000Z"], // summer time from 02:00 that day
      ["2025-10-26", "2025-10-26T09:00:00.000Z"], // back to winter time at 03:00 that day
      ["2026-03-29", "2026-03-29T08:00:00.000Z"],
      ["2026-10-25", "2026-10-25T09:00:00.000Z"],
    ];
    for (const [date, utc] of cases) {
      expect(copenhagenToUtc(date, "10:00"), date).toEqual({ ok: true, utc });
    }
  });

  it("T5: refuses a wall time in the spring-forward gap", () => {
    expect(copenhagenToUtc("2025-03-30", "02:30")).toEqual({
      ok: false,
      error: "time.nonexistent",
    });
    expect(copenhagenToUtc("2025-03-30", "02:00")).toEqual({
      ok: false,
      error: "time.nonexistent",
    });
    expect(copenhagenToUtc("2025-03-30", "02:59")).toEqual({
      ok: false,
      error: "time.nonexistent",
    });
    // The edges of the gap exist.
    expect(copenhagenToUtc("2025-03-30", "01:59")).toEqual({
      ok: true,
      utc: "2025-03-30T00:59:00.000Z",
    });
    expect(copenhagenToUtc("2025-03-30", "03:00")).toEqual({
      ok: true,
      utc: "2025-03-30T01:00:00.000Z",
    });
  });

  it("T6: resolves an ambiguous fall-back time to its first occurrence", () => {
    expect(copenhagenToUtc("2025-10-26", "02:30")).toEqual({
      ok: true,
      utc: "2025-10-26T00:30:00.000Z",
    });
    expect(copenhagenToUtc("2025-10-26", "02:00")).toEqual({
      ok: true,
      utc: "2025-10-26T00:00:00.000Z",
    });
  });

  it("T7: a session across the fall-back change lasts three real hours", () => {
    const start = copenhagenToUtc("2025-10-26", "01:30");
    const end = copenhagenToUtc("2025-10-26", "03:30");
    expect(start).toEqual({ ok: true, utc: "2025-10-25T23:30:00.000Z" });
    expect(end).toEqual({ ok: true, utc: "2025-10-26T02:30:00.000Z" });
    if (!start.ok || !end.ok) throw new Error("unreachable");
    expect((utcToEpochMs(end.utc) - utcToEpochMs(start.utc)) / 3_600_000).toBe(3);
  });

  it("rejects malformed dates and times as time.invalid", () => {
    const invalid = { ok: false, error: "time.invalid" };
    expect(copenhagenToUtc("2025-02-30", "10:00")).toEqual(invalid);
    expect(copenhagenToUtc("2025-13-01", "10:00")).toEqual(invalid);
    expect(copenhagenToUtc("25-03-01", "10:00")).toEqual(invalid);
    expect(copenhagenToUtc("2025-03-01", "24:00")).toEqual(invalid);
    expect(copenhagenToUtc("2025-03-01", "9:00")).toEqual(invalid);
    expect(copenhagenToUtc("2025-03-01", "10:60")).toEqual(invalid);
    expect(copenhagenToUtc("", "")).toEqual(invalid);
    expect(copenhagenToUtc("2024-02-29", "00:00")).toEqual({
      ok: true,
      utc: "2024-02-28T23:00:00.000Z",
    });
  });
});

describe("utcToCopenhagen", () => {
  it("gives wall date and time on both sides of the DST changes", () => {
    expect(utcToCopenhagen("2025-03-29T09:00:00.000Z")).toEqual({
      date: "2025-03-29",
      time: "10:00",
    });
    expect(utcToCopenhagen("2025-03-30T08:00:00.000Z")).toEqual({
      date: "2025-03-30",
      time: "10:00",
    });
    expect(utcToCopenhagen("2025-10-25T23:30:00.000Z")).toEqual({
      date: "2025-10-26",
      time: "01:30",
    });
    // Both occurrences of 02:30 on the fall-back night read as 02:30.
    expect(utcToCopenhagen("2025-10-26T00:30:00.000Z")).toEqual({
      date: "2025-10-26",
      time: "02:30",
    });
    expect(utcToCopenhagen("2025-10-26T01:30:00.000Z")).toEqual({
      date: "2025-10-26",
      time: "02:30",
    });
    expect(utcToCopenhagen("2025-12-31T23:15:00Z")).toEqual({ date: "2026-01-01", time: "00:15" });
  });

  it("round-trips every existing wall time", () => {
    for (const time of ["00:00", "01:30", "03:00", "12:45", "23:59"]) {
      for (const date of ["2025-03-30", "2025-10-26", "2026-07-01"]) {
        const result = copenhagenToUtc(date, time);
        if (!result.ok) throw new Error(`${date} ${time}: ${result.error}`);
        expect(utcToCopenhagen(result.utc)).toEqual({ date, time });
      }
    }
  });

  it("refuses an instant without an offset instead of guessing the server zone", () => {
    expect(() => utcToCopenhagen("2025-03-29T09:00:00")).toThrow(RangeError);
    expect(() => utcToEpochMs("2025-03-29T09:00")).toThrow(RangeError);
  });
});

describe("instant arithmetic", () => {
  it("adds real minutes across a DST change", () => {
    expect(addMinutes("2025-10-25T23:30:00.000Z", 180)).toBe("2025-10-26T02:30:00.000Z");
    expect(addMinutes("2025-03-29T09:00:00.000Z", -30)).toBe("2025-03-29T08:30:00.000Z");
    expect(addMinutes("2025-03-29T09:00:00Z", 0)).toBe("2025-03-29T09:00:00.000Z");
  });

  it("detects overlapping half-open intervals, with an optional buffer", () => {
    const a = ["2025-05-01T08:00:00.000Z", "2025-05-01T09:00:00.000Z"] as const;
    const later = (m: number) => addMinutes(a[1], m);
    expect(overlaps(a[0], a[1], "2025-05-01T08:30:00.000Z", "2025-05-01T10:00:00.000Z")).toBe(true);
    expect(overlaps(a[0], a[1], "2025-05-01T07:00:00.000Z", "2025-05-01T10:00:00.000Z")).toBe(true);
    expect(overlaps(a[0], a[1], a[0], a[1])).toBe(true);
    // Back to back is fine without a buffer, not with one.
    expect(overlaps(a[0], a[1], a[1], later(60))).toBe(false);
    expect(overlaps(a[0], a[1], "2025-05-01T07:00:00.000Z", a[0])).toBe(false);
    expect(overlaps(a[0], a[1], a[1], later(60), 15)).toBe(true);
    expect(overlaps(a[0], a[1], later(14), later(60), 15)).toBe(true);
    expect(overlaps(a[0], a[1], later(15), later(60), 15)).toBe(false);
    expect(overlaps(later(15), later(60), a[0], a[1], 15)).toBe(false);
    expect(overlaps(later(10), later(60), a[0], a[1], 15)).toBe(true);
  });
});

describe("calendar dates", () => {
  it("knows today's date in Copenhagen, not in UTC", () => {
    expect(todayInCopenhagen(new Date("2025-12-31T23:30:00.000Z"))).toBe("2026-01-01");
    expect(todayInCopenhagen(new Date("2025-06-30T21:59:00.000Z"))).toBe("2025-06-30");
    expect(todayInCopenhagen(new Date("2025-06-30T22:00:00.000Z"))).toBe("2025-07-01");
  });

  it("weekend, day arithmetic and day counts", () => {
    expect(isWeekend("2026-03-06")).toBe(false); // Friday
    expect(isWeekend("2026-03-07")).toBe(true);
    expect(isWeekend("2026-03-08")).toBe(true);
    expect(isWeekend("2026-03-09")).toBe(false);
    expect(addDays("2025-03-29", 1)).toBe("2025-03-30");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2025-03-29", "2025-04-01")).toBe(3); // across the DST change
    expect(daysBetween("2025-04-01", "2025-03-29")).toBe(-3);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(() => addDays("2025-02-30", 1)).toThrow(RangeError);
    expect(() => isWeekend("not a date")).toThrow(RangeError);
  });

  it("validates date and time strings", () => {
    expect(isValidDateString("2024-02-29")).toBe(true);
    expect(isValidDateString("2025-02-29")).toBe(false);
    expect(isValidDateString("2025-3-1")).toBe(false);
    expect(isValidTimeString("00:00")).toBe(true);
    expect(isValidTimeString("23:59")).toBe(true);
    expect(isValidTimeString("24:00")).toBe(false);
    expect(isValidTimeString("9:00")).toBe(false);
  });

  it("reads a date only when it is ten ASCII characters, YYYY-MM-DD, of a real day", () => {
    expect(parsePlainDate("2026-03-06")).toBe(Date.UTC(2026, 2, 6));
    expect(parsePlainDate("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parsePlainDate("2000-02-29")).toBe(Date.UTC(2000, 1, 29));
    expect(parsePlainDate("1000-12-31")).toBe(Date.UTC(1000, 11, 31));
    for (const bad of [
      "2100-02-29", // not a leap year
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "2025-01-32",
      "0099-01-01", // Date.UTC would read 1999
      "2025/01/01",
      "2025-01-1x",
      "2025-1-012",
      " 2025-01-01",
      "2025-01-01 ",
      "２０２５-01-01", // full-width digits
      "2025-01-01T00:00:00Z",
      "",
    ]) {
      expect(parsePlainDate(bad), bad).toBeNull();
    }
    expect(parsePlainDate(20250101 as unknown as string)).toBeNull();
  });

  it("gives today's Copenhagen date for every instant, remembered or not", () => {
    const reference = new Intl.DateTimeFormat("en-CA", { timeZone: APP_TIME_ZONE });
    // Every 7 minutes for two days around each change of clocks, forwards and then backwards.
    for (const start of ["2026-03-28T12:00:00Z", "2026-10-24T12:00:00Z"]) {
      const instants = Array.from(
        { length: (48 * 60) / 7 },
        (_, i) => new Date(Date.parse(start) + i * 7 * 60_000),
      );
      for (const now of [...instants, ...instants.reverse()]) {
        expect(todayInCopenhagen(now), now.toISOString()).toBe(reference.format(now));
      }
    }
    // The last instant of a day and the first of the next, in either order.
    expect(todayInCopenhagen(new Date("2026-01-05T22:59:59.999Z"))).toBe("2026-01-05");
    expect(todayInCopenhagen(new Date("2026-01-05T23:00:00.000Z"))).toBe("2026-01-06");
    expect(todayInCopenhagen(new Date("2026-01-05T22:59:59.999Z"))).toBe("2026-01-05");
    expect(() => todayInCopenhagen(new Date(Number.NaN))).toThrow();
  });
});

describe("display formatting (Copenhagen time)", () => {
  const start = "2026-03-06T08:00:00.000Z";
  const end = "2026-03-06T09:30:00.000Z";

  it("formats Danish", () => {
    expect(formatDate(start, "da")).toBe("fredag den 6. marts 2026");
    expect(formatDate("2026-03-06", "da")).toBe("fredag den 6. marts 2026");
    expect(formatTime(start, "da")).toBe("09.00");
    expect(formatDateTime(start, "da")).toBe("fredag den 6. marts 2026 kl. 09.00");
    expect(formatTimeRange(start, end, "da")).toBe("fredag den 6. marts 2026 kl. 09.00–10.30");
  });

  it("formats English with a 24-hour clock", () => {
    expect(formatDate(start, "en")).toBe("Friday, 6 March 2026");
    expect(formatTime("2026-03-06T13:05:00.000Z", "en")).toBe("14:05");
    expect(formatTimeRange(start, end, "en")).toBe("Friday, 6 March 2026 at 09:00–10:30");
  });

  it("keeps each locale apart when the same options object is used for both", () => {
    expect(formatDate(start, "da", MEDIUM_DATE)).toBe("6. mar. 2026");
    expect(formatDate(start, "en", MEDIUM_DATE)).toBe("6 Mar 2026");
    // Written again from what was remembered, per language and per format.
    expect(formatDate(start, "da", MEDIUM_DATE)).toBe("6. mar. 2026");
    expect(formatDate(start, "en", MEDIUM_DATE)).toBe("6 Mar 2026");
    expect(formatDate(start, "da")).toBe("fredag den 6. marts 2026");
    // An equal object built per call gives the same text.
    expect(formatDate(start, "en", { dateStyle: "medium" })).toBe("6 Mar 2026");
  });

  it("shows the Copenhagen date of late evening instants and repeats the date across midnight", () => {
    expect(formatDate("2026-03-06T23:30:00.000Z", "da")).toBe("lørdag den 7. marts 2026");
    expect(formatTimeRange("2026-03-06T21:00:00.000Z", "2026-03-07T00:00:00.000Z", "da")).toBe(
      "fredag den 6. marts 2026 kl. 22.00 – lørdag den 7. marts 2026 kl. 01.00",
    );
  });

  it("uses summer time in summer", () => {
    expect(formatTime("2026-07-01T08:00:00.000Z", "da")).toBe("10.00");
  });

  it("accepts explicit Intl options, always in Copenhagen", () => {
    expect(formatDateTime("2025-10-25T23:30:00.000Z", "da", { dateStyle: "short" })).toBe(
      "26.10.2025",
    );
    expect(
      formatDateTime("2025-10-25T23:30:00.000Z", "en", { timeStyle: "short", hourCycle: "h23" }),
    ).toBe("01:30");
  });
});

describe("T8: results do not depend on the process time zone", () => {
  const timeUrl = pathToFileURL(`${ROOT}app/domain/time.ts`).href;
  const timezoneUrl = pathToFileURL(`${ROOT}app/domain/timezone.ts`).href;
  const calendarUrl = pathToFileURL(`${ROOT}emails/calendar.ts`).href;
  // Runs in a fresh Node process with the given TZ; prints everything that must be identical.
  const script = `
    const t = await import(${JSON.stringify(timeUrl)});
    const tz = await import(${JSON.stringify(timezoneUrl)});
    const c = await import(${JSON.stringify(calendarUrl)});
    const conv = [
      ["2025-03-29", "10:00"], ["2025-03-30", "10:00"], ["2025-10-26", "10:00"],
      ["2026-03-29", "10:00"], ["2026-10-25", "10:00"], ["2025-03-30", "02:30"],
      ["2025-10-26", "02:30"], ["2025-10-26", "01:30"], ["2025-10-26", "03:30"],
    ].map(([d, h]) => tz.copenhagenToUtc(d, h));
    const ics = c.buildSessionIcs({
      method: "REQUEST", uid: "session-7@frirum.test", sequence: 0,
      startUtc: conv[7].utc, endUtc: conv[8].utc, title: "Workshop",
      organizer: { name: "Frirum", email: "frirum@kommune.test" },
      attendees: [{ name: "Anna", email: "anna@kommune.test" }],
      status: "CONFIRMED", stamp: new Date("2025-10-01T12:00:00.000Z"),
    });
    console.log(JSON.stringify({
      offsetMinutes: new Date(2025, 0, 1).getTimezoneOffset(),
      conv,
      back: tz.utcToCopenhagen("2025-10-26T01:30:00.000Z"),
      today: t.todayInCopenhagen(new Date("2025-12-31T23:30:00.000Z")),
      range: t.formatTimeRange(conv[7].utc, conv[8].utc, "da"),
      days: t.daysBetween("2025-03-29", "2025-04-01"),
      ics,
    }));
  `;

  function runWithTz(tz: string) {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: "utf8" },
    );
    return JSON.parse(out) as {
      offsetMinutes: number;
      conv: unknown[];
      ics: string;
      [key: string]: unknown;
    };
  }

  it("gives byte-identical conversions and DTSTART/DTEND in UTC, New York and Auckland", () => {
    const utc = runWithTz("UTC");
    const newYork = runWithTz("America/New_York");
    const auckland = runWithTz("Pacific/Auckland");
    // The child processes really ran in different zones...
    expect(utc.offsetMinutes).toBe(0);
    expect(newYork.offsetMinutes).toBe(300);
    expect(auckland.offsetMinutes).toBe(-780);
    // ...and everything else is identical.
    const { offsetMinutes: _a, ...utcRest } = utc;
    const { offsetMinutes: _b, ...newYorkRest } = newYork;
    const { offsetMinutes: _c, ...aucklandRest } = auckland;
    expect(newYorkRest).toEqual(utcRest);
    expect(aucklandRest).toEqual(utcRest);
    expect(utc.ics).toContain("\r\nDTSTART:20251025T233000Z\r\n");
    expect(utc.ics).toContain("\r\nDTEND:20251026T023000Z\r\n");
    expect(utc.conv[5]).toEqual({ ok: false, error: "time.nonexistent" });
    expect(utc.conv[6]).toEqual({ ok: true, utc: "2025-10-26T00:30:00.000Z" });
  }, 60_000);

  it("exposes the zone name", () => {
    expect(APP_TIME_ZONE).toBe("Europe/Copenhagen");
  });
});

describe("Copenhagen days and months (one conversion, one month range)", () => {
  it("starts each day at Copenhagen midnight, on the DST days too", () => {
    expect(copenhagenMidnightUtc("2026-03-29")).toBe("2026-03-28T23:00:00.000Z"); // 23-hour day
    expect(copenhagenMidnightUtc("2026-03-30")).toBe("2026-03-29T22:00:00.000Z");
    expect(copenhagenMidnightUtc("2026-10-25")).toBe("2026-10-24T22:00:00.000Z"); // 25-hour day
    expect(copenhagenMidnightUtc("2026-10-26")).toBe("2026-10-25T23:00:00.000Z");
    expect(() => copenhagenMidnightUtc("2026-02-30")).toThrow(RangeError);
  });

  it("gives the month of an instant as Copenhagen reads it, a half-open UTC range", () => {
    // October has the fall-back hour: 31 days and one hour.
    const october = copenhagenMonthRange("2026-10-25T01:30:00.000Z");
    expect(october).toEqual({
      month: "2026-10",
      from: "2026-09-30T22:00:00.000Z",
      to: "2026-10-31T23:00:00.000Z",
    });
    expect(Date.parse(october.to) - Date.parse(october.from)).toBe((31 * 24 + 1) * 3_600_000);
    // The last UTC hour of a month is already the next month in Copenhagen.
    expect(copenhagenMonthRange("2026-04-30T22:30:00.000Z").month).toBe("2026-05");
    expect(copenhagenMonthRange("2026-04-30T21:59:59.000Z").month).toBe("2026-04");
    // December runs into the next year.
    expect(copenhagenMonthRange("2026-12-10T12:00:00.000Z").to).toBe("2026-12-31T23:00:00.000Z");
  });

  it("agrees with the conversion both ways around the spring-forward gap", () => {
    expect(utcToCopenhagen("2026-03-29T00:59:00.000Z")).toEqual({
      date: "2026-03-29",
      time: "01:59",
    });
    expect(utcToCopenhagen("2026-03-29T01:00:00.000Z")).toEqual({
      date: "2026-03-29",
      time: "03:00",
    });
    expect(todayInCopenhagen(new Date("2026-03-28T23:00:00.000Z"))).toBe("2026-03-29");
    expect(todayInCopenhagen(new Date("2026-03-28T22:59:59.000Z"))).toBe("2026-03-28");
  });
});
