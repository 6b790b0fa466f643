/**
 * The annual report (issue 10): the live model of a year built from the database (sessions,
 * schools, requests, the pilot tracks and the evaluation), its text sections saved as drafts with
 * history, finalising (a frozen snapshot; two finalisations at once: one wins, the other is told)
 * and superseding a final version with a reason (never editing it).
 */

import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import {
  bumpReportVersion,
  currentReportTexts,
  findOrCreateReport,
  findReport,
  insertReportText,
  insertReportVersion,
  linkSupersededVersions,
  listReports,
  listReportTextHistory,
  listReportVersions,
  loadReportSnapshot,
  markVersionSuperseded,
  type ReportVersion,
  reportDeclinedRequests,
  reportDistricts,
  reportMonthCounts,
  reportParentLanguages,
  type YearBounds,
} from "../../db/queries/reports";
import { writeTransaction } from "../../db/write-transaction";
import type { EvaluationModel } from "../domain/evaluation";
import { FIRST_EVALUATION_YEAR } from "../domain/evaluation-filters";
import type { FeedbackAudience } from "../domain/feedback-bank";
import type { FieldErrors } from "../domain/forms";
import {
  buildReportModel,
  emptyTexts,
  FIRST_REPORT_YEAR,
  type FinaliseValues,
  REPORT_AUDIENCES,
  type ReportDifference,
  type ReportModel,
  type ReportSnapshot,
  type ReportTexts,
  type ReportTextValues,
  type ReportTrackInput,
  reportDifferences,
  type SupersedeValues,
  takeSnapshot,
  type YearPhase,
  yearPhase,
} from "../domain/report";
import { todayInCopenhagen } from "../domain/time";
import { copenhagenMidnightUtc, copenhagenMonthRange } from "../domain/timezone";
import type { CurrentUser } from "../lib/guards.server";
import { buildEvaluation } from "./evaluation.server";
import { type Found, forbidden, found, type NotFound, notFound } from "./result";
import { buildTrackModelsOfYear } from "./tracks.server";

export type ReportResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors; params?: Record<string, string | number> }
  | NotFound;

function yearBounds(year: number): YearBounds {
  // Each month's end is the next one's start: 13 instants from 1 January to the next 1 January.
  const monthStarts = [copenhagenMidnightUtc(`${year}-01-01`)];
  for (let i = 0; i < 12; i++) monthStarts.push(copenhagenMonthRange(monthStarts[i]).to);
  return { monthStarts };
}

/** The live report model of `year` as the database holds it now. */
export async function buildLiveReport(
  db: DB,
  actor: CurrentUser,
  year: number,
  now: Date,
): Promise<Found<{ model: ReportModel }>> {
  if (forbidden(actor, "report.manage")) return notFound();
  return found({ model: await liveReport(db, actor, year, now) });
}

/**
 * The live report model, for a caller that checked `report.manage`. `db` may be a transaction
 * (the snapshot of a finalisation is read inside it).
 */
async function liveReport(
  db: DB,
  actor: CurrentUser,
  year: number,
  now: Date,
): Promise<ReportModel> {
  const phase = yearPhase(year, now);
  const bounds = yearBounds(year);
  const [months, districts, languages, declinedRequests, trackModels] = await Promise.all([
    reportMonthCounts(db, bounds),
    reportDistricts(db, bounds),
    reportParentLanguages(db, bounds),
    reportDeclinedRequests(db, bounds),
    buildTrackModelsOfYear(db, year, { now }),
  ]);
  // The evaluation exists for the years its period filter offers (2024 up to this year).
  const evaluated = phase !== "future" && year >= FIRST_EVALUATION_YEAR;
  const evaluations: Array<{ audience: FeedbackAudience; model: EvaluationModel | null }> = [];
  for (const audience of REPORT_AUDIENCES) {
    const evaluation = evaluated
      ? await buildEvaluation(db, actor, new URLSearchParams({ period: String(year), audience }), {
          now,
        })
      : null;
    // The report's own permission (coordinators) includes the evaluation's.
    const model = evaluation?.ok ? evaluation.model : null;
    evaluations.push({ audience, model });
  }
  const tracks: ReportTrackInput[] = trackModels.map((track) => ({
    schoolName: track.school.name,
    district: track.school.district,
    pilot: track.school.pilotCohort !== null,
    name: track.name,
    cohortYear: track.cohortYear,
    status: track.status,
    steps: track.steps.map((step) => ({
      position: step.position,
      courseTitle: step.courseTitle,
      audience: step.courseAudience,
      sessionsExpected: step.sessionsExpected,
      sessions: step.sessions.map((s) => ({
        startsAt: s.startsAt,
        status: s.status,
        attendance: s.attendance[step.courseAudience],
        answers: s.answers,
      })),
    })),
  }));
  return buildReportModel({
    year,
    now,
    months,
    districts,
    declinedRequests,
    languages,
    tracks,
    evaluations,
  });
}

// ---- pages ----

export interface ReportListEntry {
  year: number;
  phase: YearPhase;
  status: "final" | "draft" | "none";
  latest: ReportVersion | null;
  lastSaved: string | null;
}

/** The years that can have a report (2024 up to this year) and each one's status. */
export async function loadReportList(
  db: DB,
  actor: CurrentUser,
  options: { now: Date },
): Promise<Found<{ reports: ReportListEntry[] }>> {
  if (forbidden(actor, "report.manage")) return notFound();
  const current = Number(todayInCopenhagen(options.now).slice(0, 4));
  const reports = await listReports(db);
  const years = new Set<number>(reports.map((r) => r.year));
  for (let year = FIRST_REPORT_YEAR; year <= current; year++) years.add(year);
  const entries = [...years]
    .sort((a, b) => b - a)
    .map((year): ReportListEntry => {
      const report = reports.find((r) => r.year === year);
      const latest = report?.latest ?? null;
      const final = latest !== null && latest.supersededAt === null;
      return {
        year,
        phase: yearPhase(year, options.now),
        status: final ? "final" : report && (report.lastSaved || latest) ? "draft" : "none",
        latest,
        lastSaved: report?.lastSaved ?? null,
      };
    });
  return found({ reports: entries });
}

export interface ReportPage {
  year: number;
  phase: YearPhase;
  /** The report's version counter (the forms send it back: stale forms are refused). */
  reportVersion: number;
  /** The version shown: the current final one, an older one asked for, or null (live draft). */
  shown: ReportVersion | null;
  /** The current final version (not superseded), if any. */
  final: ReportVersion | null;
  model: ReportModel;
  texts: ReportTexts;
  /** For a final version: the figures live data would now change. */
  differences: ReportDifference[];
  versions: ReportVersion[];
  history: Array<{
    id: number;
    section: string;
    length: number;
    createdAt: string;
    author: string | null;
  }>;
  canFinalise: boolean;
}

/**
 * The report page of `year`: a final report shows its frozen snapshot (and what live data would
 * change now); otherwise the live model with the current drafts. `versionNumber` shows an older
 * (superseded) version.
 */
export async function loadReportPage(
  db: DB,
  actor: CurrentUser,
  year: number,
  options: { now: Date; versionNumber?: number | null },
): Promise<Found<ReportPage>> {
  if (forbidden(actor, "report.manage")) return notFound();
  const phase = yearPhase(year, options.now);
  const report = await findReport(db, year);
  const versions = report ? await listReportVersions(db, report.id) : [];
  const final = versions.find((v) => v.supersededAt === null) ?? null;
  const requested =
    options.versionNumber != null
      ? versions.find((v) => v.number === options.versionNumber)
      : undefined;
  if (options.versionNumber != null && !requested) return notFound();
  const shown = requested ?? final;
  const live = await liveReport(db, actor, year, options.now);
  let model = live;
  let texts: ReportTexts = {
    ...emptyTexts(),
    ...(report ? await currentReportTexts(db, report.id) : {}),
  };
  let differences: ReportDifference[] = [];
  if (shown) {
    const snapshot: ReportSnapshot = await loadReportSnapshot(db, shown.id);
    model = snapshot.model;
    texts = snapshot.texts;
    differences = reportDifferences(snapshot.model, live);
  }
  const history = report ? await listReportTextHistory(db, report.id) : [];
  return found({
    year,
    phase,
    reportVersion: report?.version ?? 1,
    shown: shown ?? null,
    final,
    model,
    texts,
    differences,
    versions,
    history: history.map((h) => ({
      id: h.id,
      section: h.section,
      length: Number(h.length),
      createdAt: h.created_at,
      author: h.author_name,
    })),
    canFinalise: phase === "past" && final === null,
  });
}

/** The model and texts a download renders: the final snapshot, else the live draft. */
export async function loadReportForDownload(
  db: DB,
  actor: CurrentUser,
  year: number,
  options: { now: Date; versionNumber?: number | null },
) {
  const page = await loadReportPage(db, actor, year, options);
  if (!page.ok) return page;
  return found({ model: page.model, texts: page.texts, shown: page.shown });
}

/** What the print stylesheet's running header says: the final version's date, if final. */
export async function loadReportPrintHeader(
  db: DB,
  actor: CurrentUser,
  year: number,
): Promise<Found<{ finalisedAt: string | null }>> {
  if (forbidden(actor, "report.manage")) return notFound();
  const report = await findReport(db, year);
  const versions = report ? await listReportVersions(db, report.id) : [];
  const final = versions.find((v) => v.supersededAt === null);
  return found({ finalisedAt: final ? final.finalisedAt : null });
}

// ---- writes ----

function refusedYear(phase: YearPhase): ReportResult | null {
  if (phase === "future") return { ok: false, errors: { _form: "report.error.future" } };
  if (phase === "before") return { ok: false, errors: { _form: "report.error.before" } };
  return null;
}

/** Saves one text section as a new draft row (history), unless the report is final. */
export async function saveReportText(
  db: DB,
  actor: CurrentUser,
  year: number,
  input: ReportTextValues,
  options: { now: Date },
): Promise<ReportResult> {
  if (forbidden(actor, "report.manage")) return notFound();
  const refused = refusedYear(yearPhase(year, options.now));
  if (refused) return refused;
  const at = options.now.toISOString();
  return writeTransaction(db, async (trx) => {
    const report = await findOrCreateReport(trx, year, at);
    const versions = await listReportVersions(trx, report.id);
    if (versions.some((v) => v.supersededAt === null)) {
      return { ok: false, errors: { _form: "report.error.final" } };
    }
    await insertReportText(trx, {
      reportId: report.id,
      section: input.section,
      text: input.text,
      authorId: actor.id,
      at,
    });
    return { ok: true };
  });
}

/**
 * Finalises the report of a finished year: reads the live numbers and the current texts inside
 * one write transaction and stores them as the next version's snapshot. `version` is the report
 * version the form was rendered with: when someone finalised (or superseded) in the meantime, the
 * second finalisation is refused with who did it and when.
 */
export async function finaliseReport(
  db: DB,
  actor: CurrentUser,
  year: number,
  input: FinaliseValues,
  options: { now: Date },
): Promise<ReportResult> {
  if (forbidden(actor, "report.manage")) return notFound();
  const phase = yearPhase(year, options.now);
  const refused = refusedYear(phase);
  if (refused) return refused;
  if (phase === "current") return { ok: false, errors: { _form: "report.error.notEnded" } };
  const at = options.now.toISOString();
  return writeTransaction(db, async (trx): Promise<ReportResult> => {
    const report = await findOrCreateReport(trx, year, at);
    const versions = await listReportVersions(trx, report.id);
    const current = versions.find((v) => v.supersededAt === null);
    if (current) {
      return {
        ok: false,
        errors: { _form: "report.error.alreadyFinal" },
        params: { by: current.finalisedBy ?? "–", at: current.finalisedAt },
      };
    }
    if (report.version !== input.version) {
      return { ok: false, errors: { _form: "report.error.stale" } };
    }
    if (!(await bumpReportVersion(trx, report.id, report.version, at))) {
      return { ok: false, errors: { _form: "report.error.stale" } };
    }
    const model = await liveReport(trx, actor, year, options.now);
    const texts = { ...emptyTexts(), ...(await currentReportTexts(trx, report.id)) };
    const number = (versions[0]?.number ?? 0) + 1;
    const versionId = await insertReportVersion(trx, {
      reportId: report.id,
      number,
      snapshot: takeSnapshot(model, texts),
      at,
      by: actor.id,
    });
    await linkSupersededVersions(trx, report.id, versionId);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "report.finalised",
      entityType: "annual_report",
      entityId: year,
      details: { version: number },
      at,
    });
    return { ok: true };
  });
}

/**
 * Supersedes the current final version with a reason: it stays as it was (readable, marked
 * superseded), the report is a draft again, and the next finalisation makes a new version.
 */
export async function supersedeReport(
  db: DB,
  actor: CurrentUser,
  year: number,
  input: SupersedeValues,
  options: { now: Date },
): Promise<ReportResult> {
  if (forbidden(actor, "report.manage")) return notFound();
  const at = options.now.toISOString();
  return writeTransaction(db, async (trx): Promise<ReportResult> => {
    const report = await findReport(trx, year);
    const versions = report ? await listReportVersions(trx, report.id) : [];
    const current = versions.find((v) => v.supersededAt === null);
    if (!report || !current) return { ok: false, errors: { _form: "report.error.notFinal" } };
    if (report.version !== input.version) {
      return { ok: false, errors: { _form: "report.error.stale" } };
    }
    if (!(await bumpReportVersion(trx, report.id, report.version, at))) {
      return { ok: false, errors: { _form: "report.error.stale" } };
    }
    await markVersionSuperseded(trx, current.id, { reason: input.reason, by: actor.id, at });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "report.superseded",
      entityType: "annual_report",
      entityId: year,
      details: { version: current.number, reason: input.reason },
      at,
    });
    return { ok: true };
  });
}
