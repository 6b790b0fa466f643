/**
 * What a batch of anonymous responses adds to the per-session evaluation counts. Pure: the insert
 * path (db/queries/feedback.ts) and the rebuild script (scripts/rebuild-counts.ts) both use it, so
 * the counts kept at write time and the counts rebuilt from the responses cannot differ in method.
 */
import { audienceScale, respondentScaleScores } from "./evaluation-scales";
import { FEEDBACK_SCALES, type FeedbackAudience } from "./feedback-bank";

export interface CountableResponse {
  sessionId: number;
  audience: FeedbackAudience;
  formVersion: number;
  answers: Readonly<Record<string, string>>;
  hasComment: boolean;
}

export interface SessionCountRow {
  sessionId: number;
  audience: FeedbackAudience;
  formVersion: number;
  responses: number;
  comments: number;
}

/** Number of option columns kept per item (the longest scale: agree5 with "Ved ikke"). */
export const OPTION_COLUMNS = 6;

export interface ItemCountRow {
  sessionId: number;
  audience: FeedbackAudience;
  formVersion: number;
  itemKey: string;
  /** Every answer to the item, "Ved ikke" included (skipped items are not answers). */
  answers: number;
  dontKnow: number;
  topBox: number;
  /** Answers per option, in the scale's order; always OPTION_COLUMNS long. */
  options: number[];
}

export interface ScaleSumRow {
  sessionId: number;
  audience: FeedbackAudience;
  formVersion: number;
  scaleKey: string;
  respondents: number;
  scoreSum: number;
  scoreSumSquares: number;
}

export interface CountDelta {
  sessions: SessionCountRow[];
  items: ItemCountRow[];
  scales: ScaleSumRow[];
}

/** Adds up a batch of responses into count rows (one row per key). */
export function countResponses(responses: Iterable<CountableResponse>): CountDelta {
  const sessions = new Map<string, SessionCountRow>();
  const items = new Map<string, ItemCountRow>();
  const scales = new Map<string, ScaleSumRow>();
  // Rows are written out field by field, not spread from a shared key object: on Node 20 an
  // object literal that spreads one object and adds new fields takes V8's slow path (see
  // evaluation-rollup.ts), and this runs for every answer.
  for (const r of responses) {
    const { sessionId, audience, formVersion } = r;
    const sessionKey = `${sessionId}|${audience}|${formVersion}`;
    const session = sessions.get(sessionKey) ?? {
      sessionId,
      audience,
      formVersion,
      responses: 0,
      comments: 0,
    };
    session.responses += 1;
    if (r.hasComment) session.comments += 1;
    sessions.set(sessionKey, session);
    const scale = FEEDBACK_SCALES[audienceScale(r.audience)];
    for (const [itemKey, value] of Object.entries(r.answers)) {
      const index = scale.options.findIndex((o) => o.value === value);
      if (index < 0) throw new Error(`answer ${value} is not on the ${scale.key} scale`);
      const option = scale.options[index];
      const key = `${sessionKey}|${itemKey}`;
      const row = items.get(key) ?? {
        sessionId,
        audience,
        formVersion,
        itemKey,
        answers: 0,
        dontKnow: 0,
        topBox: 0,
        options: new Array<number>(OPTION_COLUMNS).fill(0),
      };
      row.answers += 1;
      if (option.isDontKnow) row.dontKnow += 1;
      if (option.topBox) row.topBox += 1;
      row.options[index] += 1;
      items.set(key, row);
    }
    for (const { scale: scaleKey, score } of respondentScaleScores(r.audience, r.answers)) {
      const key = `${sessionKey}|${scaleKey}`;
      const row = scales.get(key) ?? {
        sessionId,
        audience,
        formVersion,
        scaleKey,
        respondents: 0,
        scoreSum: 0,
        scoreSumSquares: 0,
      };
      row.respondents += 1;
      row.scoreSum += score;
      row.scoreSumSquares += score * score;
      scales.set(key, row);
    }
  }
  return {
    sessions: [...sessions.values()],
    items: [...items.values()],
    scales: [...scales.values()],
  };
}

export const EMPTY_COUNTS: CountDelta = Object.freeze({ sessions: [], items: [], scales: [] });

function sumByKey<T>(rows: readonly T[], key: (row: T) => string, add: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const have = byKey.get(k);
    byKey.set(k, have ? add(have, row) : row);
  }
  return [...byKey.values()];
}

const sessionKeyOf = (r: { sessionId: number; audience: string; formVersion: number }) =>
  `${r.sessionId}|${r.audience}|${r.formVersion}`;

/** Stored counts plus new ones, row by row (the counts kept per session only ever add up). */
export function addCountDeltas(a: CountDelta, b: CountDelta): CountDelta {
  return {
    sessions: sumByKey([...a.sessions, ...b.sessions], sessionKeyOf, (x, y) => ({
      ...x,
      responses: x.responses + y.responses,
      comments: x.comments + y.comments,
    })),
    items: sumByKey(
      [...a.items, ...b.items],
      (r) => `${sessionKeyOf(r)}|${r.itemKey}`,
      (x, y) => ({
        ...x,
        answers: x.answers + y.answers,
        dontKnow: x.dontKnow + y.dontKnow,
        topBox: x.topBox + y.topBox,
        options: x.options.map((n, i) => n + y.options[i]),
      }),
    ),
    scales: sumByKey(
      [...a.scales, ...b.scales],
      (r) => `${sessionKeyOf(r)}|${r.scaleKey}`,
      (x, y) => ({
        ...x,
        respondents: x.respondents + y.respondents,
        scoreSum: x.scoreSum + y.scoreSum,
        scoreSumSquares: x.scoreSumSquares + y.scoreSumSquares,
      }),
    ),
  };
}
