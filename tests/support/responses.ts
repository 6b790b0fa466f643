import { expect } from "vitest";
import { isNotFound, type NotFound } from "../../app/services/result";

/**
 * Asserts that a service call answers "not found" (the route's 404): the record does not exist
 * or is not the actor's (decision 007). Services return it, they never throw it.
 */
export async function expectNotFound(
  call: Promise<{ ok: boolean }> | (() => Promise<{ ok: boolean }>),
): Promise<void> {
  const result = await (typeof call === "function" ? call() : call);
  expect(isNotFound(result), JSON.stringify(result).slice(0, 200)).toBe(true);
}

/** The values of a successful service result; fails the test on any other result. */
export function ok<R extends { ok: boolean }>(result: R): Extract<R, { ok: true }> {
  expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
  return result as Extract<R, { ok: true }>;
}

/** A service result that is not "not found" (done or refused); fails the test on not found. */
export function present<R extends { ok: boolean }>(result: R): Exclude<R, NotFound> {
  expect(isNotFound(result), "not found").toBe(false);
  return result as Exclude<R, NotFound>;
}

/**
 * Asserts that a route helper throws a `Response` of the given status (e.g. `parseIdParam`'s 404
 * or `requireUser`'s 403). Services never throw one: see `expectNotFound`.
 */
export async function expectStatus(call: () => unknown, status: number): Promise<void> {
  let thrown: unknown = "nothing thrown";
  try {
    await call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(status);
}
