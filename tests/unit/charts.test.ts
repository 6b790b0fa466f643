/**
 * The charts' layout (server, d3) and labelling (page and PDF): positions come from keys and
 * numbers only, survive the trip as loader data, and the texts land where the layout says.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { labelDotInterval, labelTrend, wrapLabel } from "~/components/charts/geometry";
import { dotIntervalLayout, trendLayout } from "~/components/charts/layout.server";
import { dotIntervalFigure, trendFigure } from "~/components/charts/render.server";
import type { EvaluationModel, ItemCell } from "~/domain/evaluation";
import { evaluationChartData } from "~/domain/evaluation-charts";
import type { ReportCell, ReportModel } from "~/domain/report";
import { reportChartData } from "~/domain/report-charts";

const root = join(import.meta.dirname, "..", "..");

describe("dot-and-interval layout", () => {
  const data = {
    series: [{ key: "pilot" }, { key: "standard" }],
    categories: [
      { key: "a", points: { pilot: { value: 50, lower: 40, upper: 60 }, standard: null } },
      {
        key: "b",
        points: {
          pilot: { value: 0, lower: 0, upper: 10 },
          standard: { value: 100, lower: 90, upper: 100 },
        },
      },
    ],
  };
  const layout = dotIntervalLayout(data);

  it("maps 0-100 onto the plot between the labels and the right margin", () => {
    expect(layout.width).toBe(720);
    expect(layout.height).toBe(34 + 44 + 2 * 34);
    expect(layout.grid.map((g) => g.key)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(layout.grid[0].x1).toBe(260);
    expect(layout.grid[5].x1).toBe(696);
    expect(layout.grid.map((g) => g.label.text)).toEqual(["0", "20", "40", "60", "80", "100"]);
  });

  it("draws a point per shown value, its interval as a line, none for a missing value", () => {
    expect(layout.rows.map((r) => r.points.map((p) => p.key))).toEqual([
      ["pilot"],
      ["pilot", "standard"],
    ]);
    const pilot = layout.rows[0].points[0];
    expect(pilot.line.x1).toBeCloseTo(260 + 0.4 * 436);
    expect(pilot.line.x2).toBeCloseTo(260 + 0.6 * 436);
    expect(pilot.marker).toMatchObject({ kind: "circle", cx: 260 + 0.5 * 436, r: 5 });
    // The second series has its own colour and shape (colour is never the only cue).
    expect(layout.rows[1].points[1].marker.kind).toBe("rect");
    expect(layout.rows[1].points[1].line.y1).toBeGreaterThan(layout.rows[1].points[0].line.y1);
  });

  it("is plain data: the same after JSON (the loader sends it to the page)", () => {
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  it("takes its texts by key: legend, axis and category labels, wrapped in two lines", () => {
    const long =
      "Et meget langt spørgsmål som ikke kan stå på én linje, og heller ikke på to linjer";
    const g = labelDotInterval(layout, {
      axisLabel: "Andel",
      series: [
        { key: "standard", label: "Standard" },
        { key: "pilot", label: "Pilot" },
      ],
      categories: [
        { key: "b", label: "Kort" },
        { key: "a", label: long },
      ],
    });
    expect(g.legend.map((l) => l.label.text)).toEqual(["Pilot", "Standard"]);
    expect(g.axis).toMatchObject({ text: "Andel", anchor: "middle" });
    expect(g.rows[0].label.lines).toEqual(wrapLabel(long));
    expect(g.rows[0].label.lines).toHaveLength(2);
    expect(g.rows[0].label.lines[1]).toMatch(/…$/);
    expect(g.rows[1].label).toMatchObject({ text: "Kort", lines: ["Kort"], x: 8 });
    expect(g.rows[1].points).toBe(layout.rows[1].points);
  });
});

describe("trend layout", () => {
  const data = {
    periods: [{ key: "1" }, { key: "2" }, { key: "3" }, { key: "4" }],
    series: [
      { key: "p", values: { "1": 10, "2": null, "3": 30, "4": 40 } },
      { key: "q", values: { "1": 20, "2": 20, "3": 20, "4": 20 } },
      { key: "r", values: { "1": null, "2": null, "3": null, "4": null } },
    ],
  };
  const layout = trendLayout(data);

  it("leaves a gap where a period has no value, and draws no line without values", () => {
    const [p, q, r] = layout.series;
    expect(p.path?.match(/M/g)).toHaveLength(2);
    expect(p.markers.map((m) => m.key)).toEqual(["1", "3", "4"]);
    expect(q.path?.match(/M/g)).toHaveLength(1);
    expect(r.path).toBeNull();
    expect(r.markers).toEqual([]);
  });

  it("dashes the second series only", () => {
    expect(layout.series.map((s) => s.dash)).toEqual([undefined, "6 4", undefined]);
  });

  it("puts the periods evenly from left to right and 0-100 from bottom to top", () => {
    const xs = layout.periods.map((p) => p.x);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[3] - xs[2]);
    expect(layout.grid[0]).toMatchObject({ key: 0, y1: 280 - 44 });
    expect(layout.grid.at(-1)).toMatchObject({ key: 100, y1: 52 });
  });

  it("widens its scale for a share above 100 %", () => {
    const wide = trendLayout({ ...data, domain: [0, 140] });
    expect(wide.grid.at(-1)?.key).toBe(140);
  });

  it("is plain data and takes its texts by key", () => {
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
    const g = labelTrend(layout, {
      axisLabel: "%",
      periods: data.periods.map((p) => ({ key: p.key, label: `Måned ${p.key}` })),
      series: [
        { key: "p", label: "P" },
        { key: "q", label: "Q" },
        { key: "r", label: "R" },
      ],
    });
    expect(g.periods.map((p) => p.text)).toEqual(["Måned 1", "Måned 2", "Måned 3", "Måned 4"]);
    expect(g.legend.map((l) => l.label.text)).toEqual(["P", "Q", "R"]);
    expect(g.axis.text).toBe("%");
  });
});

describe("the charts' numbers", () => {
  const shown = (share: number | null, lower: number, upper: number) =>
    ({ status: "shown", share, interval: { lower, upper } }) as unknown as ItemCell;
  const hidden = { status: "hidden", reason: "primary" } as unknown as ItemCell;

  it("evaluation: shares in %, hidden and empty cells left out, the chosen item's trend", () => {
    const model = {
      comparison: ["pilot", "standard"],
      groups: [{ key: "pilot" }, { key: "standard" }, { key: "total" }],
      trendGroups: ["total"],
      buckets: [{ key: "2025-H1" }, { key: "2025-H2" }],
      items: [
        {
          key: "a",
          cells: { pilot: shown(0.7234, 0.6, 0.8), standard: hidden },
          trend: { total: { "2025-H1": shown(0.5, 0.4, 0.6), "2025-H2": hidden } },
        },
        {
          key: "b",
          cells: { pilot: shown(null, 0, 0) },
          trend: { total: { "2025-H1": shown(0.25, 0.2, 0.3), "2025-H2": shown(0.3, 0.2, 0.4) } },
        },
      ],
    } as unknown as EvaluationModel;
    const charts = evaluationChartData(model, "b");
    expect(charts.items.series).toEqual([{ key: "pilot" }, { key: "standard" }]);
    expect(charts.items.categories).toEqual([
      { key: "a", points: { pilot: { value: 72.3, lower: 60, upper: 80 }, standard: null } },
      { key: "b", points: { pilot: null, standard: null } },
    ]);
    expect(charts.trend?.series).toEqual([
      { key: "total", values: { "2025-H1": 25, "2025-H2": 30 } },
    ]);
    // An unknown item falls back to the first; one period alone shows no trend.
    expect(evaluationChartData(model, "zz").trend?.series[0].values).toEqual({
      "2025-H1": 50,
      "2025-H2": null,
    });
    const single = { ...model, comparison: null, buckets: [{ key: "2025-H1" }] };
    const one = evaluationChartData(single as unknown as EvaluationModel, null);
    expect(one.trend).toBeNull();
    expect(one.items.series).toEqual([{ key: "pilot" }]);
  });

  it("report: monthly shares (scale widened above 100 %) and both feedback charts", () => {
    const cell = (share: number | null) =>
      ({ status: "shown", share, lower: share, upper: share }) as unknown as ReportCell;
    const model = {
      monthly: [
        { month: "2026-01", pupilsShare: 40, proRata: 8, staffShare: null },
        { month: "2026-02", pupilsShare: 120, proRata: 17, staffShare: 30 },
      ],
      feedback: [
        {
          audience: "pupils",
          items: [
            {
              key: "a",
              pilot: cell(70),
              standard: { status: "hidden" } as unknown as ReportCell,
              total: cell(null),
            },
          ],
        },
      ],
    } as unknown as ReportModel;
    const charts = reportChartData(model);
    expect(charts.monthly.domain).toEqual([0, 120]);
    expect(charts.monthly.series.map((s) => s.values)).toEqual([
      { "2026-01": 40, "2026-02": 120 },
      { "2026-01": 8, "2026-02": 17 },
      { "2026-01": null, "2026-02": 30 },
    ]);
    expect(charts.feedback).toEqual([
      {
        audience: "pupils",
        comparison: {
          series: [{ key: "pilot" }, { key: "standard" }],
          categories: [
            { key: "a", points: { pilot: { value: 70, lower: 70, upper: 70 }, standard: null } },
          ],
        },
        highlights: {
          series: [{ key: "total" }],
          categories: [{ key: "a", points: { total: null } }],
        },
      },
    ]);
  });
});

describe("figures drawn on the server", () => {
  it("a chart with its title, description and caption, named by its id, texts escaped", () => {
    const html = dotIntervalFigure(
      {
        id: "chart-a",
        layout: dotIntervalLayout({
          series: [{ key: "pilot" }],
          categories: [{ key: "a", points: { pilot: { value: 50, lower: 40, upper: 60 } } }],
        }),
        title: "Andel <enige>",
        description: "Beskrivelse",
        axisLabel: "Procent",
        series: [{ key: "pilot", label: "Pilot" }],
        categories: [{ key: "a", label: "Spørgsmål & svar" }],
      },
      "Én figur",
    );
    expect(html).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="chart-a-title chart-a-desc"/);
    expect(html).toContain('<title id="chart-a-title">Andel &lt;enige&gt;</title>');
    expect(html).toContain('<desc id="chart-a-desc">Beskrivelse</desc>');
    expect(html).toContain("Spørgsmål &amp; svar");
    expect(html).toContain("<circle");
    expect(html).toMatch(/<\/svg><figcaption>Én figur<\/figcaption>$/);
  });

  it("a trend with its line and dashed second series", () => {
    const html = trendFigure(
      {
        id: "chart-t",
        layout: trendLayout({
          periods: [{ key: "1" }, { key: "2" }],
          series: [
            { key: "p", values: { "1": 10, "2": 20 } },
            { key: "q", values: { "1": 30, "2": null } },
          ],
        }),
        title: "Udvikling",
        description: "Over tid",
        axisLabel: "%",
        periods: [
          { key: "1", label: "F1" },
          { key: "2", label: "F2" },
        ],
        series: [
          { key: "p", label: "P" },
          { key: "q", label: "Q" },
        ],
      },
      "P 10 → 20",
    );
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain(">F2</text>");
    expect(html).toContain("<figcaption>P 10 → 20</figcaption>");
  });
});

describe("d3 stays on the server", () => {
  it("only *.server modules import d3 (the layout), so no page downloads it", () => {
    const importers = readdirSync(join(root, "app"), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name))
      .filter((name) => /from "d3-/.test(readFileSync(join(root, "app", name), "utf8")));
    expect(importers.length).toBeGreaterThan(0);
    for (const name of importers) expect(name).toMatch(/\.server\.tsx?$/);
  });
});
