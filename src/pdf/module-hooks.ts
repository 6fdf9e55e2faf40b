import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../core/write-atomic.ts';

/** Module sources served from memory, by URL (the tagging copy of `@react-pdf/render`). */
const served = new Map<string, string>();
let installed = false;
/** Where compiled templates are kept between builds (see installModuleHooks). */
let templateCache: string | undefined;

/**
 * Installs, once per thread, the module hooks the PDF writer needs: `.tsx` handout templates
 * compiled by esbuild (JSX, as tsconfig says: `react-jsx` from `react`, with React's production
 * JSX runtime), and the modules given to
 * `serveModule` answered from memory. Every other module loads as Node loads it.
 * Note: in-thread hooks (`module.registerHooks`), not tsx's `module.register()`: those run on a
 * loader thread, and once registered every later import of the thread (Astro's hundreds of
 * modules, in a build that renders a few handouts first) crossed to it and back, about 3 CPU-s.
 * With `templateCacheDir`, a template's compiled code is kept there, keyed by its source, and a
 * thread whose templates are all there never starts esbuild (its own process: about 0.1 CPU-s).
 */
export function installModuleHooks(options: { templateCacheDir?: string | undefined } = {}): void {
  if (installed) return;
  installed = true;
  templateCache = options.templateCacheDir;
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

/** How a template is compiled. */
const TSX_OPTIONS = { loader: 'tsx', format: 'esm', jsx: 'automatic', jsxImportSource: 'react', target: 'es2023' } as const;

function compileTsx(file: string): string {
  const source = readFileSync(file, 'utf8');
  const require = createRequire(import.meta.url);
  // The key: what esbuild is given and which esbuild it is (read from its package.json, without loading it).
  const version = (JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify({ version, options: TSX_OPTIONS, file, source })).digest('hex');
  const cached = templateCache && join(templateCache, `${key}.js`);
  if (cached) {
    try {
      return readFileSync(cached, 'utf8');
    } catch {
      // Not compiled yet: compiled now.
    }
  }
  // Note: esbuild is loaded only when a template is, and its synchronous API keeps one service for the thread.
  // Note: a hook answers synchronously, so esbuild (CommonJS) is required, not imported.
  esbuild ??= require('esbuild') as typeof import('esbuild');
  const code = esbuild.transformSync(source, { ...TSX_OPTIONS, sourcefile: file }).code;
  // Note: written in the background (a hook cannot wait); a failed write only means compiling again next time.
  if (cached) void writeFileAtomic(cached, code).catch(() => undefined);
  return code;
}

