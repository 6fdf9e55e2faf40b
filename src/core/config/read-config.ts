import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Config } from './schema.ts';

/** The configuration file's name inside the content folder. */
export const CONFIG_FILE = 'kitpress.yaml';

/**
 * Reads and validates `kitpress.yaml`; problems are reported, and `undefined` returned on any error.
 * Note: the YAML parser and the schema (zod) load only once the file is there, which keeps
 * `check` of a folder without one quick.
 */
export async function readConfig(contentDir: string, diagnostics: Diagnostics): Promise<Config | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(contentDir, CONFIG_FILE));
  } catch {
    diagnostics.report('config-missing', { file: CONFIG_FILE }, { file: CONFIG_FILE, line: 0, column: 0 });
    return undefined;
  }
  const { checkConfig } = await import('./check-config.ts');
  return checkConfig(bytes, contentDir, diagnostics);
}
