/**
 * The evaluation (journey 7): one page model per set of filters, built from the monthly rollups
 * (and, for part-months, the per-session counts), with suppression applied, for the coordinator page, the school leader page and the
 * exports. Never reads answer rows, except the comments a coordinator asks to see.
 */
import type { DB } from "../../db/connection";
import {
  type EvaluationFiltersScope,
  type EvaluationScope,
  type EvaluationSources,
  evaluationChoices,
  evaluationComments,
  evaluationItemAggregates,
  evaluationNamedSessions,
  evaluationScaleAggregates,
  evaluationSessionAggregates,
  type NamedSession,
  type RollupScope,
} from "../../db/queries/evaluation";
import {
  findFeedbackForm,
  findLatestFeedbackForm,
  loadFeedbackFormRows,
} from "../../db/queries/feedback";
import { buildEvaluationModel, type EvaluationModel, type Viewer } from "../domain/evaluation";
import {
  dayAfter,
  type EvaluationFilters,
  type FilterErrors,
  parseEvaluationFilters,
  periodChoices,
  periodParts,
  resolvePeriod,
  rollupParts,
  trendBuckets,
} from "../domain/evaluation-filters";
import { todayInCopenhagen } from "../domain/time";
import { copenhagenMidnightUtc, utcToCopenhagen } from "../domain/timezone";
import type { CurrentUser } from "../lib/guards.server";
import { type Found, forbidden, found, notFound } from "./result";

/** How many sessions without attendance (or with under 5 answers) to name; the rest are counted. */
const NAMED_SESSIONS = 25;
const COMMENT_LIMIT = 300;

function named(rows: NamedSession[]) {
  return rows.map((r) => ({
    id: r.id,
    date: utcToCopenhagen(r.starts_at).date,
    schoolName: r.school_name,
    courseTitle: r.course_title,
  }));
}

export interface EvaluationPage {
  model: EvaluationModel;
  errors: FilterErrors;
  choices: {
    periods: ReturnType<typeof periodChoices>;
    schools: Array<{ id: number; name: string; pilot: boolean }>;
    courses: Array<{ id: number; title: string }>;
    districts: string[];
    versions: number[];
  };
  names: { course: string | null; school: string | null };
}

/**
 * The evaluation for `actor`: a coordinator sees every school and may ask for comments; a school
 * leader sees their own school against all standard schools, whatever the URL says.
 */
export async function buildEvaluation(
  db: DB,
  actor: CurrentUser,
  searchParams: URLSearchParams,
  options: { now: Date; comments?: boolean },
): Promise<Found<EvaluationPage>> {
  const viewer: Viewer = actor.role === "coordinator" ? "coordinator" : "school_leader";
  const denied =
    viewer === "coordinator"
      ? forbidden(actor, "evaluation.view")
      : forbidden(actor, "evaluation.viewSchool", { schoolId: actor.schoolId });
  if (denied) return notFound();

  const today = todayInCopenhagen(options.now);
  const parsed = parseEvaluationFilters(searchParams, today);
  const filters: EvaluationFilters =
    viewer === "coordinator"
      ? parsed.filters
      : { ...parsed.filters, cohort: "school", school: actor.schoolId, district: null };
  const errors = { ...parsed.errors };
  if (viewer === "school_leader") delete errors.school;

  const choices = await evaluationChoices(db, filters.audience);
  if (filters.cohort === "school" && !choices.schools.some((s) => s.id === filters.school)) {
    errors.school = "evaluation.error.school";
    filters.cohort = "all";
    filters.school = null;
  }
  const period = resolvePeriod(filters);
  const buckets = trendBuckets(period, filters.trend);
  const nowIso = options.now.toISOString();
  const before = (date: string) => {
    const end = copenhagenMidnightUtc(dayAfter(date));
    return end.localeCompare(nowIso) < 0 ? end : nowIso;
  };
  const standardIds = choices.schools.filter((s) => s.pilot_cohort === null).map((s) => s.id);
  const filtersScope: EvaluationFiltersScope = {
    audience: filters.audience,
    courseId: filters.course,
    district: filters.district,
    formVersion: filters.formVersion,
    pilot: filters.cohort === "pilot" ? true : filters.cohort === "standard" ? false : null,
    schoolIds:
      filters.cohort === "school" && filters.school !== null
        ? [...new Set([filters.school, ...standardIds])]
        : null,
  };
  const bucketStarts = buckets.slice(1).map((b) => copenhagenMidnightUtc(b.from));
  // Whole months from the rollups; part-months at the ends of a from/to period session by session.
  const parts = periodParts(period);
  // Whole terms from the term rollups (a fifth of the monthly rows) unless a course is chosen.
  const bucketMonths = buckets.slice(1).map((b) => b.from.slice(0, 7));
  const grains = parts.months ? rollupParts(parts.months, filters.course !== null) : null;
  const rollupScopes: RollupScope[] = [
    ...(grains?.terms
      ? [
          {
            ...filtersScope,
            grain: "term" as const,
            monthFrom: grains.terms.from,
            monthTo: grains.terms.to,
            bucketMonths,
          },
        ]
      : []),
    ...(grains?.months ?? []).map((months) => ({
      ...filtersScope,
      grain: "month" as const,
      monthFrom: months.from,
      monthTo: months.to,
      bucketMonths,
    })),
  ];
  const edgeScopes: EvaluationScope[] = parts.edges.map((edge) => ({
    ...filtersScope,
    startsFrom: copenhagenMidnightUtc(edge.from),
    startsBefore: before(edge.to),
    bucketStarts,
  }));
  // Sessions are named only within what the viewer may see by name: a leader's own school.
  const namingSchools = viewer === "coordinator" ? null : [actor.schoolId ?? -1];
  const namingScope: EvaluationScope = {
    ...filtersScope,
    schoolIds: namingSchools ?? filtersScope.schoolIds,
    startsFrom: copenhagenMidnightUtc(period.from),
    startsBefore: before(period.to),
    bucketStarts,
  };

  const form = filters.formVersion
    ? await findFeedbackForm(db, filters.audience, filters.formVersion)
    : await findLatestFeedbackForm(db, filters.audience);
  const formRows = form ? await loadFeedbackFormRows(db, form.id) : { items: [], texts: [] };
  const items = formRows.items.map((item) => {
    const text = (locale: string) =>
      formRows.texts.find((t) => t.item_id === item.id && t.locale === locale)?.text;
    const da = text("da") ?? item.key;
    return { key: item.key, text: { da, en: text("en") ?? da } };
  });

  const sources: EvaluationSources = {
    rollups: rollupScopes,
    edges: edgeScopes,
    focusSchool: filters.cohort === "school" ? filters.school : null,
  };
  const [itemRows, scaleRows, sessionRows, comments] = await Promise.all([
    evaluationItemAggregates(db, sources),
    evaluationScaleAggregates(db, sources),
    evaluationSessionAggregates(db, sources),
    viewer === "coordinator" && options.comments
      ? evaluationComments(db, { ...namingScope }, sources.focusSchool, COMMENT_LIMIT)
      : Promise.resolve(null),
  ]);
  // A school leader's view is about their own school: only its sessions may be named.
  const namedRows = sessionRows.filter((r) => namingSchools === null || r.school_kind === "focus");
  const unattendedTotal = namedRows.reduce((sum, r) => sum + r.sessions - r.with_attendance, 0);
  const smallTotal = namedRows.reduce((sum, r) => sum + r.small_sessions, 0);
  // How many sessions in start order likely hold the first small ones (twice the expected
  // number, at least 200; evaluationNamedSessions checks and falls back when it was not enough).
  const sessionsTotal = namedRows.reduce((sum, r) => sum + r.sessions, 0);
  const smallWalk =
    smallTotal > 0
      ? Math.max(200, Math.ceil((2 * NAMED_SESSIONS * sessionsTotal) / smallTotal))
      : 0;
  const [unattended, small] = await Promise.all([
    unattendedTotal > 0
      ? evaluationNamedSessions(db, namingScope, "noAttendance", NAMED_SESSIONS)
      : Promise.resolve([]),
    smallTotal > 0
      ? evaluationNamedSessions(db, namingScope, "small", NAMED_SESSIONS, smallWalk)
      : Promise.resolve([]),
  ]);

  const model = buildEvaluationModel({
    viewer,
    filters,
    period,
    buckets,
    schools: choices.schools,
    items,
    itemRows,
    scaleRows,
    sessionRows,
    unattended: { total: unattendedTotal, sessions: named(unattended) },
    small: { total: smallTotal, sessions: named(small) },
    comments,
  });

  const ownSchool = choices.schools.find((s) => s.id === filters.school);
  return found({
    model,
    errors,
    choices: {
      periods: periodChoices(today),
      schools:
        viewer === "coordinator"
          ? choices.schools.map((s) => ({ id: s.id, name: s.name, pilot: s.pilot_cohort !== null }))
          : [],
      courses: choices.courses,
      districts:
        viewer === "coordinator"
          ? [...new Set(choices.schools.map((s) => s.district).filter((d) => d !== ""))].sort()
          : [],
      versions: choices.versions.map((v) => v.version),
    },
    names: {
      course: choices.courses.find((c) => c.id === filters.course)?.title ?? null,
      school: ownSchool?.name ?? null,
    },
  });
}
