// Starts a PDF worker thread. Module hooks are per thread, so this installs the ones that
// compile the JSX templates (src/pdf/module-hooks.ts) before loading the worker.
import { installModuleHooks } from './module-hooks.ts';

installModuleHooks();
await import('./render-worker.ts');
