import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../core/write-atomic.ts';

export { SCRIPT_FOLDER } from '../core/outputs.ts';
import { SCRIPT_FOLDER } from '../core/outputs.ts';

const defaultEntry = fileURLToPath(new URL('./client/main.ts', import.meta.url));

/** The site's one script, bundled: its path under the site root (named by its hash) and its text. */
export interface ClientScript {
  path: string;
  code: string;
}

/** A bundle as `<cacheDir>/site/client-script.json` keeps it: the code, and what it was made from. */
interface KeptBundle {
  esbuild: string;
  entry: string;
  /** Every file esbuild read (the script's modules and the packages they import), with its SHA-256. */
  inputs: Record<string, string>;
  code: string;
}

/**
 * Bundles `src/site/client/` into one classic script (an IIFE, no `import`), so it runs from
 * file:// as well as on the hosted site; `script-src 'self'` allows it, nothing inline.
 * With `cacheDir`, the bundle is kept there with the files it was made from, and used again while
 * none of them changed: esbuild is then neither loaded nor started (about 0.15 CPU-s of a rebuild).
 */
export async function bundleClientScript(options: { cacheDir?: string | undefined; entry?: string } = {}): Promise<ClientScript> {
  const entry = options.entry ?? defaultEntry;
  const keptFile = options.cacheDir && join(options.cacheDir, 'site', 'client-script.json');
  const esbuildVersion = (JSON.parse(await readFile(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')) as { version: string }).version;
  const kept = keptFile ? await readKept(keptFile) : undefined;
  if (kept && kept.esbuild === esbuildVersion && kept.entry === entry && (await unchanged(kept.inputs))) return scriptOf(kept.code);
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const code = result.outputFiles[0]!.text;
    if (keptFile) {
      // Note: esbuild names its inputs relative to its working folder.
      const paths = Object.keys(result.metafile.inputs).map((input) => resolve(input));
      const inputs = Object.fromEntries(await Promise.all(paths.map(async (path) => [path, sha256(await readFile(path))] as const)));
      await writeFileAtomic(keptFile, JSON.stringify({ esbuild: esbuildVersion, entry, inputs, code } satisfies KeptBundle));
    }
    return scriptOf(code);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitpressError(`The site's script could not be bundled: ${reason}`, 'This is a bug in Kitpress, not in your content. Please report it with this message.');
  }
}

function scriptOf(code: string): ClientScript {
  return { path: `${SCRIPT_FOLDER}/kitpress-${hashOf(code)}.js`, code };
}

async function readKept(file: string): Promise<KeptBundle | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as KeptBundle;
  } catch {
    return undefined;
  }
}

/** Whether every file still has the SHA-256 it had (a file gone is a change). */
async function unchanged(inputs: Record<string, string>): Promise<boolean> {
  const now = await Promise.all(Object.entries(inputs).map(async ([path, hash]) => (await readFile(path).then(sha256, () => 'gone')) === hash));
  return now.every(Boolean);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes a file under the site root, making its folder. */
export async function writeSiteFile(outDir: string, path: string, text: string): Promise<void> {
  const target = join(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

/** The first ten hex digits of a text's SHA-256: a file name that changes when the file does. */
export function hashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
}
