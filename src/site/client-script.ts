import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';

export { SCRIPT_FOLDER } from '../core/outputs.ts';
import { SCRIPT_FOLDER } from '../core/outputs.ts';

const entry = fileURLToPath(new URL('./client/main.ts', import.meta.url));

/** The site's one script, bundled: its path under the site root (named by its hash) and its text. */
export interface ClientScript {
  path: string;
  code: string;
}

/**
 * Bundles `src/site/client/` into one classic script (an IIFE, no `import`), so it runs from
 * file:// as well as on the hosted site; `script-src 'self'` allows it, nothing inline.
 */
export async function bundleClientScript(): Promise<ClientScript> {
  try {
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
    });
    const code = result.outputFiles[0]!.text;
    return { path: `${SCRIPT_FOLDER}/kitpress-${hashOf(code)}.js`, code };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitpressError(`The site's script could not be bundled: ${reason}`, 'This is a bug in Kitpress, not in your content. Please report it with this message.');
  }
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
