/**
 * How the evaluation's numbers are rounded and labelled. The page, the CSV and the XLSX all go
 * through these, so a number reads the same everywhere ("exactly the numbers on the page").
 */
import type { MessageKey, MessageParams } from "../i18n";
import type { EvaluationModel, GroupKey } from "./evaluation";
import type { TrendBucket } from "./evaluation-filters";

/** `t` of the UI or `translate` bound to a locale: only existing keys (see `MessageKey`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A proportion as a percentage with one decimal (0.7234 -> 72.3). */
export function percent(proportion: number): number {
  return Math.round(proportion * 1000) / 10;
}

/** Percentage points, ICCs, means, SDs, effect sizes: fixed decimals. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Decimal places used for each kind of number (page, CSV, XLSX number format). */
export const DIGITS = {
  percent: 1,
  points: 1,
  icc: 3,
  mean: 2,
  sd: 2,
  g: 2,
  effectiveN: 1,
  designEffect: 2,
} as const;

/** A rounded number in the UI language: decimal comma in Danish. */
export function formatNumber(value: number, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale === "da" ? "da-DK" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function groupLabel(model: EvaluationModel, key: GroupKey, t: Translate): string {
  const group = model.groups.find((g) => g.key === key);
  return t(`evaluation.group.${key}`, { school: group?.schoolName ?? "" });
}

export function bucketLabel(bucket: TrendBucket, t: Translate): string {
  return t(`evaluation.trend.bucket.${bucket.kind}`, { year: bucket.year });
}

export function periodLabel(model: EvaluationModel, t: Translate): string {
  const p = model.period;
  if (p.kind === "year") return t("evaluation.filter.year", { year: p.year ?? "" });
  if (p.kind === "schoolYear") {
    return t("evaluation.filter.schoolYear", { year: p.year ?? "", next: (p.year ?? 0) + 1 });
  }
  return t("evaluation.period.range", { from: p.from, to: p.to });
}

export function topBoxLabel(model: EvaluationModel, t: Translate): string {
  return t(`evaluation.topBox.${model.scale}`);
}
