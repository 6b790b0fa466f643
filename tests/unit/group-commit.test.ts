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

  it("waits more turns while jobs keep arriving, up to maxExtraTurns", async () => {
    const batches: number[][] = [];
    const writer = createGroupCommit(
      async (jobs: readonly number[]) => {
        batches.push([...jobs]);
        return jobs;
      },
      { maxExtraTurns: 2 },
    );
    // Jobs 2-6 arrive one per turn of the event loop after job 1, as answers of a class do
    // whose requests are read one after another.
    const submitted: Promise<number>[] = [];
    const arrive = (job: number) => {
      if (job < 6) setImmediate(() => arrive(job + 1));
      submitted.push(writer.submit(job));
    };
    setImmediate(() => arrive(2));
    submitted.push(writer.submit(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await Promise.all(submitted)).toEqual([1, 2, 3, 4, 5, 6]);
    // The first turn brought job 2, so two more turns (jobs 3 and 4); then the limit. Job 5
    // arrives after that batch, its first turn brings 6, and the next brings none.
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it("writes a lone job after one turn, without waiting more", async () => {
    const batches: number[][] = [];
    const writer = createGroupCommit(async (jobs: readonly number[]) => {
      batches.push([...jobs]);
      return jobs;
    });
    const turns: string[] = [];
    const lone = writer.submit(1).then(() => turns.push("written"));
    setImmediate(() => {
      turns.push("turn 1");
      setImmediate(() => turns.push("turn 2"));
    });
    await lone;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([[1]]);
    expect(turns).toEqual(["written", "turn 1", "turn 2"]);
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
