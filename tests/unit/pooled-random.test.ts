/**
 * The request id's and the CSP nonce's random bytes come from a pool (app/lib/crypto.server.ts):
 * each byte is handed out once, across refills, and the values look like randomBytes's.
 */
import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "~/lib/crypto.server";

describe("pooledRandomBytes", () => {
  it("gives the size asked for, also larger than the pool", () => {
    for (const size of [0, 1, 6, 16, 4095, 4096, 5000]) {
      expect(pooledRandomBytes(size).length).toBe(size);
    }
  });

  it("never hands out the same bytes twice, across many refills", () => {
    const seen = new Set<string>();
    // 20,000 nonces are 78 refills of the 4 KB pool; any reuse would repeat a value.
    for (let i = 0; i < 20_000; i++) seen.add(pooledRandomBytes(16).toString("hex"));
    expect(seen.size).toBe(20_000);
  });

  it("spreads its bytes evenly (chi-squared over 256 values)", () => {
    const counts = new Array<number>(256).fill(0);
    const n = 256 * 400;
    for (let i = 0; i < n / 16; i++) for (const byte of pooledRandomBytes(16)) counts[byte] += 1;
    const expected = n / 256;
    const chiSquared = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 255 degrees of freedom: the 99.999th percentile is about 370 (a false alarm 1 in 100,000).
    expect(chiSquared).toBeLessThan(370);
  });
});
