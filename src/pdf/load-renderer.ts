import { installModuleHooks } from './module-hooks.ts';

let loaded: Promise<typeof import('./render-handout.tsx')> | undefined;

/**
 * Loads the handout renderer. The CLI runs TypeScript by stripping types (Node 22), which
 * cannot compile the JSX of `.tsx` templates, so the module hooks that compile them are
 * installed here, once, just before.
 * Note: under vitest the templates are compiled by Vite before the hooks see them; harmless.
 */
export function loadRenderer(): Promise<typeof import('./render-handout.tsx')> {
  loaded ??= (async () => {
    installModuleHooks();
    return import('./render-handout.tsx');
  })();
  return loaded;
}

let guideRenderer: Promise<typeof import('./render-guide.tsx')> | undefined;

/** Loads the facilitator guide's renderer the same way. */
export function loadGuideRenderer(): Promise<typeof import('./render-guide.tsx')> {
  guideRenderer ??= (async () => {
    installModuleHooks();
    return import('./render-guide.tsx');
  })();
  return guideRenderer;
}
