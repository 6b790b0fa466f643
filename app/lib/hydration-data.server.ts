import type { EntryContext } from "@remix-run/node";
import { pageHydrates } from "./hydration";

/** What Remix 2.17 keeps for one read of the hydration data (StreamTransfer's `streamCache`). */
type StreamRead = Promise<void> & { result: { done: boolean; value: string } };

interface HandoffContext {
  serverHandoffStream?: ReadableStream<Uint8Array>;
  renderMeta?: { streamCache?: Record<number, StreamRead> };
}

/**
 * Reads a page's hydration data (Remix's single-fetch handoff stream) to its end before React
 * renders, and hands it to Remix's `StreamTransfer` as already read.
 *
 * Left to itself, `StreamTransfer` reads the stream while React renders. Every read is a promise,
 * so React suspends its boundary twice on every page: once for the data, and once for the end of
 * the stream. Each time React parks the render, is pinged, and renders the boundary again. On
 * the catalogue and the inbox without rows that was 5-10% of the page's server CPU (issue 12,
 * decision 038).
 *
 * No Frirum loader defers data, so the stream holds one chunk and then ends. A page that did defer
 * would be sent when all its data had arrived: pages are rendered to a string (decision 039).
 *
 * `StreamTransfer` keeps read `n` in `renderMeta.streamCache[n]`, as a promise carrying its
 * `result`. Read 0 is the data and read 1 is the end, and this fills them the same way. The shape
 * is Remix's (`@remix-run/react` 2.17, `dist/single-fetch.js`), and
 * `tests/unit/hydration-data.test.ts` checks it: a page rendered with this gets the same HTML as
 * one rendered without it.
 */
export async function readHydrationData(context: EntryContext): Promise<void> {
  const handoff = context as unknown as HandoffContext;
  const stream = handoff.serverHandoffStream;
  if (!stream || !handoff.renderMeta) return;
  // A page without client JavaScript never writes the data: it is not even serialised then
  // (patches/@remix-run+server-runtime+*.patch, decision 033).
  const handles = context.staticHandlerContext.matches.map(
    (match) => context.routeModules[match.route.id]?.handle,
  );
  if (!pageHydrates(handles)) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  reader.releaseLock();
  const read = (result: StreamRead["result"]): StreamRead =>
    Object.assign(Promise.resolve(), { result });
  handoff.renderMeta.streamCache = {
    0: read({ done: false, value: text }),
    1: read({ done: true, value: "" }),
  };
}
