import { createHmac, randomBytes } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { FEEDBACK_CLIENT_WINDOW_SECONDS } from "../domain/feedback-limits";
import { env } from "./env.server";

/**
 * Per-client limit on feedback submissions, in this process's memory only (privacy.md: nothing
 * about who answers is stored or logged). Even in memory the address is not kept: the key is an
 * HMAC of it under a random key made at start-up and never written anywhere, and each entry
 * expires with its window. A restart forgets everything, which is acceptable for a flood brake.
 */
const processKey = randomBytes(32);
let limiter: RateLimiterMemory | undefined;

/** Counts one submission from `client`; false when the client is over the limit. */
export async function allowFeedbackSubmission(client: string): Promise<boolean> {
  const key = createHmac("sha256", processKey).update(client).digest("base64url");
  limiter ??= new RateLimiterMemory({
    points: env().FEEDBACK_CLIENT_LIMIT,
    duration: FEEDBACK_CLIENT_WINDOW_SECONDS,
  });
  try {
    await limiter.consume(key, 1);
    return true;
  } catch {
    return false;
  }
}
