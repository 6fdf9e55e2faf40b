import { Worker } from 'node:worker_threads';

/** A fixed set of worker threads that run jobs one at a time each. */
export interface WorkerPool<J, R> {
  run(job: J): Promise<R>;
  close(): Promise<void>;
}

/** What a worker posts back for a job. */
export type WorkerReply<R> = { id: number; result: R } | { id: number; error: { message: string; stack?: string } };

interface Task<J, R> {
  id: number;
  job: J;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Starts `size` workers from `entry`, each given `workerData` once. Jobs queue until a worker
 * is free. A worker that crashes fails its job and every queued one: the stage then fails loudly.
 */
export function createWorkerPool<J, R>(entry: URL, size: number, workerData: unknown): WorkerPool<J, R> {
  const queue: Task<J, R>[] = [];
  const busy = new Map<Worker, Task<J, R>>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;

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
    }
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(entry, { workerData });
    worker.on('message', (reply: WorkerReply<R>) => {
      const task = busy.get(worker);
      if (!task || task.id !== reply.id) return;
      busy.delete(worker);
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        task.reject(error);
      } else task.resolve(reply.result);
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`A PDF worker stopped unexpectedly (exit code ${code}).`));
    });
    idle.push(worker);
    return worker;
  });

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
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
