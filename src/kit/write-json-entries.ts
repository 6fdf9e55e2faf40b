import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Text gathered before each write: few writes, and never the whole file in memory. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes `entries` as one JSON object, the same text `JSON.stringify(Object.fromEntries(entries))`
 * gives for keys that are not array indexes, but an entry at a time, atomically like `writeFileAtomic`.
 * Note: the kit pages of 20 locales x 50 pages are 64 MB of JSON; made as one string, then
 * encoded for the write, they held about 190 MB at the kit stage's peak.
 */
export async function writeJsonEntries(path: string, entries: Iterable<readonly [string, unknown]>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const file = await open(temp, 'w');
  try {
    let text = '{';
    let first = true;
    for (const [key, value] of entries) {
      text += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
      first = false;
      if (text.length >= CHUNK_CHARS) {
        await file.write(text);
        text = '';
      }
    }
    await file.write(`${text}}`);
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}
