/**
 * The evaluation page model on a seeded database: exports parsed back equal the model, school
 * leaders see only their own school, cross-view safety (the session floor), filters that cannot
 * be used come back as messages.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluationViewData } from "~/components/evaluation-view.server";
import { evaluationCsv, evaluationXlsx } from "~/documents/evaluation-export.server";
import type { EvaluationModel } from "~/domain/evaluation";
import { percent } from "~/domain/evaluation-format";
import { buildEvaluation } from "~/services/evaluation.server";
import { insertFeedbackResponses } from "../../db/queries/feedback";
import { addInsertedSessionsToRollups } from "../../db/queries/feedback-rollup";
import { seedEvaluationDemo } from "../../db/seed-evaluation";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoSessions } from "../../db/seed-sessions";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, ok } from "../support/responses";

const NOW = new Date("2026-11-30T12:00:00Z");
let t: TestDb;
let model: EvaluationModel;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  await seedDemoSessions(t.db, NOW);
  await seedFeedbackForms(t.db);
  await seedDemoFeedback(t.db, NOW);
  await seedEvaluationDemo(t.db, NOW);
  const coordinator = await actorFor(t.db, "koordinator@frirum.test");
  model = ok(
    await buildEvaluation(t.db, coordinator, new URLSearchParams("period=2025&audience=pupils"), {
      now: NOW,
    }),
  ).model;
}, 60_000);
afterAll(async () => {
  await t.cleanup();
});

const number = (text: string) => (text === "" ? null : Number(text.replace(",", ".")));

describe("exports hold exactly the page's numbers", () => {
  it("the CSV (BOM, semicolons, decimal comma) parses back to the model", () => {
    const csv = evaluationCsv(model);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows: string[][] = parse(csv.slice(1), { delimiter: ";" });
    const [header, ...body] = rows;
    expect(header).toEqual(["Tabel", "Spørgsmål", "Gruppe", "Periode", "Status", "Mål", "Værdi"]);
    const value = (subject: string, group: string, measure: string) =>
      body.find(
        (r) => r[0] === "Spørgsmål" && r[1] === subject && r[2] === group && r[5] === measure,
      );
    let compared = 0;
    for (const item of model.items) {
      for (const [key, label] of [
        ["pilot", "Pilotskoler"],
        ["standard", "Standardskoler"],
      ] as const) {
        const cell = item.cells[key];
        if (cell?.status !== "shown" || cell.share === null) continue;
        expect(number(value(item.text.da, label, "Svar (n)")?.[6] ?? "")).toBe(cell.answers);
        expect(
          number(value(item.text.da, label, "Andel “Ja, meget” + “Ja, lidt” (%)")?.[6] ?? ""),
        ).toBe(percent(cell.share));
        expect(number(value(item.text.da, label, "Interval nedre (%)")?.[6] ?? "")).toBe(
          percent(cell.interval?.lower ?? 0),
        );
        expect(number(value(item.text.da, label, "Sessioner")?.[6] ?? "")).toBe(cell.sessions);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("the XLSX has typed numbers, one sheet per table and an explanation sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await evaluationXlsx(model);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Forklaring",
      "Spørgsmål",
      "Forskelle",
      "Udvikling",
      "Skalaer",
      "Sessioner",
    ]);
    const sheet = workbook.getWorksheet("Spørgsmål");
    if (!sheet) throw new Error("no sheet");
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => headers.indexOf(name) + 1;
    let compared = 0;
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const item = model.items.find((i) => i.text.da === row.getCell(1).value);
      const group = model.groups.find(
        (g) =>
          ({ pilot: "Pilotskoler", standard: "Standardskoler", total: "Alle skoler" })[
            g.key as "pilot"
          ] === row.getCell(2).value,
      );
      const cell = item && group ? item.cells[group.key] : undefined;
      expect(cell).toBeDefined();
      if (cell?.status === "shown" && cell.share !== null) {
        const n = row.getCell(column("Svar (n)")).value;
        expect(typeof n).toBe("number");
        expect(n).toBe(cell.answers);
        expect(row.getCell(column("Andel “Ja, meget” + “Ja, lidt” (%)")).value).toBe(
          percent(cell.share),
        );
        expect(row.getCell(column("Andel “Ja, meget” + “Ja, lidt” (%)")).numFmt).toBe("0.0");
        compared++;
      } else {
        expect(row.getCell(column("Svar (n)")).value).toBeNull();
      }
    });
    expect(compared).toBe(model.items.length * model.groups.length);
    const differences = workbook.getWorksheet("Forskelle");
    const first = model.items[0].difference;
    expect(differences?.getRow(2).getCell(4).value).toBe(
      Math.round((first?.points ?? 0) * 10) / 10,
    );
  });
});

describe("the page's data, prepared on the server", () => {
  it("charts, captions, labels and answer options in the reader's language", async () => {
    const coordinator = await actorFor(t.db, "koordinator@frirum.test");
    const page = ok(
      await buildEvaluation(t.db, coordinator, new URLSearchParams("period=2025&audience=pupils"), {
        now: NOW,
      }),
    );
    const second = page.model.items[1];
    const en = evaluationViewData(page, second.key, "en");
    const da = evaluationViewData(page, second.key, "da");
    expect(en.charts.items).toMatch(/^<svg [^>]*aria-labelledby="chart-items-svg-title/);
    expect(en.charts.items).toContain("per question</title>");
    expect(da.charts.items).toContain("pr. spørgsmål</title>");
    expect(en.charts.items).toMatch(/<figcaption>[^<]+<\/figcaption>$/);
    // The trend shows the item asked for, and its form keeps the filters.
    expect(en.trendItemKey).toBe(second.key);
    expect(en.charts.trend).toContain(second.text.en);
    expect(en.filterFields).toContainEqual(["audience", "pupils"]);
    expect(evaluationViewData(page, "no-such-item", "en").trendItemKey).toBe(
      page.model.items[0].key,
    );
    expect(en.labels.groups.pilot).toBe("Pilot schools");
    expect(en.periodOptions.map((o) => o.value)).toEqual([
      ...page.choices.periods.map((p) => p.value),
      "range",
    ]);
    expect(en.periodOptions.find((o) => o.value === "2025")?.label).toContain("2025");
    expect(da.labels.groups.pilot).toBe("Pilotskoler");
    expect(en.options.map((o) => o.label)).toContain("Yes, a lot");
    expect(da.options.map((o) => o.label)).toContain("Ja, meget");
    // Nothing the page gets is a function or a class: it travels as data.
    expect(JSON.parse(JSON.stringify(en.charts))).toEqual(en.charts);
  });
});

describe("who sees what", () => {
  it("a school leader sees only their own school against standard schools, never comments", async () => {
    const leader = await actorFor(t.db, "leder.valby-bakke-skole@frirum.test");
    const other = await t.db
      .selectFrom("schools")
      .select("id")
      .where("slug", "=", "tingbjerg-skole")
      .executeTakeFirstOrThrow();
    const page = ok(
      await buildEvaluation(
        t.db,
        leader,
        new URLSearchParams(`period=2025&cohort=pilot&school=${other.id}`),
        { now: NOW, comments: true },
      ),
    );
    expect(page.model.groups.map((g) => g.key)).toEqual(["school", "standard"]);
    expect(page.model.groups[0].schoolName).toBe("Valby Bakke Skole (demo)");
    expect(page.model.comments).toBeNull();
    expect(page.model.commentCounts).toBeNull();
    expect(page.choices.schools).toEqual([]);
    const names = JSON.stringify(page.model);
    for (const name of ["Tingbjerg", "Nørrebro", "Amager", "Sundby", "Bispebjerg"]) {
      expect(names).not.toContain(name);
    }
  });

  it("a facilitator gets a 404", async () => {
    const facilitator = await actorFor(t.db, "facilitator1@frirum.test");
    await expectNotFound(buildEvaluation(t.db, facilitator, new URLSearchParams(), { now: NOW }));
  });
});

describe("filters", () => {
  it("a broken date range comes back as a message and the page still renders", async () => {
    const coordinator = await actorFor(t.db, "koordinator@frirum.test");
    const page = ok(
      await buildEvaluation(
        t.db,
        coordinator,
        new URLSearchParams("period=range&from=2025-05-01&to=2025-01-01"),
        { now: NOW },
      ),
    );
    expect(page.errors).toEqual({ to: "evaluation.error.order" });
    expect(page.model.period.kind).toBe("year");
  });

  it("the session floor: views that differ by sessions differ by 5+ answers, rollups and sessions agree", async () => {
    const coordinator = await actorFor(t.db, "koordinator@frirum.test");
    // A school of its own, with three pupil sessions in March 2025: 3, 9 and 6 answers.
    const school = await t.db
      .insertInto("schools")
      .values({ slug: "floor-skole", name: "Floor Skole", district: "Test" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const leader = await t.db
      .insertInto("users")
      .values({
        email: "leder.floor@frirum.test",
        name: "L",
        role: "school_leader",
        school_id: school.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const course = await t.db
      .selectFrom("courses")
      .select("id")
      .where("audience", "=", "pupils")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const items = model.items.map((i) => i.key);
    for (const [day, answers] of [
      ["2025-03-04", 3],
      ["2025-03-11", 9],
      ["2025-03-20", 6],
    ] as const) {
      await t.db.transaction().execute(async (trx) => {
        const request = await trx
          .insertInto("requests")
          .values({
            school_id: school.id,
            requester_id: leader.id,
            course_id: course.id,
            status: "delivered",
            group_count: 1,
            participants_per_group: 20,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const session = await trx
          .insertInto("sessions")
          .values({
            request_id: request.id,
            course_id: course.id,
            school_id: school.id,
            starts_at: `${day}T09:00:00.000Z`,
            ends_at: `${day}T10:00:00.000Z`,
            status: "delivered",
            uid: `floor-${day}@test`,
            attendance_pupils: 20,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await addInsertedSessionsToRollups(trx, [session.id]);
        await insertFeedbackResponses(
          trx,
          Array.from({ length: answers }, () => ({
            sessionId: session.id,
            audience: "pupils" as const,
            formVersion: 1,
            locale: "da",
            answers: Object.fromEntries(items.map((key) => [key, "yes_very"])),
            comment: null,
            sessionDate: day,
          })),
        );
      });
    }
    const view = async (from: string, to = "2025-03-31") => {
      const page = ok(
        await buildEvaluation(
          t.db,
          coordinator,
          new URLSearchParams(
            `period=range&from=${from}&to=${to}&cohort=school&school=${school.id}&audience=pupils`,
          ),
          { now: NOW },
        ),
      );
      const cell = page.model.items[0].cells.school;
      return { n: cell?.status === "shown" ? cell.answers : 0, page };
    };
    // Whole month (rollups) and part-month (session by session) give the same figure.
    const month = await view("2025-03-01");
    expect(month.n).toBe(15);
    expect((await view("2025-03-04")).n).toBe(15);
    // Leaving out the day of the 3-answer session changes nothing: it was never in a figure.
    expect((await view("2025-03-05")).n).toBe(15);
    // Leaving out the 9-answer session changes the figure by 9, never by fewer than 5.
    expect((await view("2025-03-12")).n).toBe(6);
    expect((await view("2025-03-21")).n).toBe(0);
    // The small session is counted and named, not hidden silently.
    expect(month.page.model.overview.school?.smallSessions).toBe(1);
    expect(month.page.model.small.sessions.map((s) => s.date)).toEqual(["2025-03-04"]);
  });
});
