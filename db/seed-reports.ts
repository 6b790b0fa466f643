/**
 * Annual report demo data: for every finished year since 2024 a report whose text was written in
 * February and March and that was finalised on 14 March of the next year (when that day has
 * passed: demo dates are never after "today"), and for the running year a draft in progress with
 * some text. 2024's report shows the two pilot schools' tracks. Written through the report service
 * (the real drafts, finalisation and snapshot). Run last: it freezes the other seeds' numbers.
 * Idempotent: a year that has a report is left alone.
 */
import { FIRST_REPORT_YEAR } from "../app/domain/report";
import { todayInCopenhagen } from "../app/domain/time";
import { currentUserFromRow } from "../app/lib/guards.server";
import { finaliseReport, saveReportText } from "../app/services/report.server";
import type { DB } from "./connection";
import { DEMO_COORDINATOR } from "./demo-data";
import { withLanguageList } from "./json";
import { findReport } from "./queries/reports";

const TEXTS = {
  summary: [
    "Frirum nåede i {year} ud til skoler i hele byen. Målet for fagpersoner blev nået, mens antallet af elever ligger under målet: flere workshops blev flyttet til efteråret, og enkelte sessioner mangler stadig registreret fremmøde.",
    "Forældredialogerne blev holdt med tolkning på arabisk og somali, og forældrene gav udtryk for, at emnet var relevant.",
  ].join("\n\n"),
  pilot:
    "De to pilotskoler gennemførte hele forløbet: oplæg for personalet, workshops i 7.-9. klasse, forældredialog og opfølgning. Personalet fremhævede, at rækkefølgen gjorde det lettere at tage samtalerne med eleverne bagefter.",
  expertGroup:
    "Ekspertgruppen anbefaler at fastholde anonymiteten i feedbacken og at bruge svarprocenterne med forsigtighed, fordi der kun er to pilotskoler.",
  nextYear:
    "Fokus for næste år: flere elevworkshops i foråret, faste datoer for forældredialoger og hurtigere registrering af fremmøde.",
} as const;

function at(date: string, time = "10:00:00"): Date {
  return new Date(`${date}T${time}.000Z`);
}

export async function seedDemoReports(
  db: DB,
  now: Date,
): Promise<{ reports: number; finals: number }> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", DEMO_COORDINATOR.email)
    .executeTakeFirstOrThrow();
  const actor = currentUserFromRow(withLanguageList(row));
  const today = todayInCopenhagen(now);
  const current = Number(today.slice(0, 4));
  let reports = 0;
  let finals = 0;
  for (let year = FIRST_REPORT_YEAR; year <= current; year++) {
    if (await findReport(db, year)) continue;
    const write = async (when: Date, section: keyof typeof TEXTS, text: string) => {
      const result = await saveReportText(db, actor, year, { section, text }, { now: when });
      if (!result.ok) throw new Error(`report ${year} ${section}: ${JSON.stringify(result)}`);
    };
    if (year === current) {
      // A draft in progress: a summary begun a little before today (never after it).
      const written = new Date(
        Math.min(now.getTime(), at(`${year}-01-02`).getTime() + 86_400_000 * 300),
      );
      if (written.getTime() < at(`${year}-01-01`, "00:00:00").getTime()) continue;
      await write(
        written,
        "summary",
        `${TEXTS.summary.split("\n\n")[0].replace("{year}", String(year))}\n\n(udkast)`,
      );
      reports++;
      continue;
    }
    const finalised = at(`${year + 1}-03-14`);
    const drafted = at(`${year + 1}-02-20`);
    if (drafted > now) {
      // Before the drafting day: nothing written yet.
      continue;
    }
    await write(drafted, "summary", "Første udkast.");
    for (const [section, text] of Object.entries(TEXTS)) {
      await write(
        new Date(Math.min(now.getTime(), at(`${year + 1}-03-10`).getTime())),
        section as keyof typeof TEXTS,
        text.replace("{year}", String(year)),
      );
    }
    reports++;
    if (finalised > now) continue;
    const report = await findReport(db, year);
    const result = await finaliseReport(
      db,
      actor,
      year,
      { version: report?.version ?? 1 },
      {
        now: finalised,
      },
    );
    if (!result.ok) throw new Error(`report ${year}: ${JSON.stringify(result)}`);
    finals++;
  }
  return { reports, finals };
}
