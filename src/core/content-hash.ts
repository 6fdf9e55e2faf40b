import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

/** JSON with object keys sorted and undefined left out, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${text}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let text = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
      first = false;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A hex SHA-256 of some strings and bytes, each followed by a separator. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** A hash of the files matching `patterns` under `root` (names and bytes, in a fixed order). */
export async function filesHash(root: string, patterns: string[]): Promise<string> {
  const files = (await glob(patterns, { cwd: root })).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(root, file))).update('\0');
  return hash.digest('hex');
}
