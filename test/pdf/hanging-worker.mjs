// A test worker: answers a job with its number doubled, or loops for ever when the job says `hang`.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, job }) => {
  if (job.hang) for (;;);
  parentPort.postMessage({ id, result: job.n * 2 });
});
