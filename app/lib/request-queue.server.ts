/**
 * Admission of requests to the app: at most `concurrency` run at once, the others wait in arrival
 * order, and form posts (answers, staff changes) go before page views.
 *
 * Why: without it every request of a burst runs at once, interleaved at each database call, so all
 * of them finish near the end of the burst (the earliest answers waited as long as the last) and
 * the tail grows with the burst. Run nearly to completion in order, a request waits only for those
 * ahead of it; a posted answer, which holds what a pupil typed, waits only for other posts.
 */
export interface RequestQueue {
  /** Runs `task` when a slot is free (`urgent` ones first), holding the slot until it settles. */
  run<T>(urgent: boolean, task: () => Promise<T>): Promise<T>;
  /** Running and waiting tasks (for tests and diagnostics). */
  readonly running: number;
  readonly waiting: number;
}

/**
 * `urgentConcurrency` (default `concurrency`, at least it): how many tasks may run at once when
 * the new one is urgent. Answers are written in batches (app/lib/group-commit.server.ts), which
 * form only from answers that are in the app together: with room for more posts than page views,
 * a burst's answers are read and then written together instead of one transaction each.
 */
export function createRequestQueue(
  concurrency: number,
  urgentConcurrency = concurrency,
): RequestQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer: ${concurrency}`);
  }
  if (!Number.isInteger(urgentConcurrency) || urgentConcurrency < concurrency) {
    throw new RangeError(
      `urgentConcurrency must be an integer of at least concurrency: ${urgentConcurrency}`,
    );
  }
  let running = 0;
  const urgentQueue: Array<() => void> = [];
  const normalQueue: Array<() => void> = [];
  // Queues as arrays with a moving head would be O(1); shift() is fine at these lengths (<10^4).
  const nextWaiting = () =>
    running < urgentConcurrency && urgentQueue.length > 0
      ? urgentQueue.shift()
      : running < concurrency && urgentQueue.length === 0
        ? normalQueue.shift()
        : undefined;
  const drain = () => {
    drainScheduled = false;
    for (let next = nextWaiting(); next; next = nextWaiting()) {
      running++;
      next();
    }
  };
  // Waiting tasks start on a later turn of the event loop, never in the settling task's own. A
  // page that renders without waiting for I/O (SQLite answers synchronously) settles inside a chain
  // of promise callbacks; starting the next one there handed the slot on and on, and Node read no
  // socket until the queue was empty: in a burst, posted answers waited behind every queued page
  // view (answer POST p99 211 ms instead of 28).
  let drainScheduled = false;
  const scheduleDrain = () => {
    if (drainScheduled) return;
    drainScheduled = true;
    setImmediate(drain);
  };
  const release = () => {
    running--;
    if (urgentQueue.length > 0 || normalQueue.length > 0) scheduleDrain();
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return urgentQueue.length + normalQueue.length;
    },
    run<T>(urgent: boolean, task: () => Promise<T>): Promise<T> {
      const start = (): Promise<T> => {
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        return result.finally(release);
      };
      // A free slot is taken at once unless others wait for it (a drain is then due): arrival
      // order holds within each kind.
      const free = urgent
        ? running < urgentConcurrency && urgentQueue.length === 0
        : running < concurrency && urgentQueue.length === 0 && normalQueue.length === 0;
      if (free) {
        running++;
        return start();
      }
      return new Promise<T>((resolve, reject) => {
        (urgent ? urgentQueue : normalQueue).push(() => start().then(resolve, reject));
        if (running < urgentConcurrency) scheduleDrain();
      });
    },
  };
}
