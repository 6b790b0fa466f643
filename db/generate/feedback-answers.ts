/**
 * Synthetic anonymous answers for demo and scale data: a seeded PRNG and answer profiles with a
 * pilot/standard difference and a per-session effect (so answers cluster by session, as real ones
 * do). Plain TypeScript without database access, shared by the demo seed (db/seed-evaluation.ts)
 * and the scale generator (scripts/gen-scale.ts), and reusable for another database.
 */

import { audienceScale } from "../../app/domain/evaluation-scales";
import { FEEDBACK_SCALES, type FeedbackAudience } from "../../app/domain/feedback-bank";

/** mulberry32: small, fast, deterministic; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Cohort = "pilot" | "standard";

/**
 * Chance of a top-box answer per audience and cohort, with the items where pilot and standard
 * clearly differ (the demo's visible difference): pupils knowing where to get help, staff knowing
 * what to do.
 */
const TOP_BOX: Record<FeedbackAudience, Record<Cohort, number>> = {
  pupils: { pilot: 0.86, standard: 0.8 },
  parents: { pilot: 0.72, standard: 0.66 },
  staff: { pilot: 0.74, standard: 0.64 },
};
const CLEAR_DIFFERENCE: Record<string, Record<Cohort, number>> = {
  knows_where_to_get_help: { pilot: 0.9, standard: 0.6 },
  knows_what_to_do: { pilot: 0.86, standard: 0.5 },
};

export const DONT_KNOW_RATE = 0.06;
export const SKIP_RATE = 0.03;

/** A session's own shift of the top-box chance (clustering): uniform in [-0.1, 0.1]. */
export function sessionEffect(random: () => number): number {
  return (random() - 0.5) * 0.2;
}

/**
 * The exact distribution `generateAnswers` draws one item's answer from, as a closed form: for a
 * generator that takes one uniform number per item instead of a stream (gen:scale's answers made
 * in SQL). `pickAnswer` turns the number into the answer.
 */
export interface ItemChoices {
  skipRate: number;
  /** The "Ved ikke" value and its chance among the items not skipped (null: the scale has none). */
  dontKnow: { value: string; rate: number } | null;
  /** Chance of a top-box answer among the rest (clamped to [0.03, 0.97]). */
  topChance: number;
  /** Options of each part with their share within the part (earlier, more positive, likelier). */
  top: Array<{ value: string; share: number }>;
  middle: Array<{ value: string; share: number }>;
}

function shares(list: readonly { value: string }[]): Array<{ value: string; share: number }> {
  const total = (list.length * (list.length + 1)) / 2;
  return list.map((o, i) => ({ value: o.value, share: (list.length - i) / total }));
}

export function itemChoices(
  audience: FeedbackAudience,
  cohort: Cohort,
  itemKey: string,
  effect: number,
): ItemChoices {
  const options = FEEDBACK_SCALES[audienceScale(audience)].options;
  const dontKnow = options.find((o) => o.isDontKnow);
  return {
    skipRate: SKIP_RATE,
    dontKnow: dontKnow ? { value: dontKnow.value, rate: DONT_KNOW_RATE } : null,
    topChance: Math.min(
      0.97,
      Math.max(0.03, (CLEAR_DIFFERENCE[itemKey] ?? TOP_BOX[audience])[cohort] + effect),
    ),
    top: shares(options.filter((o) => o.topBox)),
    middle: shares(options.filter((o) => !o.topBox && !o.isDontKnow)),
  };
}

/**
 * The answer for one uniform number `u` in [0, 1) (null: skipped). Each step takes its part of
 * [0, 1) and rescales the rest, so one number gives the same distribution as generateAnswers'
 * separate draws.
 */
export function pickAnswer(choices: ItemChoices, u: number): string | null {
  if (u < choices.skipRate) return null;
  let v = (u - choices.skipRate) / (1 - choices.skipRate);
  if (choices.dontKnow) {
    if (v < choices.dontKnow.rate) return choices.dontKnow.value;
    v = (v - choices.dontKnow.rate) / (1 - choices.dontKnow.rate);
  }
  const p = choices.topChance;
  const [list, w] = v < p ? [choices.top, v / p] : [choices.middle, (v - p) / (1 - p)];
  let cumulative = 0;
  for (const option of list) {
    cumulative += option.share;
    if (w < cumulative) return option.value;
  }
  return list[list.length - 1].value;
}

/** One respondent's answers to the items (some skipped, some "Ved ikke"). */
export function generateAnswers(
  random: () => number,
  audience: FeedbackAudience,
  cohort: Cohort,
  itemKeys: readonly string[],
  effect: number,
): Record<string, string> {
  const options = FEEDBACK_SCALES[audienceScale(audience)].options;
  const top = options.filter((o) => o.topBox);
  const middle = options.filter((o) => !o.topBox && !o.isDontKnow);
  const dontKnow = options.find((o) => o.isDontKnow);
  const answers: Record<string, string> = {};
  for (const key of itemKeys) {
    if (random() < SKIP_RATE) continue;
    if (dontKnow && random() < DONT_KNOW_RATE) {
      answers[key] = dontKnow.value;
      continue;
    }
    const p = Math.min(
      0.97,
      Math.max(0.03, (CLEAR_DIFFERENCE[key] ?? TOP_BOX[audience])[cohort] + effect),
    );
    const list = random() < p ? top : middle;
    // Earlier options (more positive) a little more likely within each part.
    const weights = list.map((_, i) => list.length - i);
    let r = random() * weights.reduce((a, b) => a + b, 0);
    let pick = list[list.length - 1];
    for (let i = 0; i < list.length; i++) {
      r -= weights[i];
      if (r <= 0) {
        pick = list[i];
        break;
      }
    }
    answers[key] = pick.value;
  }
  return answers;
}
