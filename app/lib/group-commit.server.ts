/**
 * Group commit: jobs that arrive while a batch is being written are written together, in one
 * transaction, as the next batch. Why: on the feedback POST, the write transaction (taking the
 * lock, reading the session's state, the count and rollup upserts, the commit) cost more than
 * everything else in the request together; its cost hardly grows with the number of answers in
 * it. Nothing waits on a timer: an idle writer waits one turn of the event loop and writes what
 * has arrived, so a lone answer is written at once, and batches form when answers arrive faster
 * than they are written. While answers keep arriving (the last turn brought more), the writer
 * waits one more turn, up to `maxExtraTurns`, as PostgreSQL's `commit_delay` waits only when
 * other transactions are active.
 *
 * Each job gets its own result. When a batch of several fails, each job is re-run alone, so one
 * job's error is its own and never another's.
 */
export interface GroupCommit<J, R> {
  /** Runs `job` in the next batch; resolves with its own result once the batch has committed. */
  submit(job: J): Promise<R>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Waiting<J, R> {
  job: J;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * `write` gets the jobs of one batch in arrival order and returns one result per job, in the
 * same order, after committing them (it must write them all or none).
 */
export function createGroupCommit<J, R>(
  write: (jobs: readonly J[]) => Promise<readonly R[]>,
  options: {
    maxBatch?: number;
    /**
     * How many more turns of the event loop a batch may wait while each turn brings more jobs
     * (default 3). Measured on the feedback POST with 10 clients posting at once: batches of 10
     * instead of 5 on average, 8-10% less CPU per answer; in `bench:feedback`'s bursts the
     * answers' p99 rose 2-5 ms, well inside its 50 ms goal.
     */
    maxExtraTurns?: number;
    /** Whether a failed batch's jobs are re-run one by one (default: always); not when, say,
     * the database stayed locked: each alone would wait as long again. */
    retryAlone?: (error: unknown) => boolean;
  } = {},
): GroupCommit<J, R> {
  const maxBatch = options.maxBatch ?? 100;
  const maxExtraTurns = options.maxExtraTurns ?? 3;
  const retryAlone = options.retryAlone ?? (() => true);
  let waiting: Waiting<J, R>[] = [];
  let writing = false;

  async function writeOne(entry: Waiting<J, R>) {
    try {
      const [result] = await write([entry.job]);
      entry.resolve(result);
    } catch (error) {
      entry.reject(error);
    }
  }

  async function writeBatch(batch: Waiting<J, R>[]) {
    if (batch.length === 1) return writeOne(batch[0]);
    let results: readonly R[];
    try {
      results = await write(batch.map((entry) => entry.job));
      if (results.length !== batch.length) {
        throw new Error(`group commit: ${results.length} results for ${batch.length} jobs`);
      }
    } catch (error) {
      if (!retryAlone(error)) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      for (const entry of batch) await writeOne(entry);
      return;
    }
    for (const [i, entry] of batch.entries()) entry.resolve(results[i]);
  }

  async function drain() {
    writing = true;
    // One turn of the event loop first: the answers whose requests are being read right now
    // (their sockets' data is handled before setImmediate callbacks) join this batch. Without
    // it the writer starts at once, and since a transaction runs without waiting on I/O, no
    // other request progresses meanwhile: batches of one (measured). The wait is a loop turn,
    // not a timer.
    let before = waiting.length;
    await nextTurn();
    // Then more turns while answers keep arriving (see maxExtraTurns), until the batch is full.
    for (
      let extra = 0;
      extra < maxExtraTurns && waiting.length > before && waiting.length < maxBatch;
      extra++
    ) {
      before = waiting.length;
      await nextTurn();
    }
    try {
      while (waiting.length > 0) {
        const batch = waiting.length <= maxBatch ? waiting : waiting.slice(0, maxBatch);
        waiting = waiting.length <= maxBatch ? [] : waiting.slice(maxBatch);
        await writeBatch(batch);
      }
    } finally {
      writing = false;
    }
  }

  return {
    submit(job) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
