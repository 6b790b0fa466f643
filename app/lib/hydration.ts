/**
 * Whether a page loads client JavaScript: a route opts out with `handle = { hydrate: false }`
 * (public pages that must stay light on a phone, and the coordinator's inbox: see decision 040;
 * each works as plain HTML, its forms and links included). The root's layout decides from it
 * whether to render the scripts, and the server entry whether to read the hydration data: one
 * rule for both.
 */
export function pageHydrates(handles: Iterable<unknown>): boolean {
  for (const handle of handles) {
    if ((handle as { hydrate?: unknown } | undefined)?.hydrate === false) return false;
  }
  return true;
}

/**
 * Whether the root's layout renders the scripts (and scroll restoration). On the server, as the
 * page says. In the browser always: the app is running there, so the document loaded with its
 * scripts, and a client-side navigation to a page that opts out is rendered by the running app
 * like any other (unrendering the scripts would only take scroll restoration away).
 */
export function layoutRendersScripts(handles: Iterable<unknown>, inBrowser: boolean): boolean {
  return inBrowser || pageHydrates(handles);
}
