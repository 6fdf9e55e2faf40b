import { createHash } from 'node:crypto';
import { compareBytes } from './site-files.ts';

/** `SHA256SUMS` in the format `sha256sum -c` reads: `<hex>  <path>`, one file a line, sorted by path. */
export function sha256sums(files: ReadonlyMap<string, Buffer>): string {
  return [...files.keys()]
    .sort(compareBytes)
    .map((path) => `${createHash('sha256').update(files.get(path)!).digest('hex')}  ${path}\n`)
    .join('');
}
