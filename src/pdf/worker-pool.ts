import { Worker } from 'node:worker_threads';

/** A fixed set of worker threads that run jobs one at a time each. */
export interface WorkerPool<J, R> {
  run(job: J): Promise<R>;
  close(): Promise<void>;
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

/** Pool options: `timeoutMs` per job (none when undefined). */
export interface PoolOptions {
  timeoutMs?: number | undefined;
}

interface Task<J, R> {
  id: number;
  job: J;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Starts `size` workers from `entry`, each given `workerData` once. Jobs queue until a worker
 * is free. A worker that crashes fails its job and every queued one: the stage then fails loudly.
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
  const workers = new Set<Worker>();

  const fail = (error: Error) => {
    failure ??= error;
    for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(error);
    busy.clear();
  };

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.postMessage({ id: task.id, job: task.job });
      if (options.timeoutMs !== undefined) timers.set(worker, setTimeout(() => timeOut(worker), options.timeoutMs));
    }
  };

  const timeOut = (worker: Worker) => {
    const task = busy.get(worker);
    if (!task) return;
    busy.delete(worker);
    timers.delete(worker);
    retired.add(worker);
    workers.delete(worker);
    void worker.terminate();
    task.reject(new JobTimeoutError(options.timeoutMs!));
    if (!closing) {
      idle.push(spawn());
      dispatch();
    }
  };

  const spawn = () => {
    const worker = new Worker(entry, { workerData });
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
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      if (!retired.has(worker)) fail(error);
    });
    worker.on('exit', (code) => {
      if (!closing && !retired.has(worker)) fail(new Error(`A PDF worker stopped unexpectedly (exit code ${code}).`));
    });
    return worker;
  };
  for (let i = 0; i < size; i++) idle.push(spawn());

  return {
    run(job) {
      if (failure) return Promise.reject(failure);
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      timers.forEach((timer) => clearTimeout(timer));
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}
