/**
 * The evaluation page model: one serializable object, with small-group suppression already
 * applied, that the page, the CSV, the XLSX and the annual report all render, so they cannot
 * disagree. Built here, purely, from aggregates per kind of school (focus, pilot, standard) and
 * trend bucket, added up in SQL (db/queries/evaluation.ts); nothing in it can reveal a group of
 * fewer than 5 answers.
 */
import type { EvaluationFilters, ResolvedPeriod, TrendBucket } from "./evaluation-filters";
import { audienceScale, type EvaluationScale, scalesFor, scoreRange } from "./evaluation-scales";
import { FEEDBACK_SCALES, type FeedbackAudience, type FeedbackScaleKey } from "./feedback-bank";
import {
  anovaIccFromSums,
  type ClusterSums,
  designEffect,
  effectiveSampleSize,
  hedgesG,
  type Interval,
  meanAndSd,
  newcombeDifference,
  wilsonFromProportion,
} from "./statistics";
import { MIN_GROUP_SIZE, type SuppressionReason, suppressCells } from "./suppression";

export type Viewer = "coordinator" | "school_leader";
export type GroupKey = "pilot" | "standard" | "total" | "school";

export interface EvaluationGroup {
  key: GroupKey;
  /** The one school of a "school" group (its own name; never another school's for leaders). */
  schoolName: string | null;
}

export type Localized = { da: string; en: string };

/** A figure's cell: shown with its numbers, hidden (and why), or without any answers. */
export type Hidden = { status: "hidden"; reason: SuppressionReason };
export type Empty = { status: "empty" };

export interface ItemFigures {
  status: "shown";
  /** Answers to the item, "Ved ikke" included. */
  answers: number;
  dontKnow: number;
  /** Answers other than "Ved ikke": the top-box share's denominator. */
  valid: number;
  topBox: number;
  /** Answers per option in the scale's order ("Ved ikke" last). */
  distribution: number[];
  /** topBox / valid; null when everyone answered "Ved ikke". */
  share: number | null;
  /** 95% Wilson interval on the effective sample size. */
  interval: Interval | null;
  effectiveN: number;
  designEffect: number;
  sessions: number;
  schools: number;
  /** Answers / registered attendance of the sessions behind the figure that have attendance. */
  responseRate: { answers: number; attendance: number; rate: number } | null;
}

export type ItemCell = ItemFigures | Hidden | Empty;

export interface ItemDifference {
  /** First comparison group minus the second, in percentage points. */
  points: number;
  lower: number;
  upper: number;
}

export interface EvaluationItem {
  key: string;
  text: Localized;
  /** ICC of the top-box indicator between sessions (null: could not be estimated). */
  icc: number | null;
  cells: Partial<Record<GroupKey, ItemCell>>;
  difference: ItemDifference | null;
  /** Per trend group, per bucket key. */
  trend: Partial<Record<GroupKey, Record<string, ItemCell>>>;
  /** Sessions with 1-4 answers to this item: left out of every figure. */
  excludedSessions: number;
}

export interface ScaleFigures {
  status: "shown";
  respondents: number;
  mean: number;
  sd: number | null;
  effectiveN: number;
  sessions: number;
  schools: number;
}

export type ScaleCell = ScaleFigures | Hidden | Empty;

export interface EvaluationScaleResult {
  key: string;
  items: readonly string[];
  range: { min: number; max: number };
  /** A respondent gets a score with at least this many items answered (the scale's rule). */
  minAnswered: number;
  icc: number | null;
  cells: Partial<Record<GroupKey, ScaleCell>>;
  /** Hedges' g of the first comparison group minus the second. */
  hedges: { g: number; lower: number; upper: number } | null;
}

export interface GroupOverview {
  sessions: number;
  schools: number;
  withAttendance: number;
  attendance: number;
  respondentsWithAttendance: number;
  responseRate: number | null;
  smallSessions: number;
}

export interface NamedSessionRef {
  id: number;
  date: string;
  schoolName: string;
  courseTitle: string;
}

export interface EvaluationModel {
  viewer: Viewer;
  filters: EvaluationFilters;
  period: ResolvedPeriod;
  audience: FeedbackAudience;
  scale: FeedbackScaleKey;
  options: Array<{ value: string; topBox: boolean; dontKnow: boolean }>;
  groups: EvaluationGroup[];
  comparison: [GroupKey, GroupKey] | null;
  trendGroups: GroupKey[];
  buckets: TrendBucket[];
  overview: Partial<Record<GroupKey, GroupOverview>>;
  items: EvaluationItem[];
  scales: EvaluationScaleResult[];
  unattended: { total: number; sessions: NamedSessionRef[] };
  small: { total: number; sessions: NamedSessionRef[] };
  /** Coordinators only, on request, per group of 5+ respondents; null when not shown. */
  comments: Partial<Record<GroupKey, string[]>> | null;
  commentCounts: Partial<Record<GroupKey, number>> | null;
  threshold: number;
}

// ---------------------------------------------------------------------------------------------
// Input: what the service loads
// ---------------------------------------------------------------------------------------------

export interface SchoolRow {
  id: number;
  name: string;
  pilot_cohort: number | null;
}

/**
 * Where a school stands in a view: the school a "school" view is about, otherwise a pilot or a
 * standard school. Every group on the page is a union of these.
 */
export type SchoolKind = "focus" | "pilot" | "standard";

/** What every aggregate row is about: a kind of school, in one trend bucket or the whole period. */
export interface AggregateKey {
  school_kind: SchoolKind;
  /** The trend bucket's index; null = the whole period. */
  bucket: number | null;
  /** Schools with sessions behind the row (each school once, also across buckets). */
  schools: number;
}

export interface ItemRow extends AggregateKey {
  item_key: string;
  sessions: number;
  answers: number;
  dont_know: number;
  top_box: number;
  option_1: number;
  option_2: number;
  option_3: number;
  option_4: number;
  option_5: number;
  option_6: number;
  clusters: number;
  top_box_sq_over_valid: number;
  valid_sq: number;
  answers_with_attendance: number;
  attendance: number;
  excluded_sessions: number;
}

export interface ScaleRow extends AggregateKey {
  scale_key: string;
  sessions: number;
  respondents: number;
  score_sum: number;
  score_sum_squares: number;
  sum_sq_over_n: number;
  n_sq: number;
}

/** The whole period only. */
export interface SessionRow extends AggregateKey {
  sessions: number;
  with_attendance: number;
  attendance: number;
  respondents_with_attendance: number;
  small_sessions: number;
  comments: number;
}

export interface EvaluationInput {
  viewer: Viewer;
  filters: EvaluationFilters;
  period: ResolvedPeriod;
  buckets: TrendBucket[];
  schools: readonly SchoolRow[];
  /** The form's items in order, with their wording. */
  items: ReadonlyArray<{ key: string; text: Localized }>;
  itemRows: readonly ItemRow[];
  scaleRows: readonly ScaleRow[];
  sessionRows: readonly SessionRow[];
  unattended: { total: number; sessions: NamedSessionRef[] };
  small: { total: number; sessions: NamedSessionRef[] };
  comments: ReadonlyArray<{ school_kind: SchoolKind; comment: string }> | null;
}

// ---------------------------------------------------------------------------------------------
// Groups and segments
// ---------------------------------------------------------------------------------------------

/**
 * Segments are disjoint sets of schools (the atoms' first dimension); a group is a union of
 * segments. "Standard schools" for a school view includes the school itself when it is a standard
 * school (the municipal benchmark), and never names another school.
 */
type Segment = "pilot" | "standard" | "school" | "others";

interface Layout {
  groups: EvaluationGroup[];
  members: Record<GroupKey, Segment[]>;
  comparison: [GroupKey, GroupKey] | null;
  trendGroups: GroupKey[];
  segmentOf: (kind: SchoolKind) => Segment | null;
}

export function evaluationLayout(
  filters: Pick<EvaluationFilters, "cohort" | "school">,
  schools: readonly SchoolRow[],
): Layout {
  const isPilot = (s: SchoolRow) => s.pilot_cohort !== null;
  if (filters.cohort === "school") {
    const school = schools.find((s) => s.id === filters.school);
    const own = school ? [school] : [];
    const ownIsStandard = school ? !isPilot(school) : false;
    return {
      groups: [
        { key: "school", schoolName: own[0]?.name ?? null },
        { key: "standard", schoolName: null },
      ],
      members: {
        school: ["school"],
        standard: ownIsStandard ? ["school", "others"] : ["others"],
        pilot: [],
        total: [],
      },
      comparison: ["school", "standard"],
      trendGroups: ["school", "standard"],
      segmentOf: (kind) => (kind === "focus" ? "school" : kind === "pilot" ? null : "others"),
    };
  }
  if (filters.cohort === "pilot" || filters.cohort === "standard") {
    const key = filters.cohort;
    return {
      groups: [{ key, schoolName: null }],
      members: { pilot: ["pilot"], standard: ["standard"], total: [], school: [] },
      comparison: null,
      trendGroups: [key],
      segmentOf: (kind) => (kind === key ? key : null),
    };
  }
  return {
    groups: [
      { key: "pilot", schoolName: null },
      { key: "standard", schoolName: null },
      { key: "total", schoolName: null },
    ],
    members: { pilot: ["pilot"], standard: ["standard"], total: ["pilot", "standard"], school: [] },
    comparison: ["pilot", "standard"],
    trendGroups: ["pilot", "standard"],
    segmentOf: (kind) => (kind === "focus" ? null : kind),
  };
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

function sumBy<T>(rows: readonly T[], pick: (row: T) => number): number {
  let total = 0;
  for (const row of rows) total += pick(row);
  return total;
}

const OPTION_KEYS = [
  "option_1",
  "option_2",
  "option_3",
  "option_4",
  "option_5",
  "option_6",
] as const;

export function buildEvaluationModel(input: EvaluationInput): EvaluationModel {
  const audience = input.filters.audience;
  const scaleKey = audienceScale(audience);
  const options = FEEDBACK_SCALES[scaleKey].options;
  const layout = evaluationLayout(input.filters, input.schools);
  const groupKeys = layout.groups.map((g) => g.key);
  const segments = [...new Set(groupKeys.flatMap((g) => layout.members[g]))];
  const inGroup = (group: GroupKey, kind: SchoolKind) => {
    const segment = layout.segmentOf(kind);
    return segment !== null && layout.members[group].includes(segment);
  };
  // Segments are disjoint sets of schools, so the schools of a union are the sum of its parts'.
  const inSegment = (segment: Segment, bucket: number | null) => (r: AggregateKey) =>
    r.bucket === bucket && layout.segmentOf(r.school_kind) === segment;
  const inCell = (group: GroupKey, bucket: number | null) => (r: AggregateKey) =>
    r.bucket === bucket && inGroup(group, r.school_kind);
  const bucketKeys = input.buckets.map((b) => b.key);

  // Cells for suppression: atoms = segment x bucket; a group's cell covers its segments in every
  // bucket, a trend cell one bucket.
  const atomId = (segment: Segment, bucket: number) => `${segment}|${bucket}`;
  const groupAtoms = (group: GroupKey, bucket: number | null) =>
    layout.members[group].flatMap((segment) =>
      bucket === null ? input.buckets.map((_, b) => atomId(segment, b)) : [atomId(segment, bucket)],
    );
  const suppressionCells: Record<string, string[]> = {};
  for (const group of groupKeys) suppressionCells[group] = groupAtoms(group, null);
  for (const group of layout.trendGroups) {
    input.buckets.forEach((_, b) => {
      suppressionCells[`${group}@${b}`] = groupAtoms(group, b);
    });
  }
  const suppress = (countOf: (segment: Segment, bucket: number) => number) => {
    const atoms: Record<string, number> = {};
    for (const segment of segments) {
      input.buckets.forEach((_, b) => {
        atoms[atomId(segment, b)] = countOf(segment, b);
      });
    }
    return suppressCells({ atoms, cells: suppressionCells, threshold: MIN_GROUP_SIZE });
  };

  // ---- items ----
  const items: EvaluationItem[] = input.items.map((item) => {
    const rows = input.itemRows.filter((r) => r.item_key === item.key);
    const rowsOf = (group: GroupKey, bucket: number | null) => rows.filter(inCell(group, bucket));
    const hidden = suppress((segment, bucket) =>
      sumBy(rows.filter(inSegment(segment, bucket)), (r) => r.answers),
    );
    // ICC of the top-box indicator, with the segments as strata.
    const strata: ClusterSums[] = segments.map((segment) => {
      const mine = rows.filter(inSegment(segment, null));
      const topBox = sumBy(mine, (r) => r.top_box);
      return {
        clusters: sumBy(mine, (r) => r.clusters),
        n: sumBy(mine, (r) => r.answers - r.dont_know),
        sum: topBox,
        sumSquares: topBox,
        sumSqOverN: sumBy(mine, (r) => r.top_box_sq_over_valid),
        nSquared: sumBy(mine, (r) => r.valid_sq),
      };
    });
    const icc = anovaIccFromSums(strata);

    const figures = (
      cellRows: ItemRow[],
      hiddenReason: SuppressionReason | undefined,
    ): ItemCell => {
      if (hiddenReason) return { status: "hidden", reason: hiddenReason };
      const answers = sumBy(cellRows, (r) => r.answers);
      if (answers === 0) return { status: "empty" };
      const dontKnow = sumBy(cellRows, (r) => r.dont_know);
      const topBox = sumBy(cellRows, (r) => r.top_box);
      const valid = answers - dontKnow;
      const clusters = sumBy(cellRows, (r) => r.clusters);
      const share = valid > 0 ? topBox / valid : null;
      const effectiveN = effectiveSampleSize(valid, clusters, icc);
      const attendance = sumBy(cellRows, (r) => r.attendance);
      const answered = sumBy(cellRows, (r) => r.answers_with_attendance);
      return {
        status: "shown",
        answers,
        dontKnow,
        valid,
        topBox,
        distribution: options.map((_, i) => sumBy(cellRows, (r) => r[OPTION_KEYS[i]])),
        share,
        interval: share === null ? null : wilsonFromProportion(share, effectiveN),
        effectiveN,
        designEffect: clusters > 0 && icc !== null ? designEffect(valid / clusters, icc) : 1,
        sessions: sumBy(cellRows, (r) => r.sessions),
        schools: sumBy(cellRows, (r) => r.schools),
        responseRate:
          attendance > 0 ? { answers: answered, attendance, rate: answered / attendance } : null,
      };
    };

    const cells: Partial<Record<GroupKey, ItemCell>> = {};
    for (const group of groupKeys) cells[group] = figures(rowsOf(group, null), hidden.get(group));
    const trend: Partial<Record<GroupKey, Record<string, ItemCell>>> = {};
    for (const group of layout.trendGroups) {
      trend[group] = Object.fromEntries(
        bucketKeys.map((key, b) => [key, figures(rowsOf(group, b), hidden.get(`${group}@${b}`))]),
      );
    }
    let difference: ItemDifference | null = null;
    if (layout.comparison) {
      const [a, b] = layout.comparison.map((g) => cells[g]);
      if (a?.status === "shown" && b?.status === "shown" && a.share !== null && b.share !== null) {
        const d = newcombeDifference(a.share, a.effectiveN, b.share, b.effectiveN);
        if (d)
          difference = { points: d.difference * 100, lower: d.lower * 100, upper: d.upper * 100 };
      }
    }
    return {
      key: item.key,
      text: item.text,
      icc,
      cells,
      difference,
      trend,
      excludedSessions: sumBy(
        rows.filter((r) => r.bucket === null && layout.segmentOf(r.school_kind) !== null),
        (r) => r.excluded_sessions,
      ),
    };
  });

  // ---- scales ----
  const scales = scalesFor(audience).map((scale: EvaluationScale): EvaluationScaleResult => {
    const rows = input.scaleRows.filter((r) => r.scale_key === scale.key);
    const hidden = suppress((segment, bucket) =>
      sumBy(rows.filter(inSegment(segment, bucket)), (r) => r.respondents),
    );
    const icc = anovaIccFromSums(
      segments.map((segment) => {
        const mine = rows.filter(inSegment(segment, null));
        return {
          clusters: sumBy(mine, (r) => r.sessions),
          n: sumBy(mine, (r) => r.respondents),
          sum: sumBy(mine, (r) => r.score_sum),
          sumSquares: sumBy(mine, (r) => r.score_sum_squares),
          sumSqOverN: sumBy(mine, (r) => r.sum_sq_over_n),
          nSquared: sumBy(mine, (r) => r.n_sq),
        };
      }),
    );
    const cells: Partial<Record<GroupKey, ScaleCell>> = {};
    for (const group of groupKeys) {
      const reason = hidden.get(group);
      if (reason) {
        cells[group] = { status: "hidden", reason };
        continue;
      }
      const mine = rows.filter(inCell(group, null));
      const moments = {
        n: sumBy(mine, (r) => r.respondents),
        sum: sumBy(mine, (r) => r.score_sum),
        sumSquares: sumBy(mine, (r) => r.score_sum_squares),
      };
      const stats = meanAndSd(moments);
      const sessions = sumBy(mine, (r) => r.sessions);
      cells[group] = stats
        ? {
            status: "shown",
            respondents: stats.n,
            mean: stats.mean,
            sd: stats.sd,
            effectiveN: effectiveSampleSize(stats.n, sessions, icc),
            sessions,
            schools: sumBy(mine, (r) => r.schools),
          }
        : { status: "empty" };
    }
    let hedges: EvaluationScaleResult["hedges"] = null;
    if (layout.comparison) {
      const [a, b] = layout.comparison.map((g) => cells[g]);
      if (a?.status === "shown" && b?.status === "shown" && a.sd !== null && b.sd !== null) {
        const result = hedgesG(
          { n: a.respondents, mean: a.mean, sd: a.sd },
          { n: b.respondents, mean: b.mean, sd: b.sd },
          { n1: a.effectiveN, n2: b.effectiveN },
        );
        if (result) hedges = { g: result.g, lower: result.lower, upper: result.upper };
      }
    }
    return {
      key: scale.key,
      items: scale.items,
      range: scoreRange(scaleKey),
      minAnswered: scale.minAnswered,
      icc,
      cells,
      hedges,
    };
  });

  // ---- overview, comments ----
  const overview: Partial<Record<GroupKey, GroupOverview>> = {};
  const commentCounts: Partial<Record<GroupKey, number>> = {};
  for (const group of groupKeys) {
    const mine = input.sessionRows.filter(inCell(group, null));
    const attendance = sumBy(mine, (r) => r.attendance);
    const respondents = sumBy(mine, (r) => r.respondents_with_attendance);
    overview[group] = {
      sessions: sumBy(mine, (r) => r.sessions),
      schools: sumBy(mine, (r) => r.schools),
      withAttendance: sumBy(mine, (r) => r.with_attendance),
      attendance,
      respondentsWithAttendance: respondents,
      responseRate: attendance > 0 ? respondents / attendance : null,
      smallSessions: sumBy(mine, (r) => r.small_sessions),
    };
    commentCounts[group] = sumBy(mine, (r) => r.comments);
  }
  const commentGroups = groupKeys.filter((g) => g !== "total");
  const comments =
    input.viewer === "coordinator" && input.comments
      ? Object.fromEntries(
          commentGroups.map((group) => [
            group,
            input.comments?.filter((c) => inGroup(group, c.school_kind)).map((c) => c.comment) ??
              [],
          ]),
        )
      : null;

  return {
    viewer: input.viewer,
    filters: input.filters,
    period: input.period,
    audience,
    scale: scaleKey,
    options: options.map((o) => ({ value: o.value, topBox: o.topBox, dontKnow: o.isDontKnow })),
    groups: layout.groups,
    comparison: layout.comparison,
    trendGroups: layout.trendGroups,
    buckets: input.buckets,
    overview,
    items,
    scales,
    unattended: input.unattended,
    small: input.small,
    comments,
    commentCounts: input.viewer === "coordinator" ? commentCounts : null,
    threshold: MIN_GROUP_SIZE,
  };
}
