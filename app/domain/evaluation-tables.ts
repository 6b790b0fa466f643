/**
 * The evaluation model as flat tables, for the exports: one sheet per table in the XLSX, and the
 * same rows melted into one long CSV. Numbers are rounded exactly as on the page; a hidden cell
 * has no numbers, only its status.
 */
import type { KeySuffix } from "../i18n";
import { messageKey } from "../i18n/format";
import type { EvaluationModel, GroupKey, ItemCell, ScaleCell } from "./evaluation";
import {
  bucketLabel,
  DIGITS,
  groupLabel,
  percent,
  round,
  type Translate,
  topBoxLabel,
} from "./evaluation-format";
import { FEEDBACK_SCALES } from "./feedback-bank";

export interface ExportColumn {
  header: string;
  /** For label columns: where the CSV puts it. */
  role?: "subject" | "group" | "period";
  /** What the column means (the XLSX explanation sheet). */
  description: string;
  /** Decimal places for number columns; undefined for text. */
  digits?: number;
}

export interface ExportRow {
  /** Text cells first (subject, group, period), then `values` in column order. */
  labels: string[];
  status: string;
  values: Array<number | null>;
}

export interface ExportTable {
  /** Sheet name (max 31 characters). */
  name: string;
  labelColumns: ExportColumn[];
  valueColumns: ExportColumn[];
  rows: ExportRow[];
}

function statusOf(cell: ItemCell | ScaleCell | undefined, t: Translate): string {
  if (!cell || cell.status === "empty") return t("evaluation.cell.empty");
  if (cell.status === "hidden") return t(`evaluation.cell.${cell.reason}`);
  return t("evaluation.export.shown");
}

function itemValues(cell: ItemCell | undefined, optionCount: number): Array<number | null> {
  if (cell?.status !== "shown") return new Array<number | null>(optionCount + 12).fill(null);
  return [
    cell.answers,
    ...cell.distribution,
    cell.valid,
    cell.topBox,
    cell.share === null ? null : percent(cell.share),
    cell.interval ? percent(cell.interval.lower) : null,
    cell.interval ? percent(cell.interval.upper) : null,
    round(cell.effectiveN, DIGITS.effectiveN),
    round(cell.designEffect, DIGITS.designEffect),
    cell.sessions,
    cell.schools,
    cell.responseRate ? percent(cell.responseRate.rate) : null,
    cell.responseRate?.answers ?? null,
    cell.responseRate?.attendance ?? null,
  ];
}

export function evaluationTables(
  model: EvaluationModel,
  t: Translate,
  locale: "da" | "en",
): ExportTable[] {
  const options = FEEDBACK_SCALES[model.scale].options;
  const topBox = topBoxLabel(model, t);
  const col = (
    key: KeySuffix<"evaluation.export.col."> & KeySuffix<"evaluation.export.desc.">,
    digits?: number,
    params?: Record<string, string | number>,
  ): ExportColumn => ({
    header: t(`evaluation.export.col.${key}`, params),
    description: t(`evaluation.export.desc.${key}`, { ...params, topBox }),
    digits,
  });
  const subject: ExportColumn = { ...col("question"), role: "subject" };
  const group: ExportColumn = { ...col("group"), role: "group" };
  const period: ExportColumn = { ...col("period"), role: "period" };
  const itemColumns: ExportColumn[] = [
    col("n", 0),
    ...options.map((o) => ({
      header: o.labels[locale] ?? o.labels.da ?? o.value,
      description: t("evaluation.export.desc.option", { option: o.labels[locale] ?? o.value }),
      digits: 0,
    })),
    col("valid", 0),
    col("topBox", 0),
    col("share", DIGITS.percent, { topBox }),
    col("lower", DIGITS.percent),
    col("upper", DIGITS.percent),
    col("neff", DIGITS.effectiveN),
    col("deff", DIGITS.designEffect),
    col("sessions", 0),
    col("schools", 0),
    col("responseRate", DIGITS.percent),
    col("rateAnswers", 0),
    col("rateAttendance", 0),
  ];
  const label = (key: GroupKey) => groupLabel(model, key, t);
  const text = (item: { text: { da: string; en: string } }) => item.text[locale];

  const items: ExportTable = {
    name: t("evaluation.export.sheet.items"),
    labelColumns: [subject, group],
    valueColumns: [...itemColumns, col("icc", DIGITS.icc)],
    rows: model.items.flatMap((item) =>
      model.groups.map((g) => {
        const cell = item.cells[g.key];
        return {
          labels: [text(item), label(g.key)],
          status: statusOf(cell, t),
          values: [
            ...itemValues(cell, options.length),
            item.icc === null || cell?.status !== "shown" ? null : round(item.icc, DIGITS.icc),
          ],
        };
      }),
    ),
  };

  const tables: ExportTable[] = [items];
  if (model.comparison) {
    const [a, b] = model.comparison;
    tables.push({
      name: t("evaluation.export.sheet.differences"),
      labelColumns: [subject, { ...col("comparison"), role: "group" }],
      valueColumns: [
        col("points", DIGITS.points),
        col("pointsLower", DIGITS.points),
        col("pointsUpper", DIGITS.points),
      ],
      rows: model.items.map((item) => ({
        labels: [text(item), `${label(a)} - ${label(b)}`],
        status: item.difference
          ? t("evaluation.export.shown")
          : t("evaluation.export.noDifference"),
        values: item.difference
          ? [
              round(item.difference.points, DIGITS.points),
              round(item.difference.lower, DIGITS.points),
              round(item.difference.upper, DIGITS.points),
            ]
          : [null, null, null],
      })),
    });
  }
  tables.push({
    name: t("evaluation.export.sheet.trend"),
    labelColumns: [subject, group, period],
    valueColumns: itemColumns,
    rows: model.items.flatMap((item) =>
      model.trendGroups.flatMap((g) =>
        model.buckets.map((bucket) => {
          const cell = item.trend[g]?.[bucket.key];
          return {
            labels: [text(item), label(g), bucketLabel(bucket, t)],
            status: statusOf(cell, t),
            values: itemValues(cell, options.length),
          };
        }),
      ),
    ),
  });
  if (model.scales.length > 0) {
    tables.push({
      name: t("evaluation.export.sheet.scales"),
      labelColumns: [{ ...col("scale"), role: "subject" }, group],
      valueColumns: [
        col("respondents", 0),
        col("mean", DIGITS.mean),
        col("sd", DIGITS.sd),
        col("neff", DIGITS.effectiveN),
        col("sessions", 0),
        col("schools", 0),
        col("icc", DIGITS.icc),
        col("g", DIGITS.g),
        col("gLower", DIGITS.g),
        col("gUpper", DIGITS.g),
      ],
      rows: model.scales.flatMap((scale) =>
        model.groups.map((g, index) => {
          const cell = scale.cells[g.key];
          const shown = cell?.status === "shown" ? cell : null;
          const hedges = index === 0 && scale.hedges ? scale.hedges : null;
          return {
            labels: [t(messageKey(`evaluation.scale.${scale.key}`)), label(g.key)],
            status: statusOf(cell, t),
            values: [
              shown?.respondents ?? null,
              shown ? round(shown.mean, DIGITS.mean) : null,
              shown?.sd == null ? null : round(shown.sd, DIGITS.sd),
              shown ? round(shown.effectiveN, DIGITS.effectiveN) : null,
              shown?.sessions ?? null,
              shown?.schools ?? null,
              shown && scale.icc !== null ? round(scale.icc, DIGITS.icc) : null,
              hedges ? round(hedges.g, DIGITS.g) : null,
              hedges ? round(hedges.lower, DIGITS.g) : null,
              hedges ? round(hedges.upper, DIGITS.g) : null,
            ],
          };
        }),
      ),
    });
  }
  tables.push({
    name: t("evaluation.export.sheet.sessions"),
    labelColumns: [group],
    valueColumns: [
      col("sessions", 0),
      col("schools", 0),
      col("withAttendance", 0),
      col("attendance", 0),
      col("respondents", 0),
      col("responseRate", DIGITS.percent),
      col("smallSessions", 0),
    ],
    rows: model.groups.map((g) => {
      const o = model.overview[g.key];
      return {
        labels: [label(g.key)],
        status: t("evaluation.export.shown"),
        values: o
          ? [
              o.sessions,
              o.schools,
              o.withAttendance,
              o.attendance,
              o.respondentsWithAttendance,
              o.responseRate === null ? null : percent(o.responseRate),
              o.smallSessions,
            ]
          : new Array<number | null>(7).fill(null),
      };
    }),
  });
  return tables;
}
