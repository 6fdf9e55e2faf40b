import { createHash } from 'node:crypto';
import { compareBytes } from './site-files.ts';
import type { ZipBytes } from './deterministic-zip.ts';

/** Hex SHA-256 of each file's bytes, once per build: the same bytes are in several kits and rounds. */
const digests = new WeakMap<Uint8Array, string>();

/** The hex SHA-256 of some bytes, remembered for as long as the bytes are; a file put aside has its own. */
export function sha256Hex(bytes: ZipBytes): string {
  if (!(bytes instanceof Uint8Array)) return bytes.sha256;
  let hex = digests.get(bytes);
  if (hex === undefined) digests.set(bytes, (hex = createHash('sha256').update(bytes).digest('hex')));
  return hex;
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: `<hex>  <path>`, one file a line, sorted by path. */
export function sha256sums(files: ReadonlyMap<string, ZipBytes>): string {
  return [...files.keys()]
    .sort(compareBytes)
    .map((path) => `${sha256Hex(files.get(path)!)}  ${path}\n`)
    .join('');
}
