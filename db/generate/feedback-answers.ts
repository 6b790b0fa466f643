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
