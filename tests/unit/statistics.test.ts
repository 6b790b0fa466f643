import { describe, expect, it } from "vitest";
import {
  anovaIccFromSums,
  clusterSums,
  designEffect,
  effectiveSampleSize,
  hedgesG,
  type Moments,
  meanAndSd,
  newcombeDifference,
  wilsonFromProportion,
  Z95,
} from "../../app/domain/statistics";

/** Wilson interval for `successes` out of `n`, through the proportion form the app uses. */
function wilsonInterval(successes: number, n: number) {
  return wilsonFromProportion(successes / n, n);
}

/** The ICC from each cluster's moments, through the additive sums the app uses. */
function anovaIcc(strata: Moments[][]): number | null {
  return anovaIccFromSums(strata.map(clusterSums));
}

/** Moments of a 0/1 indicator: `successes` ones among `n`. */
function indicatorMoments(successes: number, n: number): Moments {
  return { n, sum: successes, sumSquares: successes };
}

/** Moments of a list of observations. */
function moments(values: number[]): Moments {
  return {
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumSquares: values.reduce((a, b) => a + b * b, 0),
  };
}

describe("Wilson score interval", () => {
  // Newcombe RG (1998a). Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Stat Med 17:857-872, Table I, method 3 (score method without continuity
  // correction), examples (i)-(iv).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i gives %f to %f (Newcombe 1998a)", (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci?.lower).toBeCloseTo(lower, 4);
    expect(ci?.upper).toBeCloseTo(upper, 4);
  });

  // Wilson EB (1927), JASA 22:209-212: at x = 0 the interval is [0, z^2 / (n + z^2)], and by
  // symmetry at x = n it is [n / (n + z^2), 1]; for n = 10: 0.2775 (also Newcombe 1998b, Table II
  // example (f) bounds).
  it("0/10 runs from exactly 0 to 0.2775", () => {
    const ci = wilsonInterval(0, 10);
    expect(ci?.lower).toBe(0);
    expect(ci?.upper).toBeCloseTo(0.2775, 4);
  });

  it("10/10 runs from 0.7225 to exactly 1", () => {
    const ci = wilsonInterval(10, 10);
    expect(ci?.lower).toBeCloseTo(0.7225, 4);
    expect(ci?.upper).toBe(1);
  });

  it("0/0 has no interval", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonFromProportion(0.5, 0)).toBeNull();
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });

  it("uses the two-sided 95% normal quantile", () => {
    expect(Z95).toBeCloseTo(1.959964, 6);
  });
});

describe("Newcombe hybrid score interval for a difference (method 10)", () => {
  // Newcombe RG (1998b). Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 17:873-890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
  ])("%i/%i vs %i/%i gives %f to %f", (x1, n1, x2, n2, lower, upper) => {
    const result = newcombeDifference(x1 / n1, n1, x2 / n2, n2);
    expect(result?.difference).toBeCloseTo(x1 / n1 - x2 / n2, 10);
    expect(result?.lower).toBeCloseTo(lower, 4);
    expect(result?.upper).toBeCloseTo(upper, 4);
  });

  it("has no interval when a group has no answers", () => {
    expect(newcombeDifference(0.5, 10, 0, 0)).toBeNull();
  });
});

describe("intraclass correlation (one-way ANOVA)", () => {
  // Shrout PE, Fleiss JL (1979). Intraclass correlations: uses in assessing rater reliability.
  // Psychol Bull 86:420-428, Table 2: six targets rated by four judges; one-way random effects
  // ICC(1,1) = (BMS - WMS) / (BMS + (k - 1) WMS) with BMS = 11.24, WMS = 6.26, i.e. 0.166 (.17).
  const table = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it("matches Shrout & Fleiss's ICC(1,1) for their Table 2", () => {
    const icc = anovaIcc([table.map(moments)]);
    expect(icc).toBeCloseTo((11.24 - 6.26) / (11.24 + 3 * 6.26), 3);
    expect(icc).toBeCloseTo(0.17, 2);
  });

  it("does not depend on the order of the clusters", () => {
    expect(anovaIcc([[...table].reverse().map(moments)])).toBeCloseTo(
      anovaIcc([table.map(moments)]) ?? Number.NaN,
      12,
    );
  });

  it("is floored at 0 when sessions differ less than chance would make them", () => {
    // Every session has exactly the same mix: MSB = 0 < MSW.
    const same = [1, 1, 0, 0];
    expect(anovaIcc([[moments(same), moments(same), moments(same)]])).toBe(0);
  });

  it("is 1 when answers agree within every session and differ between them", () => {
    expect(
      anovaIcc([[indicatorMoments(5, 5), indicatorMoments(0, 5), indicatorMoments(5, 5)]]),
    ).toBeCloseTo(1, 10);
  });

  it("does not count a difference between strata (pilot vs standard) as clustering", () => {
    const pilot = [indicatorMoments(8, 10), indicatorMoments(8, 10)];
    const standard = [indicatorMoments(2, 10), indicatorMoments(2, 10)];
    expect(anovaIcc([[...pilot, ...standard]])).toBeGreaterThan(0.3);
    expect(anovaIcc([pilot, standard])).toBe(0);
  });

  it("cannot be estimated from one session per stratum", () => {
    expect(anovaIcc([[indicatorMoments(3, 10)], [indicatorMoments(5, 9)]])).toBeNull();
    expect(anovaIcc([])).toBeNull();
  });
});

describe("design effect and effective sample size", () => {
  it("DEFF = 1 + (m - 1) * ICC (Kish 1965)", () => {
    expect(designEffect(25, 0.05)).toBeCloseTo(2.2, 12);
    expect(designEffect(1, 0.5)).toBe(1);
  });

  it("with ICC 0 the interval equals the plain Wilson interval", () => {
    const nEff = effectiveSampleSize(120, 6, 0);
    expect(nEff).toBe(120);
    expect(wilsonFromProportion(84 / 120, nEff)).toEqual(wilsonInterval(84, 120));
  });

  it("clustering widens the interval around the same share", () => {
    const nEff = effectiveSampleSize(120, 6, 0.1); // m = 20, DEFF = 2.9
    expect(nEff).toBeCloseTo(120 / 2.9, 10);
    const plain = wilsonInterval(84, 120);
    const clustered = wilsonFromProportion(84 / 120, nEff);
    expect(clustered!.lower).toBeLessThan(plain!.lower);
    expect(clustered!.upper).toBeGreaterThan(plain!.upper);
  });

  it("leaves n unchanged when the ICC could not be estimated", () => {
    expect(effectiveSampleSize(40, 1, null)).toBe(40);
  });
});

describe("Hedges' g", () => {
  // Borenstein M, Hedges LV, Higgins JPT, Rothstein HR (2009). Introduction to Meta-Analysis,
  // Wiley, chapter 4 worked example: means 103 and 100, SD 5.5 and 4.5, n 50 and 50:
  // S_within = 5.0249, d = 0.5970, V_d = 0.0418, J = 0.9923, g = 0.5924, V_g = 0.0412, SE_g = 0.2028.
  const treated = { n: 50, mean: 103, sd: 5.5 };
  const control = { n: 50, mean: 100, sd: 4.5 };

  it("matches the textbook example", () => {
    const result = hedgesG(treated, control);
    expect(result?.d).toBeCloseTo(0.597, 4);
    expect(result?.j).toBeCloseTo(0.9923, 4);
    expect(result?.g).toBeCloseTo(0.5924, 4);
    expect(result?.variance).toBeCloseTo(0.0412, 3);
    expect(Math.sqrt(result?.variance ?? 0)).toBeCloseTo(0.2028, 3);
    // 95% interval g +/- 1.96 SE_g.
    expect(result?.lower).toBeCloseTo(0.5924 - 1.96 * 0.2028, 2);
    expect(result?.upper).toBeCloseTo(0.5924 + 1.96 * 0.2028, 2);
  });

  it("changes sign when the groups swap", () => {
    const ab = hedgesG(treated, control);
    const ba = hedgesG(control, treated);
    expect(ba?.g).toBeCloseTo(-(ab?.g ?? 0), 12);
  });

  it("widens the interval, not the estimate, for clustered answers", () => {
    const plain = hedgesG(treated, control);
    const clustered = hedgesG(treated, control, { n1: 25, n2: 25 });
    expect(clustered?.g).toBe(plain?.g);
    expect(clustered!.upper - clustered!.lower).toBeGreaterThan(plain!.upper - plain!.lower);
  });

  it("is not computed for a group of one or without any spread", () => {
    expect(hedgesG({ n: 1, mean: 3, sd: 0 }, control)).toBeNull();
    expect(hedgesG({ n: 5, mean: 3, sd: 0 }, { n: 5, mean: 2, sd: 0 })).toBeNull();
  });
});

describe("mean and SD from moments", () => {
  it("uses the n - 1 denominator", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7.
    const result = meanAndSd(moments([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(result?.mean).toBe(5);
    expect(result?.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("has no SD for one value and nothing for none", () => {
    expect(meanAndSd(moments([3]))).toEqual({ n: 1, mean: 3, sd: null });
    expect(meanAndSd(moments([]))).toBeNull();
  });
});
