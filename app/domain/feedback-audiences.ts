/**
 * The feedback audiences, apart from the item bank (feedback-bank.ts re-exports them): a page
 * that needs only this list (the evaluation's filters) does not download the bank's texts.
 */
export const FEEDBACK_AUDIENCES = ["pupils", "parents", "staff"] as const;
export type FeedbackAudience = (typeof FEEDBACK_AUDIENCES)[number];
