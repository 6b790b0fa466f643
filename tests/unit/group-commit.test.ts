import { describe, expect, it } from "vitest";
import { createGroupCommit } from "~/lib/group-commit.server";

describe("group commit", () => {
  it("writes jobs that arrive together in one batch, each getting its own result", async () => {
    const batches: number[][] = [];
    const writer = createGroupCommit(async (jobs: readonly number[]) => {
      batches.push([...jobs]);
      return jobs.map((job) => job * 10);
    });
    const results = await Promise.all([1, 2, 3].map((job) => writer.submit(job)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("writes what arrives while a batch is written as the next batch, in arrival order", async () => {
    const batches: number[][] = [];
    let release = () => {};
    const writer = createGroupCommit(async (jobs: readonly number[]) => {
      batches.push([...jobs]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return jobs;
    });
    const first = writer.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((job) => writer.submit(job));
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("re-runs a failed batch's jobs one by one, so one job's error stays its own", async () => {
    const batches: string[][] = [];
    const writer = createGroupCommit(async (jobs: readonly string[]) => {
      batches.push([...jobs]);
      if (jobs.includes("bad")) throw new Error("bad job");
      return jobs.map((job) => job.toUpperCase());
    });
    const results = await Promise.allSettled(["a", "bad", "c"].map((job) => writer.submit(job)));
    expect(results).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "rejected", reason: new Error("bad job") },
      { status: "fulfilled", value: "C" },
    ]);
    expect(batches).toEqual([["a", "bad", "c"], ["a"], ["bad"], ["c"]]);
  });

  it("fails the whole batch without re-runs when retryAlone says so", async () => {
    let calls = 0;
    const writer = createGroupCommit(
      async (_jobs: readonly number[]): Promise<number[]> => {
        calls++;
        throw new Error("locked");
      },
      { retryAlone: () => false },
    );
    const results = await Promise.allSettled([1, 2].map((job) => writer.submit(job)));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
  });

  it("keeps batches to maxBatch jobs", async () => {
    const batches: number[] = [];
    const writer = createGroupCommit(
      async (jobs: readonly number[]) => {
        batches.push(jobs.length);
        return jobs;
      },
      { maxBatch: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((job) => writer.submit(job)));
    expect(batches).toEqual([2, 2, 1]);
  });
});
