/**
 * Whether a page loads client JavaScript: a route opts out with `handle = { hydrate: false }`
 * (public pages that must stay light on a phone work as plain HTML forms). The root's layout
 * decides from it whether to render the scripts, and the server entry whether to read the
 * hydration data: one rule for both.
 */
export function pageHydrates(handles: Iterable<unknown>): boolean {
  for (const handle of handles) {
    if ((handle as { hydrate?: unknown } | undefined)?.hydrate === false) return false;
  }
  return true;
}
