import { describe, expect, it } from "vitest";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { describeBlock, resolveBlock, unavailabilitySchema } from "~/domain/unavailability";
import { hasMessage } from "~/i18n";
import { withBlockLabels } from "~/lib/unavailability-labels.server";

function parse(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return parseWithSchema(unavailabilitySchema, formDataToObject(data));
}

describe("unavailabilitySchema: a span on one day", () => {
  it("converts Copenhagen wall times to UTC (winter and summer time)", () => {
    expect(parse({ startDate: "2026-03-06", startTime: "13:00", endTime: "16:30" })).toEqual({
      ok: true,
      data: {
        startsAt: "2026-03-06T12:00:00.000Z",
        endsAt: "2026-03-06T15:30:00.000Z",
        reason: "",
      },
    });
    const summer = parse({
      startDate: "2026-06-10",
      startTime: "09:00",
      endDate: "2026-06-10",
      endTime: "10:00",
      reason: " Tandlæge ",
    });
    expect(summer).toEqual({
      ok: true,
      data: {
        startsAt: "2026-06-10T07:00:00.000Z",
        endsAt: "2026-06-10T08:00:00.000Z",
        reason: "Tandlæge",
      },
    });
  });

  it("refuses an end before or equal to the start", () => {
    const result = parse({ startDate: "2026-03-06", startTime: "13:00", endTime: "13:00" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ endTime: "facilitator.unavailability.order" });
    const earlierDay = parse({ startDate: "2026-03-06", endDate: "2026-03-05" });
    expect(earlierDay.ok).toBe(false);
    if (!earlierDay.ok)
      expect(earlierDay.errors).toEqual({ endDate: "facilitator.unavailability.order" });
  });

  it("refuses a time in the spring-forward gap, on the field that holds it", () => {
    const start = parse({ startDate: "2026-03-29", startTime: "02:30", endTime: "04:00" });
    expect(start.ok).toBe(false);
    if (!start.ok) expect(start.errors).toEqual({ startTime: "time.nonexistent" });
    const end = parse({ startDate: "2026-03-29", startTime: "01:00", endTime: "02:15" });
    expect(end.ok).toBe(false);
    if (!end.ok) expect(end.errors).toEqual({ endTime: "time.nonexistent" });
  });

  it("takes the first occurrence of a fall-back time (02:30 on 2026-10-25)", () => {
    const result = parse({ startDate: "2026-10-25", startTime: "02:30", endTime: "04:00" });
    expect(result).toMatchObject({
      ok: true,
      data: { startsAt: "2026-10-25T00:30:00.000Z", endsAt: "2026-10-25T03:00:00.000Z" },
    });
  });
});

describe("unavailabilitySchema: whole days", () => {
  it("runs from the first day's midnight to the midnight after the last day", () => {
    expect(parse({ startDate: "2026-03-06", endDate: "2026-03-08" })).toMatchObject({
      ok: true,
      data: { startsAt: "2026-03-05T23:00:00.000Z", endsAt: "2026-03-08T23:00:00.000Z" },
    });
  });

  it("is one whole day when only the start date is given", () => {
    expect(parse({ startDate: "2026-06-10" })).toMatchObject({
      ok: true,
      data: { startsAt: "2026-06-09T22:00:00.000Z", endsAt: "2026-06-10T22:00:00.000Z" },
    });
  });

  it("spans the DST change correctly (23-hour and 25-hour days)", () => {
    expect(parse({ startDate: "2026-03-29" })).toMatchObject({
      ok: true,
      data: { startsAt: "2026-03-28T23:00:00.000Z", endsAt: "2026-03-29T22:00:00.000Z" },
    });
    expect(parse({ startDate: "2026-10-25" })).toMatchObject({
      ok: true,
      data: { startsAt: "2026-10-24T22:00:00.000Z", endsAt: "2026-10-25T23:00:00.000Z" },
    });
  });

  it("refuses more than 366 days", () => {
    const result = parse({ startDate: "2026-01-01", endDate: "2027-01-03" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual({ endDate: "facilitator.unavailability.tooLong" });
  });
});

describe("unavailabilitySchema: malformed input", () => {
  it("requires a start date and checks dates and times", () => {
    const missing = parse({ startDate: "" });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toEqual({ startDate: "facilitator.unavailability.date.required" });
    const bad = parse({
      startDate: "2026-02-30",
      startTime: "25:00",
      endDate: "i morgen",
      endTime: "9",
      reason: "x".repeat(201),
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual({
        startDate: "facilitator.unavailability.date.invalid",
        startTime: "facilitator.unavailability.time.invalid",
        endDate: "facilitator.unavailability.date.invalid",
        endTime: "facilitator.unavailability.time.invalid",
        reason: "facilitator.unavailability.reason.tooLong",
      });
  });

  it("has a message for every key it can produce", () => {
    for (const key of [
      "facilitator.unavailability.date.required",
      "facilitator.unavailability.date.invalid",
      "facilitator.unavailability.time.invalid",
      "facilitator.unavailability.order",
      "facilitator.unavailability.tooLong",
      "facilitator.unavailability.reason.tooLong",
      "facilitator.unavailability.past",
      "time.nonexistent",
    ]) {
      expect(hasMessage(key), key).toBe(true);
    }
  });
});

describe("resolveBlock and describeBlock", () => {
  it("is independent of the process time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      expect(
        resolveBlock({ startDate: "2026-03-06", startTime: "13:00", endTime: "14:00" }),
      ).toEqual({
        ok: true,
        startsAt: "2026-03-06T12:00:00.000Z",
        endsAt: "2026-03-06T13:00:00.000Z",
      });
    } finally {
      process.env.TZ = before;
    }
  });

  it("describes midnight-to-midnight blocks as whole days, others as spans", () => {
    expect(describeBlock("2026-03-05T23:00:00.000Z", "2026-03-08T23:00:00.000Z")).toEqual({
      allDay: true,
      firstDay: "2026-03-06",
      lastDay: "2026-03-08",
    });
    expect(describeBlock("2026-03-06T12:00:00.000Z", "2026-03-06T15:30:00.000Z")).toEqual({
      allDay: false,
    });
  });
});

describe("withBlockLabels", () => {
  it("labels whole days and time spans in the user's language", () => {
    const blocks = [
      { id: 1, startsAt: "2026-03-05T23:00:00.000Z", endsAt: "2026-03-08T23:00:00.000Z" },
      { id: 2, startsAt: "2026-03-05T23:00:00.000Z", endsAt: "2026-03-06T23:00:00.000Z" },
      { id: 3, startsAt: "2026-03-06T08:00:00.000Z", endsAt: "2026-03-06T11:00:00.000Z" },
    ];
    expect(withBlockLabels(blocks, "da").map((block) => block.label)).toEqual([
      "fredag den 6. marts 2026 – søndag den 8. marts 2026 (hele dage)",
      "fredag den 6. marts 2026 (hele dagen)",
      "fredag den 6. marts 2026 kl. 09.00–12.00",
    ]);
    const [days] = withBlockLabels(blocks, "en");
    expect(days?.label).toBe("Friday, 6 March 2026 – Sunday, 8 March 2026 (whole days)");
    expect(withBlockLabels(blocks, "da")[0]).toMatchObject({
      id: 1,
      startsAt: blocks[0]?.startsAt,
    });
  });
});
