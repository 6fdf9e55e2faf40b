// Starts a PDF worker thread. Worker threads do not inherit the main thread's TypeScript
// loader, so this registers tsx (with the project's tsconfig, for JSX) before loading the worker.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./render-worker.ts');
