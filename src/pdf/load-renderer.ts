import { fileURLToPath } from 'node:url';

let loaded: Promise<typeof import('./render-handout.tsx')> | undefined;

/**
 * Loads the handout renderer. The CLI runs TypeScript by stripping types (Node 22), which
 * cannot compile the JSX of `.tsx` templates, so tsx is registered here, once, just before.
 * Note: under vitest or `tsx` itself the hooks are already there; registering again is harmless.
 */
export function loadRenderer(): Promise<typeof import('./render-handout.tsx')> {
  loaded ??= (async () => {
    const { register } = await import('tsx/esm/api');
    register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
    return import('./render-handout.tsx');
  })();
  return loaded;
}
