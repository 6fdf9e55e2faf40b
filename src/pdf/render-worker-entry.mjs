// Starts a PDF worker thread. Module hooks are per thread, so this installs the ones that
// compile the JSX templates (src/pdf/module-hooks.ts) before loading the worker.
import { workerData } from 'node:worker_threads';
import { installTypeScriptCache } from '../build/typescript-cache.mjs';

// First, so that the worker's own TypeScript comes stripped from the cache (see typescript-cache.mjs).
if (workerData?.typescriptCacheDir) installTypeScriptCache(workerData.typescriptCacheDir);
const { installModuleHooks } = await import('./module-hooks.ts');
installModuleHooks({ templateCacheDir: workerData?.templateCacheDir });
await import('./render-worker.ts');
