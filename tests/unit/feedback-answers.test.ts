/**
 * gen:scale draws each item's answer with one number (pickAnswer over itemChoices, also as SQL);
 * the demo draws with generateAnswers' separate draws. Both must give the same distribution, or
 * the scale data would no longer look like the demo's answers.
 */
import { describe, expect, it } from "vitest";
import {
  generateAnswers,
  itemChoices,
  pickAnswer,
  seededRandom,
} from "../../db/generate/feedback-answers";

const frequencies = (values: Array<string | null>) => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return new Map([...counts].map(([k, n]) => [k, n / values.length]));
};

describe("pickAnswer", () => {
  for (const [audience, cohort, key, effect] of [
    ["pupils", "pilot", "knows_where_to_get_help", 0.05],
    ["pupils", "standard", "some_item", -0.08],
    ["parents", "standard", "some_item", 0],
    ["staff", "standard", "knows_what_to_do", 0.1],
  ] as const) {
    it(`draws ${audience} ${cohort} ${key} answers as generateAnswers does`, () => {
      const n = 200_000;
      const random = seededRandom(11);
      const separate = Array.from(
        { length: n },
        () => generateAnswers(random, audience, cohort, [key], effect)[key] ?? null,
      );
      const choices = itemChoices(audience, cohort, key, effect);
      const one = seededRandom(12);
      const single = Array.from({ length: n }, () => pickAnswer(choices, one()));
      const a = frequencies(separate);
      const b = frequencies(single);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      // Sampling error of a share at n = 200,000 is at most about 0.0011 (one standard error).
      for (const [value, share] of a) expect(b.get(value), value).toBeCloseTo(share, 2);
      // Skips at their rate, and the top-box chance moves the answers.
      expect(b.get("null")).toBeCloseTo(choices.skipRate, 2);
    });
  }

  it("gives the top options below the top-box chance and the rest above it", () => {
    const choices = itemChoices("pupils", "pilot", "knows_where_to_get_help", 0);
    const top = new Set(choices.top.map((o) => o.value));
    const values = Array.from({ length: 1000 }, (_, i) => pickAnswer(choices, (i + 0.5) / 1000));
    const answered = values.filter((v) => v !== null && v !== choices.dontKnow?.value);
    const topShare = answered.filter((v) => top.has(v as string)).length / answered.length;
    expect(topShare).toBeCloseTo(choices.topChance, 2);
    expect(choices.topChance).toBe(0.9);
  });
});
