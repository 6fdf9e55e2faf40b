import { parentPort } from 'node:worker_threads';
import { runPrintJob, type PrintJob, type PrintResult } from './print-job.ts';
import type { WorkerReply } from './worker-pool.ts';

// Prints one job per message and posts the PDF bytes back without copying them.
parentPort!.on('message', async ({ id, job }: { id: number; job: PrintJob }) => {
  try {
    const result = await runPrintJob(job);
    const bytes = result.bytes.slice();
    const reply: WorkerReply<PrintResult> = { id, result: { ...result, bytes } };
    parentPort!.postMessage(reply, [bytes.buffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, error: { message: e.message, stack: e.stack } } satisfies WorkerReply<PrintResult>);
  }
});
