/**
 * Scales for the evaluation: which items of an audience's form are read together as one scale
 * score, and how one respondent's answers become that score. Pure; used when an answer is saved
 * (the per-session scale sums are kept in the same transaction) and when the counts are rebuilt.
 *
 * Only sets of 4+ items that measure one thing form a scale (privacy.md: "Means only for scales of
 * 4+ items"). The groupings below are the project's proposal, to be confirmed by the department
 * (ideally with a reliability check on real answers); changing them only needs
 * `npm run db:rebuild-counts`.
 */
import {
  FEEDBACK_BANK,
  FEEDBACK_SCALES,
  type FeedbackAudience,
  type FeedbackScaleKey,
} from "./feedback-bank";

export interface EvaluationScale {
  /** Stable key (stored with the per-session sums). */
  key: string;
  audience: FeedbackAudience;
  /** Item keys; 4 or more. */
  items: readonly string[];
  /** A respondent gets a score only with at least this many items answered (not "Ved ikke"). */
  minAnswered: number;
}

function scale(key: string, audience: FeedbackAudience, items: string[]): EvaluationScale {
  if (items.length < 4) throw new Error(`scale ${key}: a scale needs 4+ items`);
  return { key, audience, items, minAnswered: Math.ceil(items.length * 0.75) };
}

export const EVALUATION_SCALES: readonly EvaluationScale[] = [
  // Knowledge and where to turn: what the workshop is meant to change.
  scale("pupils_knowledge_help", "pupils", [
    "learned_something_new",
    "knows_rights",
    "knows_where_to_get_help",
    "trusted_adult_at_school",
  ]),
  // What parents take home from the dialogue.
  scale("parents_outcome", "parents", [
    "new_knowledge_rights",
    "knows_where_to_seek_advice",
    "better_equipped_to_talk",
    "information_easy_to_understand",
  ]),
  // Staff's competence to act on concern.
  scale("staff_competence", "staff", [
    "knows_signs",
    "knows_what_to_do",
    "confident_with_pupils",
    "confident_with_parents",
    "knows_municipal_support",
  ]),
];

export function scalesFor(audience: FeedbackAudience): EvaluationScale[] {
  return EVALUATION_SCALES.filter((s) => s.audience === audience);
}

export function findScale(key: string): EvaluationScale | undefined {
  return EVALUATION_SCALES.find((s) => s.key === key);
}

function optionOf(scaleKey: FeedbackScaleKey, value: string) {
  return FEEDBACK_SCALES[scaleKey].options.find((o) => o.value === value);
}

/** The option's ordinal score (null for "Ved ikke" and unknown values). */
export function optionScore(scaleKey: FeedbackScaleKey, value: string): number | null {
  return optionOf(scaleKey, value)?.score ?? null;
}

export function isDontKnow(scaleKey: FeedbackScaleKey, value: string): boolean {
  return optionOf(scaleKey, value)?.isDontKnow ?? false;
}

/** The score range of a scale, for axes and for reading a mean ("1-3", "1-5"). */
export function scoreRange(scaleKey: FeedbackScaleKey): { min: number; max: number } {
  const scores = FEEDBACK_SCALES[scaleKey].options
    .map((o) => o.score)
    .filter((s): s is number => s !== null);
  return { min: Math.min(...scores), max: Math.max(...scores) };
}

/** The answer scale of an audience's items. */
export function audienceScale(audience: FeedbackAudience): FeedbackScaleKey {
  return FEEDBACK_BANK[audience].scale;
}

/**
 * One respondent's score on each scale of the audience: the mean of the answered items' scores,
 * or nothing when fewer than `minAnswered` items were answered (skipped and "Ved ikke" do not count).
 */
export function respondentScaleScores(
  audience: FeedbackAudience,
  answers: Readonly<Record<string, string>>,
): Array<{ scale: string; score: number }> {
  const scaleKey = audienceScale(audience);
  const result: Array<{ scale: string; score: number }> = [];
  for (const s of scalesFor(audience)) {
    const scores = s.items
      .map((item) => (answers[item] === undefined ? null : optionScore(scaleKey, answers[item])))
      .filter((x): x is number => x !== null);
    if (scores.length < s.minAnswered) continue;
    result.push({ scale: s.key, score: scores.reduce((a, b) => a + b, 0) / scores.length });
  }
  return result;
}
