/**
 * The annual report's tables, built once from the model: the page, the PDF and the XLSX all
 * render these rows, so they hold the same numbers (suppressed cells included: a hidden cell has
 * no number, only its status). Same table shape as the evaluation's exports.
 */

import type { KeySuffix } from "../i18n";
import { messageKey } from "../i18n/format";
import type { Translate } from "./evaluation-format";
import type { ExportColumn, ExportTable } from "./evaluation-tables";
import type { ReportCell, ReportFeedback, ReportModel, ReportTrack } from "./report";

const col = (
  t: Translate,
  key: KeySuffix<"report.col."> & KeySuffix<"report.desc.">,
  digits?: number,
): ExportColumn => ({
  header: t(`report.col.${key}`),
  description: t(`report.desc.${key}`),
  digits,
});

function cellValues(cell: ReportCell): Array<number | null> {
  if (cell.status !== "shown") return [null, null, null, null];
  return [cell.share, cell.lower, cell.upper, cell.answers];
}

function cellStatus(cell: ReportCell, t: Translate): string | null {
  if (cell.status === "hidden") return t(`evaluation.cell.${cell.reason}`);
  if (cell.status === "empty") return t("evaluation.cell.empty");
  return null;
}

/** Table names double as XLSX sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(text: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = text.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  let name = clean;
  for (let i = 2; taken.has(name); i++) name = `${clean.slice(0, 28)} ${i}`;
  return name;
}

export function trackTable(track: ReportTrack, t: Translate, name: string): ExportTable {
  return {
    name,
    labelColumns: [
      { ...col(t, "step"), role: "subject" },
      { ...col(t, "course"), role: "group" },
      { ...col(t, "dates"), role: "period" },
    ],
    valueColumns: [
      col(t, "expected", 0),
      col(t, "delivered", 0),
      col(t, "attendance", 0),
      col(t, "withoutAttendance", 0),
      col(t, "answers", 0),
      col(t, "responseRate", 1),
    ],
    rows: track.steps.map((step) => ({
      labels: [
        String(step.position),
        `${step.courseTitle} (${t(`audience.${step.audience}`)})`,
        step.firstDate
          ? step.firstDate === step.lastDate
            ? step.firstDate
            : `${step.firstDate} – ${step.lastDate}`
          : t("report.track.notPlanned"),
      ],
      status:
        step.answers === null && step.delivered > 0
          ? t("evaluation.cell.primary")
          : t("evaluation.export.shown"),
      values: [
        step.sessionsExpected,
        step.delivered,
        step.attendance,
        step.withoutAttendance,
        step.answers,
        step.responseRate,
      ],
    })),
  };
}

function comparisonTable(
  feedback: ReportFeedback[],
  t: Translate,
  locale: "da" | "en",
): ExportTable {
  return {
    name: t("report.table.comparison"),
    labelColumns: [
      { ...col(t, "audience"), role: "group" },
      { ...col(t, "question"), role: "subject" },
    ],
    valueColumns: [
      col(t, "pilotShare", 1),
      col(t, "pilotLower", 1),
      col(t, "pilotUpper", 1),
      col(t, "pilotN", 0),
      col(t, "standardShare", 1),
      col(t, "standardLower", 1),
      col(t, "standardUpper", 1),
      col(t, "standardN", 0),
      col(t, "points", 1),
      col(t, "pointsLower", 1),
      col(t, "pointsUpper", 1),
    ],
    rows: feedback.flatMap((f) =>
      f.items.map((item) => {
        const hidden = (
          [
            ["pilot", cellStatus(item.pilot, t)],
            ["standard", cellStatus(item.standard, t)],
          ] as const
        ).filter(([, s]) => s !== null);
        return {
          labels: [t(`audience.${f.audience}`), item.text[locale]],
          status:
            hidden.length === 0
              ? t("evaluation.export.shown")
              : hidden.map(([g, s]) => `${t(`evaluation.group.${g}`)}: ${s}`).join("; "),
          values: [
            ...cellValues(item.pilot),
            ...cellValues(item.standard),
            item.difference?.points ?? null,
            item.difference?.lower ?? null,
            item.difference?.upper ?? null,
          ],
        };
      }),
    ),
  };
}

function highlightsTable(
  feedback: ReportFeedback[],
  t: Translate,
  locale: "da" | "en",
): ExportTable {
  return {
    name: t("report.table.highlights"),
    labelColumns: [
      { ...col(t, "audience"), role: "group" },
      { ...col(t, "question"), role: "subject" },
    ],
    valueColumns: [
      col(t, "share", 1),
      col(t, "lower", 1),
      col(t, "upper", 1),
      col(t, "answers", 0),
      col(t, "sessions", 0),
      col(t, "schools", 0),
      col(t, "responseRate", 1),
    ],
    rows: feedback.flatMap((f) =>
      f.items.map((item) => {
        const cell = item.total;
        const shown = cell.status === "shown" ? cell : null;
        return {
          labels: [t(`audience.${f.audience}`), item.text[locale]],
          status: cellStatus(cell, t) ?? t("evaluation.export.shown"),
          values: [
            shown?.share ?? null,
            shown?.lower ?? null,
            shown?.upper ?? null,
            shown?.answers ?? null,
            shown?.sessions ?? null,
            shown?.schools ?? null,
            shown?.responseRate ?? null,
          ],
        };
      }),
    ),
  };
}

export interface ReportTables {
  targets: ExportTable;
  districts: ExportTable;
  sessions: ExportTable;
  languages: ExportTable;
  monthly: ExportTable;
  tracks: ExportTable[];
  comparison: ExportTable;
  highlights: ExportTable;
}

export function reportTables(model: ReportModel, t: Translate, locale: "da" | "en"): ReportTables {
  const shown = t("evaluation.export.shown");
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
  const r = model.reach;
  const taken = new Set<string>();
  const name = (text: string) => {
    const n = sheetName(text, taken);
    taken.add(n);
    return n;
  };
  const tables: Omit<ReportTables, "tracks"> = {
    targets: {
      name: name(t("report.table.targets")),
      labelColumns: [{ ...col(t, "goal"), role: "subject" }],
      valueColumns: [
        col(t, "target", 0),
        col(t, "achieved", 0),
        col(t, "gap", 0),
        col(t, "shareOfTarget", 1),
        col(t, "sessionsBehind", 0),
        col(t, "withoutAttendance", 0),
      ],
      rows: model.targets.map((target) => ({
        labels: [t(`report.target.${target.key}`)],
        status: shown,
        values: [
          target.target,
          target.achieved,
          target.gap,
          percent(target.share),
          target.sessions,
          target.withoutAttendance,
        ],
      })),
    },
    districts: {
      name: name(t("report.table.districts")),
      labelColumns: [{ ...col(t, "district"), role: "subject" }],
      valueColumns: [
        col(t, "pilotSchools", 0),
        col(t, "standardSchools", 0),
        col(t, "allSchools", 0),
        col(t, "deliveredSessions", 0),
      ],
      rows: [
        ...r.districts.map((d) => ({
          labels: [d.district || t("report.district.none")],
          status: shown,
          values: [d.pilot, d.standard, d.total, d.sessions],
        })),
        {
          labels: [t("report.total")],
          status: shown,
          values: [
            r.schools.pilot,
            r.schools.standard,
            r.schools.total,
            r.districts.reduce((sum, d) => sum + d.sessions, 0),
          ],
        },
      ],
    },
    sessions: {
      name: name(t("report.table.sessions")),
      labelColumns: [{ ...col(t, "measure"), role: "subject" }],
      valueColumns: [col(t, "count", 0)],
      rows: (
        [
          ["delivered", r.sessions.delivered],
          ["scheduled", r.sessions.scheduled],
          ["cancelled", r.sessions.cancelled],
          ["declined", r.declinedRequests],
        ] as const
      ).map(([key, value]) => ({
        labels: [t(`report.sessions.${key}`)],
        status: shown,
        values: [value],
      })),
    },
    languages: {
      name: name(t("report.table.languages")),
      labelColumns: [{ ...col(t, "language"), role: "subject" }],
      valueColumns: [col(t, "dialogues", 0)],
      rows: r.languages.map((l) => ({
        labels: [t(messageKey(`language.${l.language}`))],
        status: shown,
        values: [l.sessions],
      })),
    },
    monthly: {
      name: name(t("report.table.monthly")),
      labelColumns: [{ ...col(t, "month"), role: "period" }],
      valueColumns: [
        col(t, "deliveredSessions", 0),
        col(t, "pupils", 0),
        col(t, "staff", 0),
        col(t, "parents", 0),
        col(t, "pupilsShare", 1),
        col(t, "staffShare", 1),
        col(t, "proRata", 1),
      ],
      rows: model.monthly.map((m) => ({
        labels: [m.month],
        status: shown,
        values: [m.sessions, m.pupils, m.staff, m.parents, m.pupilsShare, m.staffShare, m.proRata],
      })),
    },
    comparison: { ...comparisonTable(model.feedback, t, locale), name: "" },
    highlights: { ...highlightsTable(model.feedback, t, locale), name: "" },
  };
  tables.comparison.name = name(t("report.table.comparison"));
  tables.highlights.name = name(t("report.table.highlights"));
  return {
    ...tables,
    tracks: model.tracks.map((track) =>
      trackTable(track, t, name(t("report.table.track", { school: track.schoolName }))),
    ),
  };
}

/** The tables in the order of the page (and of the PDF and the XLSX sheets). */
export function reportTableList(tables: ReportTables): ExportTable[] {
  return [
    tables.targets,
    tables.districts,
    tables.sessions,
    tables.languages,
    tables.monthly,
    ...tables.tracks,
    tables.comparison,
    tables.highlights,
  ];
}
