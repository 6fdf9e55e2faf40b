import { parentPort } from 'node:worker_threads';
import { runPrintJob, type PrintJob, type PrintResult } from './print-job.ts';
import { loadGuideRenderer, loadRenderer } from './load-renderer.ts';
import type { WorkerReply } from './worker-pool.ts';

// A worker starts only to print (or to be ready to), so it loads the renderers at once; a failure
// to load is reported by the first job that needs them.
loadRenderer().catch(() => undefined);
loadGuideRenderer().catch(() => undefined);

// Prints one job per message and posts the PDF bytes (and a handout's preview) back without copying them.
parentPort!.on('message', async ({ id, job }: { id: number; job: PrintJob }) => {
  try {
    const result = await runPrintJob(job);
    const bytes = result.bytes.slice();
    const preview = 'preview' in result && result.preview ? result.preview.slice() : undefined;
    const reply: WorkerReply<PrintResult> = { id, result: { ...result, bytes, ...(preview && { preview }) } };
    parentPort!.postMessage(reply, preview ? [bytes.buffer, preview.buffer] : [bytes.buffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, error: { message: e.message, stack: e.stack } } satisfies WorkerReply<PrintResult>);
  }
});
