/**
 * Redirect targets that come from a request (`redirectTo` of the language switch and the sign-in
 * page, carried through the emailed sign-in link) may only lead to a path on this site. Browsers
 * are lenient: `//evil.example`, `/\evil.example` and `/<TAB>/evil.example` all open another site,
 * so this is the one check every such redirect goes through.
 */

/** A URL base that can never be a real origin; only used to resolve a path and compare origins. */
const PROBE_ORIGIN = "http://frirum.invalid";

/**
 * `target` when it is a same-origin path (e.g. `/coordinator/requests?status=requested#list`),
 * else `fallback`. Refused: anything not starting with exactly one `/`, any backslash, control
 * character or whitespace, and anything a URL parser resolves to another origin.
 */
export function safeRedirectTarget(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  // Backslashes count as slashes in browsers; control characters and whitespace are stripped by
  // them before parsing (so "/\t/evil.example" is "//evil.example").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(target)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
