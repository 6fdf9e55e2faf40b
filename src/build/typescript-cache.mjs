// Kitpress's own TypeScript, with its types stripped once and kept: Node strips the types of every
// .ts module it loads (through amaro, a WebAssembly build of swc), about 0.15 CPU-s of each
// start and again in each PDF worker. This hook serves the stripped code kept from an earlier
// run. Plain JavaScript, so that loading it strips nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

/** The repository's own files; a package's TypeScript is not Node's to strip, nor ours. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const TS = /\.ts(?:$|\?)/;

let installed = false;

/**
 * The source without its types, as Node's own loader strips it.
 * Note: Node 22 warns once that `stripTypeScriptTypes` is experimental; the loader it does the
 * work of is not, so that warning is not passed on to the person building.
 */
function strip(source) {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning?.message ?? warning).includes('stripTypeScriptTypes')) emit.call(process, warning, ...rest);
  };
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * Installs, once per thread, a module hook that answers Kitpress's .ts modules with their code
 * stripped of types, kept in `dir` by a hash of the Node version and the source. A module not
 * kept yet is stripped as Node would (`stripTypeScriptTypes`, whose output keeps every line and
 * column, so error positions do not move) and kept; a failed write only means stripping it again.
 * `root`: whose modules are served (default: the repository's). `atExit`: see below.
 */
export function installTypeScriptCache(dir, { root = repoRoot, atExit = false } = {}) {
  if (installed) return;
  installed = true;
  const own = pathToFileURL(root).href.replace(/\/?$/, '/');
  let made = false;
  const keep = (file, code) => {
    try {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const temporary = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temporary, code);
      renameSync(temporary, file);
    } catch {
      // A read-only or full cache folder: the build goes on.
    }
  };
  // With `atExit`, what was stripped now is kept when the process ends, and only if the folder
  // around `dir` exists by then: a command that made no cache folder (a build of content with
  // errors, a refused --out) leaves none behind.
  const waiting = [];
  if (atExit) {
    process.on('exit', () => {
      if (waiting.length > 0 && existsSync(dirname(dir))) for (const [file, code] of waiting) keep(file, code);
    });
  }
  registerHooks({
    load(url, context, nextLoad) {
      if (!TS.test(url) || !url.startsWith(own) || url.includes('/node_modules/')) return nextLoad(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      const kept = join(dir, `${createHash('sha256').update(`${process.version}\0${source}`).digest('hex')}.js`);
      try {
        return { format: 'module', source: readFileSync(kept, 'utf8'), shortCircuit: true };
      } catch {
        // Not kept yet: stripped now.
      }
      const code = strip(source);
      if (atExit) waiting.push([kept, code]);
      else keep(kept, code);
      return { format: 'module', source: code, shortCircuit: true };
    },
  });
}
