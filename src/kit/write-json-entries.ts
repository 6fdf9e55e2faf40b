import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Text gathered before each write: few writes, and never the whole file in memory. */
const CHUNK_CHARS = 1 << 20;

/** A JSON object being written to a file an entry at a time (see `openJsonEntries`). */
export interface JsonEntriesWriter {
  /** Adds an entry; its value is made JSON now, so the caller can let go of it. */
  add(key: string, value: unknown): Promise<void>;
  /** Ends the object and puts the file in its place. */
  commit(): Promise<void>;
  /** Removes what was written; the file in place, if any, is left as it was. */
  discard(): Promise<void>;
}

/**
 * Writes one JSON object to `path` as its entries come, the same text `JSON.stringify(Object.fromEntries(entries))`
 * gives for keys that are not array indexes, atomically like `writeFileAtomic`: into a file of its
 * own beside `path`, renamed there by `commit`. The file is made at the first write.
 * Note: the kit pages of 20 locales x 50 pages are 64 MB of JSON; made as one string, then
 * encoded for the write, they held about 190 MB at the kit stage's peak, and held as pages until
 * the last kit had its pages, about 150 MB of heap.
 */
export function openJsonEntries(path: string): JsonEntriesWriter {
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  let file: Promise<FileHandle> | undefined;
  let text = '{';
  let first = true;
  // Writes go in the order they were asked for, one at a time.
  let queue: Promise<void> = Promise.resolve();
  const handle = () => (file ??= mkdir(dirname(path), { recursive: true }).then(() => open(temp, 'w')));
  const flush = () => {
    const out = text;
    text = '';
    queue = queue.then(async () => {
      await (await handle()).write(out);
    });
    return queue;
  };
  return {
    async add(key, value) {
      text += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
      first = false;
      if (text.length >= CHUNK_CHARS) await flush();
    },
    async commit() {
      text += '}';
      try {
        await flush();
      } catch (error) {
        await this.discard();
        throw error;
      }
      await (await handle()).close();
      await rename(temp, path);
    },
    async discard() {
      await queue.catch(() => undefined);
      if (!file) return;
      await (await file.catch(() => undefined))?.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
