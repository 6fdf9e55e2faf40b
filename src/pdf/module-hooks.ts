import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Module sources served from memory, by URL (the tagging copy of `@react-pdf/render`). */
const served = new Map<string, string>();
let installed = false;

/**
 * Installs, once per thread, the module hooks the PDF writer needs: `.tsx` handout templates
 * compiled by esbuild (JSX, as tsconfig says: `react-jsx` from `react`), and the modules given to
 * `serveModule` answered from memory. Every other module loads as Node loads it.
 * Note: in-thread hooks (`module.registerHooks`), not tsx's `module.register()`: those run on a
 * loader thread, and once registered every later import of the thread (Astro's hundreds of
 * modules, in a build that renders a few handouts first) crossed to it and back, about 3 CPU-s.
 */
export function installModuleHooks(): void {
  if (installed) return;
  installed = true;
  registerHooks({
    load(url, context, nextLoad) {
      const source = served.get(url);
      if (source !== undefined) return { format: 'module', source, shortCircuit: true };
      if (url.startsWith('file:') && /\.tsx(?:$|\?)/.test(url)) return { format: 'module', source: compileTsx(fileURLToPath(url)), shortCircuit: true };
      return nextLoad(url, context);
    },
  });
}

/** Answers imports of `url` with `source` (call `installModuleHooks` first). */
export function serveModule(url: string, source: string): void {
  served.set(url, source);
}

let esbuild: typeof import('esbuild') | undefined;

function compileTsx(file: string): string {
  // Note: esbuild is loaded only when a template is, and its synchronous API keeps one service for the thread.
  // Note: a hook answers synchronously, so esbuild (CommonJS) is required, not imported.
  esbuild ??= createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  return esbuild.transformSync(readFileSync(file, 'utf8'), { loader: 'tsx', format: 'esm', jsx: 'automatic', jsxImportSource: 'react', target: 'es2023', sourcefile: file }).code;
}

