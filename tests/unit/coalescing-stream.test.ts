import { afterEach, describe, expect, it, vi } from "vitest";
import { CoalescingStream } from "../../app/lib/coalescing-stream.server";

function collect(stream: CoalescingStream) {
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  return chunks;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("CoalescingStream", () => {
  it("sends a page written in parts over several turns as one chunk when it ends", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    const ended = new Promise((resolve) => stream.on("end", resolve));
    stream.write("<html>");
    await new Promise((r) => setImmediate(r));
    stream.write("<body>");
    await new Promise((r) => setTimeout(r, 5));
    stream.write("</body></html>");
    expect(chunks).toEqual([]);
    stream.end();
    await ended;
    expect(chunks).toEqual(["<html><body></body></html>"]);
  });

  it("sends what it has after HOLD_MS and then one chunk per turn, for a page still rendering", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate"] });
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    stream.write("shell-");
    stream.write("part");
    vi.advanceTimersByTime(CoalescingStream.HOLD_MS - 1);
    expect(chunks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(chunks).toEqual(["shell-part"]);
    stream.write("late-");
    stream.write("data");
    expect(chunks).toEqual(["shell-part"]);
    vi.runOnlyPendingTimers();
    expect(chunks).toEqual(["shell-part", "late-data"]);
    stream.write("end");
    stream.end();
    vi.runAllTimers();
    await vi.waitFor(() => expect(chunks).toEqual(["shell-part", "late-data", "end"]));
  });

  it("ends an empty body without a chunk", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    const ended = new Promise((resolve) => stream.on("end", resolve));
    stream.end();
    await ended;
    expect(chunks).toEqual([]);
  });

  it("takes a second end() as done (React ends its destination again when it closes)", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    const errors: unknown[] = [];
    stream.on("error", (error) => errors.push(error));
    const closed = new Promise((resolve) => stream.on("close", resolve));
    stream.end("<p>page</p>");
    await closed;
    expect(stream.end()).toBe(stream);
    // A caller that asks for the outcome is still told the stream had finished.
    const outcome = await new Promise((resolve) => stream.end(resolve));
    expect(outcome).toMatchObject({ code: "ERR_STREAM_ALREADY_FINISHED" });
    await new Promise((r) => setImmediate(r));
    expect(errors).toEqual([]);
    expect(chunks).toEqual(["<p>page</p>"]);
  });
});
