// A test worker: answers a job with its number doubled, loops for ever when the job says `hang`,
// first holds `holdMb` megabytes of objects when the job asks for them, and takes `waitMs` when it says so.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, job }) => {
  if (job.hang) for (;;);
  if (job.waitMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.waitMs);
  const held = [];
  for (let mb = 0; mb < (job.holdMb ?? 0); mb++) held.push(Array.from({ length: 1 << 15 }, (_, i) => ({ i })));
  parentPort.postMessage({ id, result: job.n * 2 + held.length * 0 });
});
