/**
 * Descriptive statistics for the evaluation (pure; no I/O). Every function is tested against
 * published reference values in tests/unit/statistics.test.ts, never against its own output.
 *
 * - Wilson score interval for one proportion (Wilson 1927; Newcombe 1998a, method 3).
 * - Newcombe's hybrid score interval for a difference of two independent proportions
 *   (Newcombe 1998b, method 10).
 * - One-way ANOVA estimator of the intraclass correlation between sessions (clusters), with an
 *   optional split into strata (pilot / standard) so that a difference between the strata is not
 *   counted as clustering. With one stratum it is the textbook ICC(1) (Shrout & Fleiss 1979).
 * - Design effect DEFF = 1 + (m - 1) * ICC (Kish 1965) and the effective sample size n / DEFF; the
 *   intervals are computed on the effective sample size.
 * - Hedges' g (small-sample corrected standardized mean difference) with its 95% interval
 *   (Borenstein, Hedges, Higgins & Rothstein 2009, ch. 4).
 */

/** The 97.5% quantile of the standard normal distribution (two-sided 95%). */
export const Z95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion `p` observed on `n` answers. `n` may be an effective
 * (non-integer) sample size. Returns null when there is nothing to estimate (n = 0).
 */
export function wilsonFromProportion(p: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !Number.isFinite(n)) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`proportion out of range: ${p}`);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: p === 0 ? 0 : Math.max(0, centre - half),
    upper: p === 1 ? 1 : Math.min(1, centre + half),
  };
}

export interface DifferenceEstimate extends Interval {
  /** p1 - p2 */
  difference: number;
}

/**
 * Newcombe's hybrid score interval (method 10) for p1 - p2 of two independent proportions, from
 * each proportion's Wilson interval. `n1`, `n2` may be effective sample sizes.
 */
export function newcombeDifference(
  p1: number,
  n1: number,
  p2: number,
  n2: number,
  z = Z95,
): DifferenceEstimate | null {
  const a = wilsonFromProportion(p1, n1, z);
  const b = wilsonFromProportion(p2, n2, z);
  if (!a || !b) return null;
  const difference = p1 - p2;
  return {
    difference,
    lower: difference - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper: difference + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  };
}

/**
 * What one cluster (session) contributes: the number of observations, their sum and the sum of
 * their squares. For a 0/1 indicator (top box) `sumSquares` equals `sum`.
 */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

/**
 * What the ICC needs from one stratum's clusters (sessions), added up: the number of clusters with
 * observations, observations, their sum and sum of squares, the sum over clusters of
 * (cluster sum)^2 / (cluster size), and the sum of squared cluster sizes. Additive, so it can be
 * summed in SQL or across schools.
 */
export interface ClusterSums {
  clusters: number;
  n: number;
  sum: number;
  sumSquares: number;
  sumSqOverN: number;
  nSquared: number;
}

export function clusterSums(clusters: ReadonlyArray<Moments>): ClusterSums {
  const present = clusters.filter((c) => c.n > 0);
  return {
    clusters: present.length,
    n: present.reduce((a, c) => a + c.n, 0),
    sum: present.reduce((a, c) => a + c.sum, 0),
    sumSquares: present.reduce((a, c) => a + c.sumSquares, 0),
    sumSqOverN: present.reduce((a, c) => a + (c.sum * c.sum) / c.n, 0),
    nSquared: present.reduce((a, c) => a + c.n * c.n, 0),
  };
}

/**
 * One-way ANOVA estimator of the intraclass correlation with clusters nested in strata:
 *
 *   ICC = (MSB - MSW) / (MSB + (n0 - 1) * MSW), floored at 0,
 *
 * where MSB is the between-cluster mean square around each stratum's mean (df = k - S), MSW the
 * within-cluster mean square (df = N - k) and n0 = (N - sum_s sum_i n_i^2 / N_s) / (k - S) the
 * average cluster size for unbalanced data. With a single stratum this is the one-way ICC(1).
 * Returns null when it cannot be estimated: no stratum has two clusters, or no cluster has two
 * observations.
 */
export function anovaIccFromSums(strata: ReadonlyArray<ClusterSums>): number | null {
  let total = 0;
  let clusters = 0;
  let usedStrata = 0;
  let ssWithin = 0;
  let ssBetween = 0;
  let sizeTerm = 0;
  for (const s of strata) {
    if (s.clusters === 0 || s.n === 0) continue;
    usedStrata++;
    clusters += s.clusters;
    total += s.n;
    ssWithin += s.sumSquares - s.sumSqOverN;
    ssBetween += s.sumSqOverN - (s.sum * s.sum) / s.n;
    sizeTerm += s.nSquared / s.n;
  }
  const dfBetween = clusters - usedStrata;
  const dfWithin = total - clusters;
  if (dfBetween < 1 || dfWithin < 1) return null;
  // Sums of squares of exact data can come out a hair below zero in floating point.
  const msBetween = Math.max(0, ssBetween) / dfBetween;
  const msWithin = Math.max(0, ssWithin) / dfWithin;
  const n0 = (total - sizeTerm) / dfBetween;
  const denominator = msBetween + (n0 - 1) * msWithin;
  if (denominator <= 0) return 0;
  return Math.max(0, (msBetween - msWithin) / denominator);
}

/** Kish's design effect for clusters of mean size `m`. */
export function designEffect(meanClusterSize: number, icc: number): number {
  return 1 + (Math.max(1, meanClusterSize) - 1) * Math.max(0, icc);
}

/**
 * The effective sample size n / DEFF, with m = n / clusters (mean answers per session). An ICC
 * that could not be estimated (null) leaves n unchanged; callers say so next to the figure.
 */
export function effectiveSampleSize(n: number, clusters: number, icc: number | null): number {
  if (n === 0 || clusters === 0 || icc === null) return n;
  return n / designEffect(n / clusters, icc);
}

export interface MeanAndSd {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator); null for n < 2. */
  sd: number | null;
}

export function meanAndSd(m: Moments): MeanAndSd | null {
  if (m.n === 0) return null;
  const mean = m.sum / m.n;
  if (m.n < 2) return { n: m.n, mean, sd: null };
  const variance = Math.max(0, (m.sumSquares - m.n * mean * mean) / (m.n - 1));
  return { n: m.n, mean, sd: Math.sqrt(variance) };
}

export interface HedgesG extends Interval {
  /** Cohen's d with the pooled within-group SD. */
  d: number;
  /** Small-sample correction J = 1 - 3 / (4 df - 1). */
  j: number;
  g: number;
  /** Variance of g: J^2 * ((n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2))). */
  variance: number;
}

/**
 * Hedges' g for group 1 minus group 2 with its 95% interval (Borenstein et al. 2009, eq. 4.18-4.24).
 * d and J use the actual group sizes; the variance may use effective sizes (clustered answers), so
 * the interval widens with the design effect. Null when it cannot be computed (n < 2 in a group or
 * no variation at all).
 */
export function hedgesG(
  group1: { n: number; mean: number; sd: number },
  group2: { n: number; mean: number; sd: number },
  effective: { n1: number; n2: number } = { n1: group1.n, n2: group2.n },
  z = Z95,
): HedgesG | null {
  const { n: n1 } = group1;
  const { n: n2 } = group2;
  const df = n1 + n2 - 2;
  if (n1 < 2 || n2 < 2) return null;
  const pooled = Math.sqrt(((n1 - 1) * group1.sd ** 2 + (n2 - 1) * group2.sd ** 2) / df);
  if (!(pooled > 0)) return null;
  const d = (group1.mean - group2.mean) / pooled;
  const j = 1 - 3 / (4 * df - 1);
  const g = j * d;
  const e1 = effective.n1;
  const e2 = effective.n2;
  const varianceD = (e1 + e2) / (e1 * e2) + (d * d) / (2 * (e1 + e2));
  const variance = j * j * varianceD;
  const half = z * Math.sqrt(variance);
  return { d, j, g, variance, lower: g - half, upper: g + half };
}
