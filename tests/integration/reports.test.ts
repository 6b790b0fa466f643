/**
 * The annual report on a seeded database (SQLite, and PostgreSQL in the integration tier's second
 * run): the live model adds up the sessions, finalising twice at the same moment gives one winner
 * and a clear message, late data never changes a final report (but is named as a difference),
 * superseding keeps the old version, text sections keep their history, only coordinators.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFile, reportXlsx } from "~/documents/report-export.server";
import { formatNumber } from "~/domain/evaluation-format";
import { REPORT_TARGETS } from "~/domain/report";
import { reportTableList, reportTables } from "~/domain/report-tables";
import { formatDateTime } from "~/domain/time";
import { messageKey, translate } from "~/i18n";
import { downloadResponse } from "~/lib/download.server";
import { action } from "~/routes/coordinator.reports.$year";
import {
  buildLiveReport,
  finaliseReport,
  loadReportForDownload,
  loadReportList,
  loadReportPage,
  saveReportText,
  supersedeReport,
} from "~/services/report.server";
import { createDb, type DB } from "../../db/connection";
import { leaderEmail } from "../../db/demo-data";
import { seedEvaluationDemo } from "../../db/seed-evaluation";
import { seedDemoFeedback, seedFeedbackForms } from "../../db/seed-feedback";
import { seedDemoSessions } from "../../db/seed-sessions";
import { seedDemoTracks } from "../../db/seed-tracks";
import { actorFor } from "../support/actors";
import { createTestDb, type TestDb } from "../support/db";
import { expectNotFound, ok, present } from "../support/responses";
import { postToAction } from "../support/routes";

const NOW = new Date("2026-03-14T10:00:00Z");
let t: TestDb;
const connections: DB[] = [];
const dir = mkdtempSync(join(tmpdir(), "frirum-report-test-"));

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  await seedDemoSessions(t.db, NOW);
  await seedFeedbackForms(t.db);
  await seedDemoTracks(t.db, NOW);
  await seedDemoFeedback(t.db, NOW);
  await seedEvaluationDemo(t.db, NOW);
}, 120_000);
afterAll(async () => {
  await Promise.all(connections.map((c) => c.destroy()));
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const t_ = (key: string, params?: Record<string, string | number>) =>
  translate("da", messageKey(key), params);

const coordinator = () => actorFor(t.db, "koordinator@frirum.test");

async function pupilsDelivered(db: DB, year: number) {
  const rows = await db
    .selectFrom("sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select(["s.attendance_pupils", "s.starts_at"])
    .where("c.audience", "=", "pupils")
    .where("s.status", "=", "delivered")
    .execute();
  // Copenhagen year: the demo has no session around midnight on New Year's Eve.
  const mine = rows.filter((r) => r.starts_at.startsWith(String(year)));
  return {
    sessions: mine.length,
    attendance: mine.reduce((sum, r) => sum + (r.attendance_pupils ?? 0), 0),
    without: mine.filter((r) => r.attendance_pupils === null).length,
  };
}

describe("the live model", () => {
  it("adds up delivered pupil sessions and their attendance against 2,000", async () => {
    const { model } = ok(await buildLiveReport(t.db, await coordinator(), 2025, NOW));
    const expected = await pupilsDelivered(t.db, 2025);
    const pupils = model.targets[0];
    expect(expected.sessions).toBeGreaterThan(10);
    expect(pupils).toMatchObject({
      key: "pupils",
      target: REPORT_TARGETS.pupils,
      achieved: expected.attendance,
      sessions: expected.sessions,
      withoutAttendance: expected.without,
      gap: Math.max(REPORT_TARGETS.pupils - expected.attendance, 0),
    });
    expect(model.hasData).toBe(true);
    expect(model.reach.schools.pilot).toBe(2);
    expect(model.reach.districts.length).toBeGreaterThan(1);
    expect(model.feedback.map((f) => f.audience)).toEqual(["pupils", "staff", "parents"]);
    expect(model.monthly.at(-1)?.pupilsShare).toBeCloseTo(
      (100 * expected.attendance) / REPORT_TARGETS.pupils,
      0,
    );
  });

  it("2024 shows the two pilot schools' tracks with steps, dates and attendance", async () => {
    const { model } = ok(await buildLiveReport(t.db, await coordinator(), 2024, NOW));
    const pilots = model.tracks.filter((tr) => tr.pilot);
    expect(pilots).toHaveLength(2);
    for (const track of pilots) {
      expect(track.steps.length).toBeGreaterThanOrEqual(4);
      expect(track.steps[0].firstDate?.startsWith("2024")).toBe(true);
      expect(track.steps[0].attendance).toBeGreaterThan(0);
    }
  });

  it("a year with no data and a year in the future: zero figures and a phase, no error", async () => {
    const actor = await coordinator();
    const empty = ok(await loadReportPage(t.db, actor, 2023, { now: NOW }));
    expect(empty.phase).toBe("before");
    expect(empty.model.hasData).toBe(false);
    const future = ok(await loadReportPage(t.db, actor, 2027, { now: NOW }));
    expect(future.phase).toBe("future");
    expect(future.canFinalise).toBe(false);
    expect(future.model.targets[0].achieved).toBe(0);
    expect(
      present(
        await saveReportText(t.db, actor, 2027, { section: "summary", text: "x" }, { now: NOW }),
      ).ok,
    ).toBe(false);
  });

  it("only coordinators: a school leader is refused with 404 by the service", async () => {
    const leader = await actorFor(t.db, leaderEmail("tingbjerg-skole"));
    await expectNotFound(loadReportPage(t.db, leader, 2025, { now: NOW }));
    await expectNotFound(finaliseReport(t.db, leader, 2025, { version: 1 }, { now: NOW }));
  });
});

describe("texts, finalising and superseding", () => {
  it("text sections keep every save; 20,000 characters with Arabic and emoji round-trip", async () => {
    const actor = await coordinator();
    const pieces = [..."Elevernes stemme: مرحبا بالعالم 🎉 "];
    const long = Array.from({ length: 20_000 }, (_, i) => pieces[i % pieces.length]).join("");
    expect(
      present(
        await saveReportText(
          t.db,
          actor,
          2025,
          { section: "summary", text: "Første udkast" },
          { now: NOW },
        ),
      ).ok,
    ).toBe(true);
    expect(
      present(
        await saveReportText(t.db, actor, 2025, { section: "summary", text: long }, { now: NOW }),
      ).ok,
    ).toBe(true);
    const page = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    expect(page.texts.summary).toBe(long);
    expect(page.history.filter((h) => h.section === "summary").map((h) => h.length)).toEqual([
      20_000,
      "Første udkast".length,
    ]);
  });

  it("the running year cannot be finalised yet", async () => {
    const result = present(
      await finaliseReport(t.db, await coordinator(), 2026, { version: 1 }, { now: NOW }),
    );
    expect(result).toMatchObject({ ok: false, errors: { _form: "report.error.notEnded" } });
  });

  it("two finalisations at the same moment (own connections): one wins, the other is told", async () => {
    const actor = await coordinator();
    const page = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    expect(page.canFinalise).toBe(true);
    const dbs = [createDb(t.url), createDb(t.url), createDb(t.url)];
    connections.push(...dbs);
    const results = await Promise.all(
      dbs.map((db) =>
        finaliseReport(db, actor, 2025, { version: page.reportVersion }, { now: NOW }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) {
      expect(["report.error.alreadyFinal", "report.error.stale"]).toContain(
        loser.ok ? "" : present(loser).errors._form,
      );
    }
    const versions = await t.db.selectFrom("annual_report_versions").selectAll().execute();
    expect(versions).toHaveLength(1);
    const final = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    expect(final.final?.number).toBe(1);
    expect(final.final?.finalisedAt).toBe(NOW.toISOString());
    expect(final.differences).toEqual([]);
    // Texts of a final report are frozen.
    const refused = present(
      await saveReportText(t.db, actor, 2025, { section: "pilot", text: "x" }, { now: NOW }),
    );
    expect(refused).toMatchObject({ ok: false, errors: { _form: "report.error.final" } });
  });

  it("late data after finalising changes nothing in the final report, and is named", async () => {
    const actor = await coordinator();
    const before = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    // A pupil session of 2025 whose attendance is registered late, and one more delivered.
    const session = await t.db
      .selectFrom("sessions as s")
      .innerJoin("courses as c", "c.id", "s.course_id")
      .select(["s.id", "s.attendance_pupils"])
      .where("c.audience", "=", "pupils")
      .where("s.status", "=", "delivered")
      .where("s.starts_at", ">=", "2025-03-01")
      .where("s.starts_at", "<", "2025-12-01")
      .orderBy("s.id")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("sessions")
      .set({ attendance_pupils: (session.attendance_pupils ?? 0) + 7 })
      .where("id", "=", session.id)
      .execute();
    const after = ok(
      await loadReportPage(t.db, actor, 2025, {
        now: new Date("2026-04-01T10:00:00Z"),
      }),
    );
    expect(after.model).toEqual(before.model);
    expect(after.texts).toEqual(before.texts);
    const pupils = after.differences.find((d) => d.key === "target.pupils.achieved");
    expect(pupils).toMatchObject({
      frozen: before.model.targets[0].achieved,
      live: before.model.targets[0].achieved + 7,
    });
  });

  it("superseding keeps the old version; the next finalisation is version 2 with new numbers", async () => {
    const actor = await coordinator();
    const page = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    const superseded = present(
      await supersedeReport(
        t.db,
        actor,
        2025,
        { version: page.reportVersion, reason: "Fremmøde registreret for sent" },
        { now: NOW },
      ),
    );
    expect(superseded.ok).toBe(true);
    const draft = ok(await loadReportPage(t.db, actor, 2025, { now: NOW }));
    expect(draft.final).toBeNull();
    expect(draft.versions[0]).toMatchObject({
      number: 1,
      supersedeReason: "Fremmøde registreret for sent",
    });
    const later = new Date("2026-04-02T09:00:00Z");
    expect(
      present(
        await finaliseReport(t.db, actor, 2025, { version: draft.reportVersion }, { now: later }),
      ).ok,
    ).toBe(true);
    const v2 = ok(await loadReportPage(t.db, actor, 2025, { now: later }));
    expect(v2.final?.number).toBe(2);
    expect(v2.model.targets[0].achieved).toBe(page.model.targets[0].achieved + 7);
    const v1 = ok(await loadReportPage(t.db, actor, 2025, { now: later, versionNumber: 1 }));
    expect(v1.model.targets[0].achieved).toBe(page.model.targets[0].achieved);
    expect(v1.versions.find((v) => v.number === 1)?.supersededBy).toBe(v2.final?.id);
    const list = ok(await loadReportList(t.db, actor, { now: later })).reports;
    expect(list.find((r) => r.year === 2025)).toMatchObject({ status: "final" });
  });
});

describe("downloads", () => {
  it("the PDF opens (pdfinfo) and its text (pdftotext) holds the page's figures", async () => {
    const actor = await coordinator();
    const report = ok(await loadReportForDownload(t.db, actor, 2024, { now: NOW }));
    const response = downloadResponse(await reportFile(report, "pdf"));
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const file = join(dir, "report.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const info = execFileSync("pdfinfo", [file]).toString();
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(3);
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    const num = (n: number) => formatNumber(n, 0, "da");
    const [pupils, staff] = report.model.targets;
    expect(text).toContain(`Elever undervist: ${num(pupils.achieved)} af 2.000`);
    expect(text).toContain(`Fagpersoner opkvalificeret: ${num(staff.achieved)} af 200`);
    expect(text).toContain("Årsrapport 2024");
    for (const track of report.model.tracks) expect(text).toContain(track.schoolName);
    // Every district row of the reach table, with its numbers.
    for (const d of report.model.reach.districts) expect(text).toContain(d.district);
    // A hidden cell prints its reason, never a number.
    expect(text).toContain(t_("evaluation.caveat").slice(0, 40));
  }, 60_000);

  it("the PDF prints Arabic names and emoji from the text sections with real glyphs", async () => {
    const actor = await coordinator();
    const text = "Tak til Fatima الزهراء og forældrene 🎉";
    expect(
      present(await saveReportText(t.db, actor, 2024, { section: "summary", text }, { now: NOW }))
        .ok,
    ).toBe(true);
    const report = ok(await loadReportForDownload(t.db, actor, 2024, { now: NOW }));
    const file = join(dir, "report-scripts.pdf");
    writeFileSync(
      file,
      Buffer.from(await downloadResponse(await reportFile(report, "pdf")).arrayBuffer()),
    );
    // Each script's font is embedded (subset), so no character falls back to an empty box.
    const fonts = execFileSync("pdffonts", [file]).toString();
    expect(fonts).toMatch(/NotoSansArabic/);
    expect(fonts).toMatch(/NotoEmoji/);
    const extracted = execFileSync("pdftotext", [file, "-"]).toString();
    expect(extracted).toContain("🎉");
    expect(extracted).toContain("Fatima");
  }, 60_000);

  it("the XLSX read back equals the model's tables (typed numbers, one sheet per table)", async () => {
    const actor = await coordinator();
    const report = ok(await loadReportForDownload(t.db, actor, 2024, { now: NOW }));
    const workbook = new ExcelJS.Workbook();
    const bytes = await reportXlsx(report);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const tables = reportTableList(reportTables(report.model, t_, "da"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Forklaring",
      ...tables.map((table) => table.name),
    ]);
    let cells = 0;
    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.name);
      if (!sheet) throw new Error(table.name);
      expect(sheet.rowCount).toBe(table.rows.length + 1);
      table.rows.forEach((row, i) => {
        const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        const labels = values.slice(0, row.labels.length);
        const numbers = values.slice(row.labels.length + 1);
        expect(labels).toEqual(row.labels);
        row.values.forEach((value, j) => {
          expect(numbers[j] ?? null).toBe(value);
          cells++;
        });
      });
    }
    expect(cells).toBeGreaterThan(200);
    const targets = workbook.getWorksheet(tables[0].name);
    expect(targets?.getRow(2).getCell(4).value).toBe(report.model.targets[0].achieved);
  });
});

describe("the report page's forms (the route's action parses them)", () => {
  const post = async (year: number, fields: Record<string, string>) =>
    postToAction(action, {
      db: t.db,
      actor: await coordinator(),
      path: `/coordinator/reports/${year}`,
      params: { year: String(year) },
      fields,
    });
  const historyOf = async (year: number) =>
    ok(await loadReportPage(t.db, await coordinator(), year, { now: NOW })).history.length;

  it("too long a text is refused with the field's message, the text kept and nothing saved", async () => {
    const long = "ø".repeat(20_001);
    const before = await historyOf(2024);
    expect(await post(2024, { intent: "text", section: "summary", text: long })).toEqual({
      errors: { text: "report.error.textTooLong" },
      intent: "text",
      values: { section: "summary", text: long },
    });
    expect(await historyOf(2024)).toBe(before);
    // A browser's CRLF counts once: 30,000 characters sent are 20,000 saved, which fit.
    const lines = await post(2024, {
      intent: "text",
      section: "nextYear",
      text: "a\r\n".repeat(10_000),
    });
    expect(lines).toBeInstanceOf(Response);
    expect((lines as Response).headers.get("Location")).toBe(
      "/coordinator/reports/2024?notice=text",
    );
    const page = ok(await loadReportPage(t.db, await coordinator(), 2024, { now: NOW }));
    expect(page.texts.nextYear).toBe("a\n".repeat(10_000));
  });

  it("a text form without its text, or for no known section, gets a clear message", async () => {
    const before = await historyOf(2024);
    expect(await post(2024, { intent: "text", section: "summary" })).toMatchObject({
      errors: { text: "report.error.textMissing" },
    });
    // The section is a hidden field: its message is about the whole form.
    expect(await post(2024, { intent: "text", section: "foreword", text: "x" })).toMatchObject({
      errors: { _form: "report.error.section" },
      values: { text: "x" },
    });
    expect(await historyOf(2024)).toBe(before);
  });

  it("finalising with a version that is not the form's number is told the page is stale", async () => {
    for (const version of [undefined, "", "abc", "0", "-1", "1.5"]) {
      const fields: Record<string, string> = { intent: "finalise" };
      if (version !== undefined) fields.version = version;
      expect(await post(2024, fields), JSON.stringify(fields)).toEqual({
        errors: { _form: "report.error.stale" },
        intent: "finalise",
        values: {},
      });
    }
    const page = ok(await loadReportPage(t.db, await coordinator(), 2024, { now: NOW }));
    expect(page.final).toBeNull();
    // The version as the form sends it (text) is the report's number.
    const done = await post(2024, { intent: "finalise", version: String(page.reportVersion) });
    expect((done as Response).headers.get("Location")).toBe(
      "/coordinator/reports/2024?notice=finalised",
    );
    expect(
      ok(await loadReportPage(t.db, await coordinator(), 2024, { now: NOW })).final?.number,
    ).toBe(1);
  });

  it("finalising a final year again is told by whom and when, the time in the reader's words", async () => {
    const page = ok(await loadReportPage(t.db, await coordinator(), 2024, { now: NOW }));
    const finalisedAt = page.final?.finalisedAt;
    expect(finalisedAt).toBeDefined();
    const answer = await post(2024, { intent: "finalise", version: String(page.reportVersion) });
    expect(answer).toMatchObject({
      errors: { _form: "report.error.alreadyFinal" },
      params: { at: formatDateTime(finalisedAt ?? "", "da") },
    });
  });

  it("superseding needs a reason of at most 2,000 characters and the form's version", async () => {
    const { reportVersion } = ok(
      await loadReportPage(t.db, await coordinator(), 2024, { now: NOW }),
    );
    const version = String(reportVersion);
    expect(await post(2024, { intent: "supersede", version, reason: " " })).toEqual({
      errors: { reason: "report.error.reasonRequired" },
      intent: "supersede",
      values: { reason: " " },
    });
    expect(await post(2024, { intent: "supersede", version })).toMatchObject({
      errors: { reason: "report.error.reasonRequired" },
    });
    const long = "x".repeat(2_001);
    expect(await post(2024, { intent: "supersede", version, reason: long })).toEqual({
      errors: { reason: "report.error.reasonTooLong" },
      intent: "supersede",
      values: { reason: long },
    });
    expect(await post(2024, { intent: "supersede", version: "x", reason: "Rettet" })).toEqual({
      errors: { _form: "report.error.stale" },
      intent: "supersede",
      values: { reason: "Rettet" },
    });
    // Nothing was superseded: the report is still final.
    const page = ok(await loadReportPage(t.db, await coordinator(), 2024, { now: NOW }));
    expect(page.final?.number).toBe(1);
    expect(page.reportVersion).toBe(reportVersion);
  });

  it("an unknown intent is a bad request, and a school leader is refused before any parsing", async () => {
    const unknown = await post(2024, { intent: "publish" });
    expect(unknown).toBeInstanceOf(Response);
    expect((unknown as Response).status).toBe(400);
    const leader = await postToAction(action, {
      db: t.db,
      actor: await actorFor(t.db, leaderEmail("tingbjerg-skole")),
      path: "/coordinator/reports/2024",
      params: { year: "2024" },
      fields: { intent: "text", section: "summary", text: "x".repeat(20_001) },
    });
    expect((leader as Response).status).toBe(403);
  });
});
