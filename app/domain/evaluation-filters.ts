/**
 * The evaluation's filters: parsed from a plain GET form (shareable URL, works without
 * JavaScript), turned into a date period and its trend buckets, and back into a query string and
 * export file names. Pure: dates are Copenhagen calendar dates (YYYY-MM-DD); the service turns
 * them into UTC instants.
 */
import type { MessageKey } from "../i18n";
import { FEEDBACK_AUDIENCES, type FeedbackAudience } from "./feedback-audiences";
import { addDays, isValidDateString } from "./time";

export const EVALUATION_COHORTS = ["pilot", "standard", "school"] as const;
export type EvaluationCohort = "all" | (typeof EVALUATION_COHORTS)[number];
export const TREND_STEPS = ["term", "year"] as const;
export type TrendStep = (typeof TREND_STEPS)[number];

/** The first calendar year with answers (the action plan starts in 2024). */
export const FIRST_EVALUATION_YEAR = 2024;

export interface EvaluationFilters {
  /** "2025" (calendar year), "sy2025" (school year 2025/26, August-July) or "range". */
  period: string;
  from: string | null;
  to: string | null;
  audience: FeedbackAudience;
  course: number | null;
  formVersion: number | null;
  district: string | null;
  cohort: EvaluationCohort;
  school: number | null;
  trend: TrendStep;
}

export interface ResolvedPeriod {
  /** First and last day, inclusive. */
  from: string;
  to: string;
  kind: "year" | "schoolYear" | "range";
  year: number | null;
}

export interface TrendBucket {
  key: string;
  kind: "spring" | "autumn" | "year";
  year: number;
  from: string;
  to: string;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The school year (by its first calendar year) a date falls in: August to July. */
export function schoolYearOf(date: string): number {
  const year = yearOf(date);
  return Number(date.slice(5, 7)) >= 8 ? year : year - 1;
}

export function defaultEvaluationFilters(today: string): EvaluationFilters {
  return {
    period: String(yearOf(today)),
    from: null,
    to: null,
    audience: "pupils",
    course: null,
    formVersion: null,
    district: null,
    cohort: "all",
    school: null,
    trend: "term",
  };
}

/** The periods offered in the form: calendar years and school years up to today. */
export function periodChoices(
  today: string,
): Array<{ value: string; kind: "year" | "schoolYear"; year: number }> {
  const choices: Array<{ value: string; kind: "year" | "schoolYear"; year: number }> = [];
  for (let year = yearOf(today); year >= FIRST_EVALUATION_YEAR; year--) {
    choices.push({ value: String(year), kind: "year", year });
  }
  for (let year = schoolYearOf(today); year >= FIRST_EVALUATION_YEAR - 1; year--) {
    choices.push({ value: `sy${year}`, kind: "schoolYear", year });
  }
  return choices;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** Message keys for filter values that could not be used (the defaults are used instead). */
export type FilterErrors = Partial<Record<"period" | "from" | "to" | "school", MessageKey>>;

/**
 * Reads the filters from a URL's search params. Unknown or broken values never fail the page:
 * they fall back to the default and come back as a message to show.
 */
export function parseEvaluationFilters(
  params: URLSearchParams,
  today: string,
): { filters: EvaluationFilters; errors: FilterErrors } {
  const filters = defaultEvaluationFilters(today);
  const errors: FilterErrors = {};
  const get = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };

  const audience = get("audience");
  if (audience && (FEEDBACK_AUDIENCES as readonly string[]).includes(audience)) {
    filters.audience = audience as FeedbackAudience;
  }
  filters.course = positiveInt(get("course"));
  filters.formVersion = positiveInt(get("formVersion"));
  filters.district = get("district")?.slice(0, 100) ?? null;
  const trend = get("trend");
  if (trend === "year" || trend === "term") filters.trend = trend;

  const cohort = get("cohort");
  if (cohort === "pilot" || cohort === "standard") filters.cohort = cohort;
  if (cohort === "school") {
    const school = positiveInt(get("school"));
    if (school === null) errors.school = "evaluation.error.school";
    else {
      filters.cohort = "school";
      filters.school = school;
    }
  }

  const period = get("period");
  const choices = periodChoices(today).map((c) => c.value);
  if (period === "range") {
    const from = get("from");
    const to = get("to");
    if (!from || !isValidDateString(from)) errors.from = "evaluation.error.from";
    if (!to || !isValidDateString(to)) errors.to = "evaluation.error.to";
    if (!errors.from && !errors.to && from && to) {
      if (from > to) errors.to = "evaluation.error.order";
      else Object.assign(filters, { period: "range", from, to });
    }
  } else if (period !== null) {
    if (choices.includes(period)) filters.period = period;
    else errors.period = "evaluation.error.period";
  }
  return { filters, errors };
}

export function resolvePeriod(filters: EvaluationFilters): ResolvedPeriod {
  if (filters.period === "range" && filters.from && filters.to) {
    return { from: filters.from, to: filters.to, kind: "range", year: null };
  }
  if (filters.period.startsWith("sy")) {
    const year = Number(filters.period.slice(2));
    return { from: `${year}-08-01`, to: `${year + 1}-07-31`, kind: "schoolYear", year };
  }
  const year = Number(filters.period);
  return { from: `${year}-01-01`, to: `${year}-12-31`, kind: "year", year };
}

/**
 * The period split for the trend: terms (spring = January-July, autumn = August-December, so a
 * school year is autumn + spring) or calendar years, clipped to the period.
 */
export function trendBuckets(period: ResolvedPeriod, step: TrendStep): TrendBucket[] {
  const buckets: TrendBucket[] = [];
  for (let year = yearOf(period.from); year <= yearOf(period.to); year++) {
    const spans: Array<Omit<TrendBucket, "from" | "to"> & { start: string; end: string }> =
      step === "year"
        ? [{ key: `${year}`, kind: "year", year, start: `${year}-01-01`, end: `${year}-12-31` }]
        : [
            {
              key: `${year}-1`,
              kind: "spring",
              year,
              start: `${year}-01-01`,
              end: `${year}-07-31`,
            },
            {
              key: `${year}-2`,
              kind: "autumn",
              year,
              start: `${year}-08-01`,
              end: `${year}-12-31`,
            },
          ];
    for (const { start, end, ...bucket } of spans) {
      const from = start.localeCompare(period.from) > 0 ? start : period.from;
      const to = end.localeCompare(period.to) < 0 ? end : period.to;
      if (from <= to) buckets.push({ ...bucket, from, to });
    }
  }
  return buckets;
}

/**
 * A period split into whole months (read from the monthly rollups) and the days at either end
 * that cover only part of a month (read session by session). Dates inclusive.
 */
export function periodParts(period: { from: string; to: string }): {
  months: { from: string; to: string } | null;
  edges: Array<{ from: string; to: string }>;
} {
  const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
  const lastOfMonth = (date: string) => addDays(nextMonthStart(date), -1);
  const firstWhole =
    period.from === monthStart(period.from) ? period.from : nextMonthStart(period.from);
  const lastWhole =
    period.to === lastOfMonth(period.to) ? period.to : addDays(monthStart(period.to), -1);
  if (firstWhole > lastWhole)
    return { months: null, edges: [{ from: period.from, to: period.to }] };
  const edges: Array<{ from: string; to: string }> = [];
  if (period.from < firstWhole) edges.push({ from: period.from, to: addDays(firstWhole, -1) });
  if (lastWhole < period.to) edges.push({ from: addDays(lastWhole, 1), to: period.to });
  return { months: { from: firstWhole.slice(0, 7), to: lastWhole.slice(0, 7) }, edges };
}

/** The month after a YYYY-MM month, or (`step` -1) before it. */
function shiftMonth(month: string, step: 1 | -1): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * Whole months (YYYY-MM, inclusive) split into the whole terms among them (spring January-July,
 * autumn August-December, by their first month; read from the term rollups) and the months
 * before the first and after the last whole term (read from the monthly rollups). The term
 * rollups add up every course, so with a course filter every month is read monthly.
 */
export function rollupParts(
  months: { from: string; to: string },
  byCourse: boolean,
): { terms: { from: string; to: string } | null; months: Array<{ from: string; to: string }> } {
  const monthOf = (m: string) => m.slice(5, 7);
  const firstStart =
    monthOf(months.from) === "01" || monthOf(months.from) === "08"
      ? months.from
      : monthOf(months.from) < "08"
        ? `${months.from.slice(0, 4)}-08`
        : `${Number(months.from.slice(0, 4)) + 1}-01`;
  const lastEnd =
    monthOf(months.to) === "07" || monthOf(months.to) === "12"
      ? months.to
      : monthOf(months.to) < "07"
        ? `${Number(months.to.slice(0, 4)) - 1}-12`
        : `${months.to.slice(0, 4)}-07`;
  if (byCourse || firstStart > lastEnd) return { terms: null, months: [months] };
  const lastStart = `${lastEnd.slice(0, 4)}-${monthOf(lastEnd) === "12" ? "08" : "01"}`;
  const rest: Array<{ from: string; to: string }> = [];
  if (months.from < firstStart) rest.push({ from: months.from, to: shiftMonth(firstStart, -1) });
  if (lastEnd < months.to) rest.push({ from: shiftMonth(lastEnd, 1), to: months.to });
  return { terms: { from: firstStart, to: lastStart }, months: rest };
}

function nextMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The day after a period's last day: periods are [from, to + 1 day) as instants. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

/** The filters as a query string (only what differs from "nothing chosen"), with a leading "?". */
export function evaluationSearch(filters: EvaluationFilters): string {
  const params = new URLSearchParams();
  params.set("period", filters.period);
  if (filters.period === "range") {
    params.set("from", filters.from ?? "");
    params.set("to", filters.to ?? "");
  }
  params.set("audience", filters.audience);
  if (filters.course) params.set("course", String(filters.course));
  if (filters.formVersion) params.set("formVersion", String(filters.formVersion));
  if (filters.district) params.set("district", filters.district);
  if (filters.cohort !== "all") params.set("cohort", filters.cohort);
  if (filters.cohort === "school" && filters.school) params.set("school", String(filters.school));
  if (filters.trend !== "term") params.set("trend", filters.trend);
  return `?${params.toString()}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
}

/**
 * A file name that says what is in the file, e.g.
 * `frirum-evaluering_2025_elever_pilot-vs-standard.csv`.
 */
export function exportFileName(
  filters: EvaluationFilters,
  names: { course?: string | null; school?: string | null },
  extension: "csv" | "xlsx",
): string {
  const period =
    filters.period === "range"
      ? `${filters.from}_til_${filters.to}`
      : filters.period.startsWith("sy")
        ? `skoleaar-${filters.period.slice(2)}-${Number(filters.period.slice(2)) + 1}`
        : filters.period;
  const audience = { pupils: "elever", parents: "foraeldre", staff: "personale" }[filters.audience];
  const cohort =
    filters.cohort === "all"
      ? "pilot-vs-standard"
      : filters.cohort === "school"
        ? `skole-${slug(names.school ?? String(filters.school))}`
        : filters.cohort;
  const parts = ["frirum-evaluering", period, audience, cohort];
  if (filters.course) parts.push(`forloeb-${slug(names.course ?? String(filters.course))}`);
  if (filters.district) parts.push(`bydel-${slug(filters.district)}`);
  if (filters.formVersion) parts.push(`version-${filters.formVersion}`);
  if (filters.trend === "year") parts.push("trend-aar");
  return `${parts.join("_")}.${extension}`;
}
