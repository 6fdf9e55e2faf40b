import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Module sources served from memory, by URL (the tagging copy of `@react-pdf/render`). */
const served = new Map<string, string>();
let installed = false;

/**
 * Installs, once per thread, the module hooks the PDF writer needs: `.tsx` handout templates
 * compiled by esbuild (JSX, as tsconfig says: `react-jsx` from `react`, with React's production
 * JSX runtime), and the modules given to
 * `serveModule` answered from memory. Every other module loads as Node loads it.
 * Note: in-thread hooks (`module.registerHooks`), not tsx's `module.register()`: those run on a
 * loader thread, and once registered every later import of the thread (Astro's hundreds of
 * modules, in a build that renders a few handouts first) crossed to it and back, about 3 CPU-s.
 */
export function installModuleHooks(): void {
  if (installed) return;
  installed = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'react/jsx-runtime' && context.parentURL && TSX.test(context.parentURL)) return { url: productionJsxRuntime(), format: 'commonjs', shortCircuit: true };
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      const source = served.get(url);
      if (source !== undefined) return { format: 'module', source, shortCircuit: true };
      if (url.startsWith('file:') && TSX.test(url)) return { format: 'module', source: compileTsx(fileURLToPath(url)), shortCircuit: true };
      return nextLoad(url, context);
    },
  });
}

const TSX = /\.tsx(?:$|\?)/;

/**
 * React's production JSX runtime, for the templates compiled here.
 * Note: the runtime `react/jsx-runtime` picks by NODE_ENV, which a CLI build does not set, and the
 * development one records a stack for every element it makes (about 3% of a handout's render).
 * The elements are the same; only the development checks and stacks are left out.
 */
function productionJsxRuntime(): string {
  const react = dirname(createRequire(import.meta.url).resolve('react/package.json'));
  return pathToFileURL(join(react, 'cjs', 'react-jsx-runtime.production.js')).href;
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

