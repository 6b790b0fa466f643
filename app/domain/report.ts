/**
 * The annual report to the committee (issue 10), as one plain, serializable model: targets vs
 * achieved, reach, the month-by-month delivery against a pro-rata line, the pilot schools' tracks,
 * pilot vs standard from the evaluation and the feedback highlights. Pure: the service loads the
 * counts and passes the clock in. A final version stores exactly this model (plus the text
 * sections) as its snapshot, so the page, the PDF and the XLSX of a final report are rendered
 * from frozen numbers; `reportDifferences` says which figures live data would now change.
 */

import { z } from "zod";
import type { MessageKey } from "../i18n";
import type { EvaluationModel, ItemCell } from "./evaluation";
import type { FeedbackAudience, FeedbackScaleKey } from "./feedback-bank";
import { MAX_SECTION_LENGTH, REPORT_SECTIONS, type ReportSectionKey } from "./report-sections";
import { MIN_GROUP_SIZE, type SuppressionReason } from "./suppression";
import { todayInCopenhagen } from "./time";
import { utcToCopenhagen } from "./timezone";

export { MAX_SECTION_LENGTH, REPORT_SECTIONS, type ReportSectionKey };

/** The action plan's yearly targets. */
export const REPORT_TARGETS = { pupils: 2000, staff: 200 } as const;
/** The first year with a report (the action plan starts in 2024; first report March 2025). */
export const FIRST_REPORT_YEAR = 2024;
export const MAX_SUPERSEDE_REASON = 2000;
/** Bump when the model's shape changes; old snapshots keep their own version number. */
export const REPORT_SCHEMA_VERSION = 1;
export const REPORT_AUDIENCES = ["pupils", "staff", "parents"] as const;

// ---------------------------------------------------------------------------------------------
// Forms (shared by the browser and the action)
// ---------------------------------------------------------------------------------------------

export const reportTextSchema = z.object({
  section: z.enum(REPORT_SECTIONS, { message: "report.error.section" satisfies MessageKey }),
  // Line breaks as the browser sends them (CRLF) count once.
  text: z
    .string({ error: "report.error.textMissing" satisfies MessageKey })
    .transform((s) => s.replace(/\r\n/g, "\n"))
    .pipe(
      z.string().refine((s) => characterCount(s) <= MAX_SECTION_LENGTH, {
        message: "report.error.textTooLong" satisfies MessageKey,
      }),
    ),
});
export type ReportTextValues = z.output<typeof reportTextSchema>;

/** Characters as a person (and SQL's length()) counts them: code points, an emoji is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The report's version as the form saw it: anything else (missing, not a whole number) is a form
 * from before a change, told as such.
 */
const reportVersionField = z.coerce
  .number({ error: "report.error.stale" satisfies MessageKey })
  .int("report.error.stale" satisfies MessageKey)
  .min(1, "report.error.stale" satisfies MessageKey);

export const finaliseSchema = z.object({ version: reportVersionField });
export type FinaliseValues = z.output<typeof finaliseSchema>;

export const supersedeSchema = z.object({
  version: reportVersionField,
  reason: z
    .string({ error: "report.error.reasonRequired" satisfies MessageKey })
    .trim()
    .min(1, { message: "report.error.reasonRequired" satisfies MessageKey })
    .max(MAX_SUPERSEDE_REASON, { message: "report.error.reasonTooLong" satisfies MessageKey }),
});
export type SupersedeValues = z.output<typeof supersedeSchema>;

/** A year from the URL: four digits, else null (404). */
export function parseReportYear(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

export type YearPhase = "before" | "past" | "current" | "future";

/** Where `year` stands against today: before the plan, finished, running, or not begun. */
export function yearPhase(year: number, now: Date): YearPhase {
  const current = Number(todayInCopenhagen(now).slice(0, 4));
  if (year < FIRST_REPORT_YEAR) return "before";
  if (year > current) return "future";
  return year === current ? "current" : "past";
}

// ---------------------------------------------------------------------------------------------
// Input: what the service loads
// ---------------------------------------------------------------------------------------------

/** Sessions of one audience in one Copenhagen month of the year. */
export interface MonthCountRow {
  audience: FeedbackAudience;
  /** 1-12. */
  month: number;
  status: "scheduled" | "delivered" | "cancelled";
  sessions: number;
  /** Sum of the audience's registered attendance (delivered sessions). */
  attendance: number;
  /** Delivered sessions whose attendance for the audience is missing. */
  withoutAttendance: number;
}

export interface DistrictRow {
  district: string;
  pilot: boolean;
  /** Schools with at least one delivered session in the year. */
  schools: number;
  sessions: number;
}

export interface ReportTrackInput {
  schoolName: string;
  district: string;
  pilot: boolean;
  name: string;
  cohortYear: number;
  status: "active" | "stopped";
  steps: Array<{
    position: number;
    courseTitle: string;
    audience: FeedbackAudience;
    sessionsExpected: number;
    sessions: Array<{
      startsAt: string;
      status: "scheduled" | "delivered" | "cancelled";
      attendance: number | null;
      answers: number;
    }>;
  }>;
}

export interface ReportInput {
  year: number;
  now: Date;
  months: readonly MonthCountRow[];
  districts: readonly DistrictRow[];
  declinedRequests: number;
  /** Delivered parent dialogues per language named on the request (interpreting). */
  languages: ReadonlyArray<{ language: string; sessions: number }>;
  tracks: readonly ReportTrackInput[];
  /** The evaluation of the year per audience (null: the year has no evaluation, e.g. future). */
  evaluations: ReadonlyArray<{ audience: FeedbackAudience; model: EvaluationModel | null }>;
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

export interface TargetFigures {
  key: FeedbackAudience;
  /** null: no numeric target (parents). */
  target: number | null;
  achieved: number;
  /** target - achieved, never below 0; null without a target. */
  gap: number | null;
  /** achieved / target; null without a target. */
  share: number | null;
  /** Delivered sessions behind the figure (parents: the dialogues held). */
  sessions: number;
  /** Delivered sessions still lacking attendance (so a low figure is explained). */
  withoutAttendance: number;
}

export interface MonthFigures {
  /** YYYY-MM. */
  month: string;
  /** Delivered sessions and attendance per audience in the month. */
  sessions: number;
  pupils: number;
  staff: number;
  parents: number;
  /** Cumulative attendance as a share of the target (%), null after the last counted day. */
  pupilsShare: number | null;
  staffShare: number | null;
  /** The pro-rata line: month / 12 of the target (%). */
  proRata: number;
}

export type ReportCell =
  | {
      status: "shown";
      /** Top-box share and its 95% interval, in % (one decimal, as on the evaluation page). */
      share: number | null;
      lower: number | null;
      upper: number | null;
      answers: number;
      sessions: number;
      schools: number;
      /** Response rate in % (answers / attendance of the sessions with attendance). */
      responseRate: number | null;
    }
  | { status: "hidden"; reason: SuppressionReason }
  | { status: "empty" };

export interface ReportFeedbackItem {
  key: string;
  text: { da: string; en: string };
  pilot: ReportCell;
  standard: ReportCell;
  total: ReportCell;
  /** Pilot minus standard in percentage points with Newcombe's interval (one decimal). */
  difference: { points: number; lower: number; upper: number } | null;
}

export interface ReportFeedback {
  audience: FeedbackAudience;
  scale: FeedbackScaleKey;
  items: ReportFeedbackItem[];
}

export interface ReportTrackStep {
  position: number;
  courseTitle: string;
  audience: FeedbackAudience;
  sessionsExpected: number;
  delivered: number;
  /** First and last date (Copenhagen) of the step's sessions that were not cancelled. */
  firstDate: string | null;
  lastDate: string | null;
  attendance: number;
  withoutAttendance: number;
  /** Answers, shown only for 5 or more (else hidden, like any group of answers). */
  answers: number | null;
  /** Response rate in % (null: hidden, or no attendance). */
  responseRate: number | null;
}

export interface ReportTrack {
  schoolName: string;
  district: string;
  pilot: boolean;
  name: string;
  cohortYear: number;
  status: "active" | "stopped";
  steps: ReportTrackStep[];
}

export interface ReportModel {
  schemaVersion: number;
  year: number;
  /** When the numbers were read (ISO instant). */
  builtAt: string;
  /** The last day counted (YYYY-MM-DD): 31 December, or today for the running year. */
  asOf: string;
  phase: YearPhase;
  /** False when the year has no sessions at all (the page says so). */
  hasData: boolean;
  targets: TargetFigures[];
  reach: {
    schools: { pilot: number; standard: number; total: number };
    districts: Array<{
      district: string;
      pilot: number;
      standard: number;
      total: number;
      sessions: number;
    }>;
    sessions: { delivered: number; scheduled: number; cancelled: number };
    declinedRequests: number;
    languages: Array<{ language: string; sessions: number }>;
  };
  monthly: MonthFigures[];
  tracks: ReportTrack[];
  feedback: ReportFeedback[];
  threshold: number;
}

function sum<T>(rows: readonly T[], pick: (row: T) => number): number {
  let total = 0;
  for (const row of rows) total += pick(row);
  return total;
}

/** A proportion in % with one decimal (0.7234 -> 72.3). */
function pct(value: number): number {
  return Math.round(value * 1000) / 10 + 0;
}

/** The target arithmetic of one audience. */
export function targetFigures(
  key: FeedbackAudience,
  target: number | null,
  delivered: { sessions: number; attendance: number; withoutAttendance: number },
): TargetFigures {
  const achieved = delivered.attendance;
  return {
    key,
    target,
    achieved,
    gap: target === null ? null : Math.max(target - achieved, 0),
    share: target === null || target === 0 ? null : achieved / target,
    sessions: delivered.sessions,
    withoutAttendance: delivered.withoutAttendance,
  };
}

/**
 * The pro-rata line: where the cumulative figure should be after `month` (1-12) to reach the
 * target by December, in % of the target.
 */
export function proRataShare(month: number): number {
  return pct(month / 12);
}

function cellOf(cell: ItemCell | undefined): ReportCell {
  if (!cell || cell.status === "empty") return { status: "empty" };
  if (cell.status === "hidden") return { status: "hidden", reason: cell.reason };
  return {
    status: "shown",
    share: cell.share === null ? null : pct(cell.share),
    lower: cell.interval ? pct(cell.interval.lower) : null,
    upper: cell.interval ? pct(cell.interval.upper) : null,
    answers: cell.answers,
    sessions: cell.sessions,
    schools: cell.schools,
    responseRate: cell.responseRate ? pct(cell.responseRate.rate) : null,
  };
}

/** One decimal; -0 (a small negative difference rounded) reads and exports as 0. */
const round1 = (value: number) => Math.round(value * 10) / 10 + 0;

/** The evaluation's figures the report shows (suppression already applied in the evaluation). */
export function feedbackOf(audience: FeedbackAudience, model: EvaluationModel): ReportFeedback {
  return {
    audience,
    scale: model.scale,
    items: model.items.map((item) => ({
      key: item.key,
      text: item.text,
      pilot: cellOf(item.cells.pilot),
      standard: cellOf(item.cells.standard),
      total: cellOf(item.cells.total),
      difference: item.difference
        ? {
            points: round1(item.difference.points),
            lower: round1(item.difference.lower),
            upper: round1(item.difference.upper),
          }
        : null,
    })),
  };
}

function trackOf(track: ReportTrackInput): ReportTrack {
  return {
    schoolName: track.schoolName,
    district: track.district,
    pilot: track.pilot,
    name: track.name,
    cohortYear: track.cohortYear,
    status: track.status,
    steps: track.steps.map((step) => {
      const live = step.sessions.filter((s) => s.status !== "cancelled");
      const delivered = live.filter((s) => s.status === "delivered");
      const dates = live.map((s) => utcToCopenhagen(s.startsAt).date).sort();
      const withAttendance = delivered.filter((s) => s.attendance !== null);
      const answers = sum(live, (s) => s.answers);
      const rateAttendance = sum(withAttendance, (s) => s.attendance ?? 0);
      const rateAnswers = sum(withAttendance, (s) => s.answers);
      const shown = answers >= MIN_GROUP_SIZE;
      return {
        position: step.position,
        courseTitle: step.courseTitle,
        audience: step.audience,
        sessionsExpected: step.sessionsExpected,
        delivered: delivered.length,
        firstDate: dates[0] ?? null,
        lastDate: dates.at(-1) ?? null,
        attendance: sum(delivered, (s) => s.attendance ?? 0),
        withoutAttendance: delivered.length - withAttendance.length,
        answers: shown ? answers : null,
        responseRate: shown && rateAttendance > 0 ? pct(rateAnswers / rateAttendance) : null,
      };
    }),
  };
}

/** The whole report model of a year from its counts; `now` decides what "so far" means. */
export function buildReportModel(input: ReportInput): ReportModel {
  const phase = yearPhase(input.year, input.now);
  const today = todayInCopenhagen(input.now);
  const asOf = phase === "current" ? today : `${input.year}-12-31`;
  const lastMonth =
    phase === "future" || phase === "before"
      ? 0
      : phase === "current"
        ? Number(today.slice(5, 7))
        : 12;
  const delivered = input.months.filter((m) => m.status === "delivered");
  const deliveredOf = (audience: FeedbackAudience) => {
    const rows = delivered.filter((m) => m.audience === audience);
    return {
      sessions: sum(rows, (r) => r.sessions),
      attendance: sum(rows, (r) => r.attendance),
      withoutAttendance: sum(rows, (r) => r.withoutAttendance),
    };
  };
  const targets = [
    targetFigures("pupils", REPORT_TARGETS.pupils, deliveredOf("pupils")),
    targetFigures("staff", REPORT_TARGETS.staff, deliveredOf("staff")),
    targetFigures("parents", null, deliveredOf("parents")),
  ];

  let cumulativePupils = 0;
  let cumulativeStaff = 0;
  const monthly: MonthFigures[] = [];
  for (let month = 1; month <= 12; month++) {
    const rows = delivered.filter((m) => m.month === month);
    const of = (audience: FeedbackAudience) =>
      sum(
        rows.filter((r) => r.audience === audience),
        (r) => r.attendance,
      );
    const pupils = of("pupils");
    const staff = of("staff");
    cumulativePupils += pupils;
    cumulativeStaff += staff;
    const counted = month <= lastMonth;
    monthly.push({
      month: `${input.year}-${String(month).padStart(2, "0")}`,
      sessions: sum(rows, (r) => r.sessions),
      pupils,
      staff,
      parents: of("parents"),
      pupilsShare: counted ? pct(cumulativePupils / REPORT_TARGETS.pupils) : null,
      staffShare: counted ? pct(cumulativeStaff / REPORT_TARGETS.staff) : null,
      proRata: proRataShare(month),
    });
  }

  const reached = input.districts.filter((d) => d.schools > 0);
  const districtNames = [...new Set(reached.map((d) => d.district))].sort((a, b) =>
    a.localeCompare(b, "da"),
  );
  const districts = districtNames.map((district) => {
    const rows = reached.filter((d) => d.district === district);
    const pilot = sum(
      rows.filter((r) => r.pilot),
      (r) => r.schools,
    );
    const standard = sum(
      rows.filter((r) => !r.pilot),
      (r) => r.schools,
    );
    return {
      district,
      pilot,
      standard,
      total: pilot + standard,
      sessions: sum(rows, (r) => r.sessions),
    };
  });
  const statusCount = (status: MonthCountRow["status"]) =>
    sum(
      input.months.filter((m) => m.status === status),
      (m) => m.sessions,
    );
  const pilotSchools = sum(districts, (d) => d.pilot);
  const standardSchools = sum(districts, (d) => d.standard);

  const feedback = input.evaluations.flatMap(({ audience, model }) =>
    model ? [feedbackOf(audience, model)] : [],
  );
  const sessionsAtAll = input.months.length > 0 && sum(input.months, (m) => m.sessions) > 0;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    year: input.year,
    builtAt: input.now.toISOString(),
    asOf,
    phase,
    hasData: sessionsAtAll,
    targets,
    reach: {
      schools: {
        pilot: pilotSchools,
        standard: standardSchools,
        total: pilotSchools + standardSchools,
      },
      districts,
      sessions: {
        delivered: statusCount("delivered"),
        scheduled: statusCount("scheduled"),
        cancelled: statusCount("cancelled"),
      },
      declinedRequests: input.declinedRequests,
      languages: [...input.languages].sort(
        (a, b) => b.sessions - a.sessions || a.language.localeCompare(b.language),
      ),
    },
    monthly,
    tracks: input.tracks.map(trackOf),
    feedback,
    threshold: MIN_GROUP_SIZE,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures and differences
// ---------------------------------------------------------------------------------------------

/** One figure of the report, named so a person can find it on the page. */
export interface ReportFigure {
  /** Stable key, e.g. "target.pupils.achieved". */
  key: string;
  /** Message key and parameters of its name. */
  label: MessageKey;
  params?: Record<string, string | number>;
  value: number | null;
}

function cellFigures(
  prefix: string,
  cell: ReportCell,
  params: Record<string, string | number>,
): ReportFigure[] {
  const value = cell.status === "shown" ? cell : null;
  return [
    { key: `${prefix}.share`, label: "report.figure.share", params, value: value?.share ?? null },
    { key: `${prefix}.n`, label: "report.figure.answers", params, value: value?.answers ?? null },
  ];
}

/** Every headline figure of a model, flat (for "what would differ now" and the tests). */
export function reportFigures(model: ReportModel): ReportFigure[] {
  const figures: ReportFigure[] = [];
  for (const target of model.targets) {
    const params = { audience: target.key };
    figures.push(
      {
        key: `target.${target.key}.achieved`,
        label: "report.figure.achieved",
        params,
        value: target.achieved,
      },
      {
        key: `target.${target.key}.sessions`,
        label: "report.figure.sessions",
        params,
        value: target.sessions,
      },
      {
        key: `target.${target.key}.withoutAttendance`,
        label: "report.figure.withoutAttendance",
        params,
        value: target.withoutAttendance,
      },
    );
  }
  const r = model.reach;
  figures.push(
    { key: "reach.schools.pilot", label: "report.figure.schoolsPilot", value: r.schools.pilot },
    {
      key: "reach.schools.standard",
      label: "report.figure.schoolsStandard",
      value: r.schools.standard,
    },
    {
      key: "reach.sessions.delivered",
      label: "report.figure.delivered",
      value: r.sessions.delivered,
    },
    {
      key: "reach.sessions.cancelled",
      label: "report.figure.cancelled",
      value: r.sessions.cancelled,
    },
    { key: "reach.declined", label: "report.figure.declined", value: r.declinedRequests },
  );
  for (const d of r.districts) {
    figures.push({
      key: `reach.district.${d.district}`,
      label: "report.figure.district",
      params: { district: d.district },
      value: d.total,
    });
  }
  for (const l of r.languages) {
    figures.push({
      key: `reach.language.${l.language}`,
      label: "report.figure.language",
      params: { language: l.language },
      value: l.sessions,
    });
  }
  for (const f of model.feedback) {
    for (const item of f.items) {
      const params = { audience: f.audience, item: item.text.da };
      figures.push(...cellFigures(`feedback.${f.audience}.${item.key}.total`, item.total, params));
    }
  }
  return figures;
}

export interface ReportDifference {
  key: string;
  label: MessageKey;
  params?: Record<string, string | number>;
  frozen: number | null;
  live: number | null;
}

/** The figures of a final version that live data would now change (added or gone ones too). */
export function reportDifferences(frozen: ReportModel, live: ReportModel): ReportDifference[] {
  const before = new Map(reportFigures(frozen).map((f) => [f.key, f]));
  const now = new Map(reportFigures(live).map((f) => [f.key, f]));
  const out: ReportDifference[] = [];
  for (const key of new Set([...before.keys(), ...now.keys()])) {
    const a = before.get(key);
    const b = now.get(key);
    const frozenValue = a?.value ?? null;
    const liveValue = b?.value ?? null;
    if (frozenValue === liveValue) continue;
    const named = (a ?? b) as ReportFigure;
    out.push({
      key,
      label: named.label,
      params: named.params,
      frozen: frozenValue,
      live: liveValue,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Snapshot
// ---------------------------------------------------------------------------------------------

export type ReportTexts = Record<ReportSectionKey, string>;

export interface ReportSnapshot {
  model: ReportModel;
  texts: ReportTexts;
}

export function emptyTexts(): ReportTexts {
  return { summary: "", pilot: "", expertGroup: "", nextYear: "" };
}

/**
 * The snapshot a final version stores: a deep copy (JSON round trip) of the model and texts, so
 * nothing that happens to the live objects afterwards can reach it.
 */
export function takeSnapshot(model: ReportModel, texts: ReportTexts): ReportSnapshot {
  return JSON.parse(JSON.stringify({ model, texts })) as ReportSnapshot;
}

/** Checks a decoded snapshot's shape (db/ decodes the JSON and calls this). */
export function isReportSnapshot(value: unknown): value is ReportSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { model?: Partial<ReportModel>; texts?: Record<string, unknown> };
  return (
    typeof v.model?.year === "number" &&
    typeof v.model.schemaVersion === "number" &&
    Array.isArray(v.model.targets) &&
    Array.isArray(v.model.monthly) &&
    typeof v.texts === "object" &&
    v.texts !== null &&
    REPORT_SECTIONS.every((s) => typeof v.texts?.[s] === "string")
  );
}
