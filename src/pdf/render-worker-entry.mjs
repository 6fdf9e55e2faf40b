// Starts a PDF worker thread. Module hooks are per thread, so this installs the ones that
// compile the JSX templates (src/pdf/module-hooks.ts) before loading the worker.
import { workerData } from 'node:worker_threads';
import { installModuleHooks } from './module-hooks.ts';

installModuleHooks({ templateCacheDir: workerData?.templateCacheDir });
await import('./render-worker.ts');
