import { describe, expect, it } from "vitest";
import { createRequestQueue } from "~/lib/request-queue.server";

/** A task that finishes when `finish()` is called, recording its start in `log`. */
function gate(log: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

/** Resolves after the event loop's next two turns: a released slot is handed on in the first. */
const nextTurns = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe("request queue", () => {
  it("runs at most `concurrency` tasks at once, the rest in arrival order, urgent ones first", async () => {
    const queue = createRequestQueue(2);
    const log: string[] = [];
    const tasks = {
      a: gate(log, "a"),
      b: gate(log, "b"),
      c: gate(log, "c"),
      d: gate(log, "d"),
      post1: gate(log, "post1"),
      post2: gate(log, "post2"),
    };
    const results = [
      queue.run(false, tasks.a.task),
      queue.run(false, tasks.b.task),
      queue.run(false, tasks.c.task),
      queue.run(true, tasks.post1.task),
      queue.run(false, tasks.d.task),
      queue.run(true, tasks.post2.task),
    ];
    await Promise.resolve();
    expect(log).toEqual(["a", "b"]);
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(4);
    for (const name of ["a", "b", "post1", "post2", "c", "d"] as const) {
      tasks[name].finish();
      await nextTurns();
    }
    expect(log).toEqual(["a", "b", "post1", "post2", "c", "d"]);
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "post1", "d", "post2"]);
    expect(queue.running).toBe(0);
  });

  it("lets urgent tasks run up to urgentConcurrency while other tasks stay at concurrency", async () => {
    const queue = createRequestQueue(1, 3);
    const log: string[] = [];
    const tasks = {
      a: gate(log, "a"),
      b: gate(log, "b"),
      post1: gate(log, "post1"),
      post2: gate(log, "post2"),
      post3: gate(log, "post3"),
    };
    const results = [
      queue.run(false, tasks.a.task),
      queue.run(false, tasks.b.task),
      queue.run(true, tasks.post1.task),
      queue.run(true, tasks.post2.task),
      queue.run(true, tasks.post3.task),
    ];
    await Promise.resolve();
    expect(log).toEqual(["a", "post1", "post2"]);
    expect(queue.running).toBe(3);
    expect(queue.waiting).toBe(2);
    // A freed slot goes to the waiting post; b waits until fewer than `concurrency` run.
    tasks.a.finish();
    await nextTurns();
    expect(log).toEqual(["a", "post1", "post2", "post3"]);
    tasks.post1.finish();
    tasks.post2.finish();
    await nextTurns();
    expect(log).toEqual(["a", "post1", "post2", "post3"]);
    tasks.post3.finish();
    await nextTurns();
    expect(log).toEqual(["a", "post1", "post2", "post3", "b"]);
    tasks.b.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "post1", "post2", "post3"]);
    expect(() => createRequestQueue(2, 1)).toThrow(RangeError);
  });

  it("lets the event loop read new requests between queued tasks that never wait for I/O", async () => {
    const queue = createRequestQueue(1);
    const log: string[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      queue.run(false, async () => {
        log.push(`page ${i}`);
      }),
    );
    // What Node does between two turns: here, a posted answer's socket read.
    setImmediate(() => log.push("socket read"));
    await Promise.all(tasks);
    expect(log.indexOf("socket read")).toBe(1);
    expect(log.filter((entry) => entry.startsWith("page"))).toEqual([
      "page 0",
      "page 1",
      "page 2",
      "page 3",
      "page 4",
    ]);
  });

  it("keeps arrival order for a task that arrives while a freed slot waits to be handed on", async () => {
    const queue = createRequestQueue(1);
    const log: string[] = [];
    const first = gate(log, "first");
    const results = [
      queue.run(false, first.task),
      queue.run(false, async () => log.push("second")),
    ];
    first.finish();
    await results[0];
    // The slot is free, and "second" waits for it: a newcomer queues behind.
    results.push(queue.run(false, async () => log.push("third")));
    await Promise.all(results);
    expect(log).toEqual(["first", "second", "third"]);
  });

  it("frees the slot when a task fails or throws", async () => {
    const queue = createRequestQueue(1);
    await expect(queue.run(false, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(
      queue.run(false, () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await queue.run(false, async () => 42)).toBe(42);
    expect(queue.running).toBe(0);
  });

  it("refuses a concurrency below 1", () => {
    expect(() => createRequestQueue(0)).toThrow(RangeError);
  });
});
