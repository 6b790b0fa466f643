import { createHmac } from "node:crypto";

/**
 * The stored form of a printed one-time code: an HMAC (keyed with the server's secret) of the
 * session id and the normalized code. A leaked database alone cannot be used to test guesses,
 * and the same code printed for two sessions hashes differently.
 */
export function oneTimeCodeHash(secret: string, sessionId: number, normalizedCode: string): string {
  return createHmac("sha256", secret)
    .update(`frirum-one-time-code:${sessionId}:${normalizedCode}`)
    .digest("hex");
}

/** The code's hash under every current secret (the first is used for new codes; rotation). */
export function oneTimeCodeHashes(
  secrets: readonly string[],
  sessionId: number,
  normalizedCode: string,
): string[] {
  return [...new Set(secrets.map((secret) => oneTimeCodeHash(secret, sessionId, normalizedCode)))];
}
