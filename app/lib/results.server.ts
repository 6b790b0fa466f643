import { isNotFound, type NotFound } from "../services/result";

/**
 * The route side of the service result shape: a not-found result becomes the 404 the route
 * throws (Remix renders the error boundary); anything else is returned, narrowed.
 */
export function orNotFound<R extends { ok: boolean }>(result: R): Exclude<R, NotFound> {
  if (isNotFound(result)) throw new Response("Not Found", { status: 404 });
  return result as Exclude<R, NotFound>;
}
