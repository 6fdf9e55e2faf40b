import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file beside its place under a name of its own and renames it there, so a reader
 * (another build, a worker) never sees half of one, and two writers of the same file at once
 * do not trip over each other's temporary file. Makes the folder when it is missing.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temp, data);
  await rename(temp, path);
}
