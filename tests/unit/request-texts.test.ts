import { describe, expect, it } from "vitest";
import { windowText, withRequestTexts } from "~/components/request-details.server";

describe("withRequestTexts (a request page's dates and windows, made by the loader)", () => {
  const data = {
    request: { id: 7, createdAt: "2026-03-06T08:00:00.000Z" },
    windows: [
      { date: "2026-03-10", part: "morning" as const },
      { date: "2026-03-11", part: "custom" as const, from: "18:00", to: "20:00" },
    ],
    events: [{ id: 1, createdAt: "2026-03-06T08:00:00.000Z" }],
    sessions: [
      { id: 3, starts_at: "2026-03-06T08:00:00.000Z", ends_at: "2026-03-06T09:30:00.000Z" },
    ],
    canSchedule: true,
  };

  it("writes them in Danish, Copenhagen time, and keeps the rest", () => {
    const texts = withRequestTexts(data, "da");
    expect(texts.request).toEqual({
      ...data.request,
      createdAtText: "fredag den 6. marts 2026 kl. 09.00",
    });
    expect(texts.windows.map((window) => window.text)).toEqual([
      "tirsdag den 10. marts 2026: Formiddag, kl. 08:00-11:30",
      "onsdag den 11. marts 2026: kl. 18:00-20:00",
    ]);
    expect(texts.windows[1]).toMatchObject({ part: "custom", from: "18:00" });
    expect(texts.events[0]?.createdAtText).toBe("fredag den 6. marts 2026 kl. 09.00");
    expect(texts.sessions[0]?.time).toBe("fredag den 6. marts 2026 kl. 09.00–10.30");
    expect(texts.canSchedule).toBe(true);
  });

  it("writes them in English", () => {
    expect(windowText({ date: "2026-03-10", part: "afternoon" }, "en")).toMatch(
      /^Tuesday, 10 March 2026: Afternoon, /,
    );
    expect(withRequestTexts(data, "en").sessions[0]?.time).toBe(
      "Friday, 6 March 2026 at 09:00–10:30",
    );
  });
});
