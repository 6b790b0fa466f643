import { parseId } from "~/domain/request-actions";

/**
 * The record id in a route param (`/x/:id`): a positive integer without sign, leading zero or
 * exponent, else the route answers 404 like any id that does not exist. The one way every route
 * reads an id from its URL.
 */
export function parseIdParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null) throw new Response("Not Found", { status: 404 });
  return id;
}
