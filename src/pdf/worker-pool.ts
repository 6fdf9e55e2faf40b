import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A set of worker threads that run jobs one at a time each. */
export interface WorkerPool<J, R> {
  run(job: J, options?: RunOptions): Promise<R>;
  /** How many workers were started (replacements of timed-out ones not counted). */
  started(): number;
  /** Starts the first worker now, before any job, when none has started (a pool started as jobs come). */
  warm(): void;
  /** Runs jobs on at most `threads` workers from now on (at most the pool's size; undefined: its size). */
  limit(threads: number | undefined): void;
  close(): Promise<void>;
}

/** How one job runs: `first` puts it before the jobs already waiting; `timeoutMs` overrides the pool's. */
export interface RunOptions {
  first?: boolean;
  timeoutMs?: number | undefined;
}

/** What a worker posts back for a job. */
export type WorkerReply<R> = { id: number; result: R } | { id: number; error: { message: string; stack?: string } };

/** A job that ran longer than the pool's time-out; its worker was stopped and replaced. */
export class JobTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`The job did not finish within ${Math.round(timeoutMs / 1000)} s.`);
    this.name = 'JobTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** Pool options: `timeoutMs` per job (none when undefined), what the workers start with. */
export interface PoolOptions {
  timeoutMs?: number | undefined;
  /**
   * Start workers only as jobs come: the first with the first job, each further one (up to the
   * pool's size) when this many jobs wait. Unset: every worker starts at once.
   */
  spawnWhenWaiting?: number | undefined;
  /** The workers' environment (default: a copy of this process's). */
  env?: NodeJS.ProcessEnv | undefined;
  /**
   * Memory limits of each worker. A job whose worker runs out of memory runs again, alone, on a
   * worker started without them (and stopped after it); the pool replaces the worker it lost.
   */
  resourceLimits?: ResourceLimits | undefined;
}

interface Task<J, R> {
  id: number;
  job: J;
  timeoutMs: number | undefined;
  first: boolean;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Starts `size` workers from `entry` (at once, or as jobs come: see `spawnWhenWaiting`), each
 * given `workerData` once. Jobs queue until a worker is free. A worker that crashes fails its job and every queued one: the stage then fails loudly.
 * A job that runs past `timeoutMs` fails alone with a JobTimeoutError: its worker is
 * terminated and replaced, and the other jobs go on.
 */
export function createWorkerPool<J, R>(entry: URL, size: number, workerData: unknown, options: PoolOptions = {}): WorkerPool<J, R> {
  const queue: Task<J, R>[] = [];
  const busy = new Map<Worker, Task<J, R>>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  const timers = new Map<Worker, NodeJS.Timeout>();
  const retired = new Set<Worker>();
  // Workers without memory limits, each started for one job that ran out of memory.
  const unlimited = new Set<Worker>();
  const workers = new Set<Worker>();

  const fail = (error: Error) => {
    failure ??= error;
    for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(error);
    busy.clear();
  };

  let spawned = 0;
  // At most this many workers run jobs (see `limit`).
  let allowed = size;
  const dispatch = () => {
    const lazy = options.spawnWhenWaiting;
    // One more worker when none is free and enough jobs wait (or none runs yet).
    if (lazy !== undefined && !closing && idle.length === 0 && spawned < allowed && queue.length >= (spawned === 0 ? 1 : lazy)) {
      spawned += 1;
      idle.push(spawn());
    }
    while (idle.length > 0 && queue.length > 0 && busy.size < allowed) start(idle.pop()!, queue.shift()!);
  };

  const timeOut = (worker: Worker) => {
    const task = busy.get(worker);
    if (!task) return;
    busy.delete(worker);
    timers.delete(worker);
    retired.add(worker);
    workers.delete(worker);
    void worker.terminate();
    task.reject(new JobTimeoutError(task.timeoutMs!));
    if (!closing && !unlimited.has(worker)) {
      idle.push(spawn());
      dispatch();
    }
  };

  const start = (worker: Worker, task: Task<J, R>) => {
    busy.set(worker, task);
    worker.postMessage({ id: task.id, job: task.job });
    if (task.timeoutMs !== undefined) timers.set(worker, setTimeout(() => timeOut(worker), task.timeoutMs));
  };
  const retire = (worker: Worker) => {
    clearTimeout(timers.get(worker));
    timers.delete(worker);
    retired.add(worker);
    workers.delete(worker);
  };

  const spawn = (limited = true) => {
    const limits = limited ? options.resourceLimits : undefined;
    const worker = new Worker(entry, { workerData, ...(options.env ? { env: options.env } : {}), ...(limits ? { resourceLimits: limits } : {}) });
    workers.add(worker);
    worker.on('message', (reply: WorkerReply<R>) => {
      const task = busy.get(worker);
      if (!task || task.id !== reply.id) return;
      busy.delete(worker);
      clearTimeout(timers.get(worker));
      timers.delete(worker);
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        task.reject(error);
      } else task.resolve(reply.result);
      if (unlimited.has(worker)) {
        retire(worker);
        void worker.terminate();
      } else idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      if (retired.has(worker)) return;
      const task = busy.get(worker);
      if (task && limits && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && !closing) {
        busy.delete(worker);
        retire(worker);
        const alone = spawn(false);
        unlimited.add(alone);
        start(alone, task);
        idle.push(spawn());
        dispatch();
        return;
      }
      fail(error);
    });
    worker.on('exit', (code) => {
      if (!closing && !retired.has(worker)) fail(new Error(`A PDF worker stopped unexpectedly (exit code ${code}).`));
    });
    return worker;
  };
  if (options.spawnWhenWaiting === undefined) {
    for (let i = 0; i < size; i++) idle.push(spawn());
    spawned = size;
  }

  return {
    run(job, run = {}) {
      if (failure) return Promise.reject(failure);
      if (closing) return Promise.reject(new Error('The PDF worker pool is closed.'));
      return new Promise<R>((resolve, reject) => {
        const task = { id: nextId++, job, timeoutMs: 'timeoutMs' in run ? run.timeoutMs : options.timeoutMs, first: run.first ?? false, resolve, reject };
        // A job that goes first still waits behind the other first ones, in their order.
        const at = task.first ? queue.findIndex((waiting) => !waiting.first) : -1;
        if (at >= 0) queue.splice(at, 0, task);
        else queue.push(task);
        dispatch();
      });
    },
    started: () => spawned,
    warm() {
      if (spawned > 0 || closing || failure) return;
      spawned = 1;
      idle.push(spawn());
    },
    limit(threads) {
      allowed = Math.max(1, Math.min(size, threads ?? size));
      dispatch();
    },
    async close() {
      closing = true;
      timers.forEach((timer) => clearTimeout(timer));
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}
