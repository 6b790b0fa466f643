import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { pooledRandomBytes } from "./lib/crypto.server";
import { readHydrationData } from "./lib/hydration-data.server";

export const streamTimeout = 5_000;

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // The nonce: the anonymous feedback pages carry their stylesheet inline (app/root.tsx).
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Unexpected errors go to the log with the request id the page shows, never with the URL or the
 * client (feedback URLs hold session codes).
 */
export function handleError(
  error: unknown,
  { request, context }: LoaderFunctionArgs | ActionFunctionArgs,
) {
  if (request.signal.aborted) return;
  const requestId = (context as { requestId?: string } | undefined)?.requestId ?? "-";
  console.error(`[request ${requestId}]`, error);
}

/**
 * React writes this comment where a Suspense boundary did not finish on the server, before the
 * fallback it rendered instead. User text cannot produce it: React escapes `<` in text.
 */
const UNFINISHED_BOUNDARY = "<!--$!-->";

/**
 * Renders a page to one string (decision 039). No Frirum page streams: its hydration data is read
 * before the render (decision 038), nothing else suspends, and a whole page used to be held and
 * sent as one chunk anyway. React's stream writer encodes each of the page's thousands of small
 * pieces into byte buffers as it goes (a fifth of the inbox's server CPU); a string is written
 * once.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = pooledRandomBytes(16).toString("base64");
  // Vite's dev server injects unsigned inline scripts for hot reload; the CSP applies to builds.
  if (process.env.NODE_ENV === "production") {
    responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  }
  // Read before the render, so React renders the page without suspending (decision 038).
  await readHydrationData(remixContext);
  // Rendering is a page's longest stretch without I/O (1-3 ms), and Node reads sockets only
  // between turns of the event loop. One turn first, so requests that arrived meanwhile are read
  // and queued (posted answers first) between one page and the next. React's streaming renderer
  // did so itself, scheduling its work with setImmediate; without it, in a burst of 250 pupils,
  // answers waited behind the page views (answer POST p99 in the server 71-177 ms instead of 14).
  await new Promise((resolve) => setImmediate(resolve));
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  // renderToString renders a suspended or failed boundary's fallback and says so only in the
  // markup: the page would reach the browser without its content. Fail it instead (the error
  // page, status 500) so a component that suspends is found the first time it renders.
  if (html.includes(UNFINISHED_BOUNDARY)) {
    throw new Error(
      `A Suspense boundary did not finish on the server (${request.method} ${new URL(request.url).pathname}); pages are rendered to a string (decision 039)`,
    );
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // renderToPipeableStream writes the doctype before an <html> root; renderToString does not.
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}
