import { expect } from "vitest";

/**
 * Asserts that a service call throws (or rejects with) a `Response` of the given status, the way
 * guards answer 403/404. Accepts a promise or a function (for calls that may throw synchronously).
 */
export async function expectStatus(
  call: Promise<unknown> | (() => unknown),
  status: number,
): Promise<void> {
  let thrown: unknown = "nothing thrown";
  try {
    await (typeof call === "function" ? call() : call);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(status);
}
