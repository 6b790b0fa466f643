/**
 * What a batch of anonymous responses adds to the per-session evaluation counts. Pure: the insert
 * path (db/queries/feedback.ts) and the rebuild script (scripts/rebuild-counts.ts) both use it, so
 * the counts kept at write time and the counts rebuilt from the responses cannot differ in method.
 */

import { respondentScaleScores } from "./evaluation-scales";
import type { FeedbackAudience } from "./feedback-bank";

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

export interface AnswerCountRow {
  sessionId: number;
  audience: FeedbackAudience;
  formVersion: number;
  itemKey: string;
  optionValue: string;
  answers: number;
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
  answers: AnswerCountRow[];
  scales: ScaleSumRow[];
}

/** Adds up a batch of responses into count rows (one row per key). */
export function countResponses(responses: Iterable<CountableResponse>): CountDelta {
  const sessions = new Map<string, SessionCountRow>();
  const answers = new Map<string, AnswerCountRow>();
  const scales = new Map<string, ScaleSumRow>();
  for (const r of responses) {
    const base = { sessionId: r.sessionId, audience: r.audience, formVersion: r.formVersion };
    const sessionKey = `${r.sessionId}|${r.audience}|${r.formVersion}`;
    const session = sessions.get(sessionKey) ?? { ...base, responses: 0, comments: 0 };
    session.responses += 1;
    if (r.hasComment) session.comments += 1;
    sessions.set(sessionKey, session);
    for (const [itemKey, optionValue] of Object.entries(r.answers)) {
      const key = `${sessionKey}|${itemKey}|${optionValue}`;
      const row = answers.get(key) ?? { ...base, itemKey, optionValue, answers: 0 };
      row.answers += 1;
      answers.set(key, row);
    }
    for (const { scale, score } of respondentScaleScores(r.audience, r.answers)) {
      const key = `${sessionKey}|${scale}`;
      const row = scales.get(key) ?? {
        ...base,
        scaleKey: scale,
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
    answers: [...answers.values()],
    scales: [...scales.values()],
  };
}
