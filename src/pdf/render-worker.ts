import { parentPort, workerData } from 'node:worker_threads';
import type { Toolkit } from '../core/model.ts';
import type { HandoutJob, RenderedHandout } from './handout-job.ts';
import type { PrintAssets } from './print-assets.ts';
import { renderHandout } from './render-handout.tsx';
import type { WorkerReply } from './worker-pool.ts';

/** The data every PDF worker starts with: the whole model, as plain JSON. */
export interface RenderWorkerData {
  toolkit: Toolkit;
  assets: PrintAssets;
}

const { toolkit, assets } = workerData as RenderWorkerData;

// Renders one job per message and posts the PDF bytes back without copying them.
parentPort!.on('message', async ({ id, job }: { id: number; job: HandoutJob }) => {
  try {
    const result = await renderHandout(toolkit, job, assets);
    const bytes = result.bytes.slice();
    const reply: WorkerReply<RenderedHandout> = { id, result: { ...result, bytes } };
    parentPort!.postMessage(reply, [bytes.buffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, error: { message: e.message, stack: e.stack } } satisfies WorkerReply<RenderedHandout>);
  }
});
