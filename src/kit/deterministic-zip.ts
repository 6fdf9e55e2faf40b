import { hashOf } from '../core/content-hash.ts';
import { sha256Hex } from './checksums.ts';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/write-atomic.ts';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { compareBytes } from './site-files.ts';
import { createLimiter } from '../core/task-limiter.ts';
import { markUsed } from './prune-kit-cache.ts';

/**
 * A file a zip will hold, compressed already and kept in the folder of a `CompressedFiles`: what the
 * zip needs of it, without its bytes (see `CompressedFiles.putAside`).
 */
export interface PutAside {
  crc: number;
  size: number;
  sha256: string;
  /** The file of its compressed bytes. */
  file: string;
  /** Its compressed size. */
  stored: number;
}

/** A file as a zip is given it: its bytes, or put aside compressed. */
export type ZipBytes = Uint8Array | PutAside;

/** Whether a zip stores this file as it is: its format is compressed (see `storedAsIs`) and it was not put aside compressed. */
function keptAsIs(path: string, bytes: ZipBytes): bytes is Uint8Array {
  return bytes instanceof Uint8Array && storedAsIs(path);
}

/** A file's bytes as a zip stores them: deflated, with the CRC and size of the original. */
interface StoredEntry {
  crc: number;
  size: number;
  deflated: Uint8Array<ArrayBuffer>;
}

/** zlib's deflate on the thread pool, so files compress side by side, off the main thread. */
const deflateAsync = promisify(deflateRaw);

/**
 * zlib's default level. Note: level 9 made the default kits' PDFs 14 kB smaller of 4.2 MB (0.3%)
 * and pages, scripts and styles no smaller, for a quarter more deflate time (PDFs: ~0.47 against ~0.37 CPU-s here).
 */
const LEVEL = 6;

/**
 * Deflates in flight at once: libuv's thread pool runs four (UV_THREADPOOL_SIZE) and the rest wait.
 * Note: each waiting deflate already holds zlib's state (about 256 kB) and its output;
 * the 1131 files of the kit of every language at 20 locales x 50 pages, started all at once,
 * held about 300 MB.
 */
const DEFLATES_AT_ONCE = Math.max(4, Number(process.env.UV_THREADPOOL_SIZE) || 0) * 2;

const deflateLimited = createLimiter(DEFLATES_AT_ONCE);

/**
 * Files whose format is compressed already: deflate gains nothing on them (measured: woff2 0%,
 * png under 1%), so a zip stores them as they are (method 0) and nothing spends time on it.
 * PDFs (27% smaller deflated) and text are deflated.
 */
const ALREADY_COMPRESSED = /\.(woff2?|png|jpe?g|gif|webp|avif|zip|gz|br|mp4|webm)$/i;

/** Whether a zip stores the file at `path` as it is rather than deflated. */
export function storedAsIs(path: string): boolean {
  return ALREADY_COMPRESSED.test(path);
}

/**
 * Compressed files by the hash of their bytes: a file in several kits (a PDF, a font, a page of
 * the kit of one language and of the kit of every language) or in several rounds of the same kit
 * is compressed once per build, and, with a folder, once for every build that has it.
 * Note: the key holds zlib's version, so a cache written by another zlib never mixes its bytes
 * into a zip (a clean build must give the same bytes).
 */
export class CompressedFiles {
  private readonly byHash = new Map<string, Promise<StoredEntry | PutAside>>();
  private readonly dir: string | undefined;

  constructor(dir?: string) {
    this.dir = dir;
  }

  /** The stored form of `bytes`, compressed now or found. */
  async get(bytes: ZipBytes): Promise<StoredEntry> {
    const found = bytes instanceof Uint8Array ? await this.entry(bytes) : bytes;
    // Note: with a folder, the compressed bytes are read again from it rather than all held in memory.
    return 'file' in found ? { crc: found.crc, size: found.size, deflated: (await readFile(found.file)) as Uint8Array<ArrayBuffer> } : found;
  }

  /** The size of the stored form of `bytes` (a compressed file kept in the folder is not read). */
  async sizeOf(bytes: ZipBytes): Promise<number> {
    const found = bytes instanceof Uint8Array ? await this.entry(bytes) : bytes;
    return 'file' in found ? found.stored : found.deflated.byteLength;
  }

  /**
   * The file at `path` (a path in the zip) compressed now or found, and kept in the folder: what a
   * zip needs of it without its bytes, so a caller holding many files can let go of theirs.
   * A file the zip stores as it is (see `storedAsIs`), or any file when there is no folder, comes back as it is.
   */
  async putAside(path: string, bytes: Uint8Array): Promise<ZipBytes> {
    if (!this.dir || storedAsIs(path)) return bytes;
    const found = await this.entry(bytes);
    return 'file' in found ? found : bytes;
  }

  /** The names of the files in the folder this build used (found or written), for `pruneUnused`. */
  usedFiles(): Set<string> {
    return new Set([...this.byHash.keys()].map((key) => `${key}.deflate`));
  }

  private entry(bytes: Uint8Array): Promise<StoredEntry | PutAside> {
    const sha256 = sha256Hex(bytes);
    const key = hashOf(`zlib ${process.versions.zlib} level ${LEVEL}`, sha256);
    let entry = this.byHash.get(key);
    if (!entry) this.byHash.set(key, (entry = this.load(key, sha256, bytes)));
    return entry;
  }

  private async load(key: string, sha256: string, bytes: Uint8Array): Promise<StoredEntry | PutAside> {
    const file = this.dir && join(this.dir, `${key}.deflate`);
    const crc = crc32(bytes);
    const kept = file ? await stat(file).catch(() => undefined) : undefined;
    if (file && kept?.isFile()) {
      await markUsed(file);
      return { crc, size: bytes.byteLength, sha256, file, stored: kept.size };
    }
    const deflated = (await deflateLimited(() => deflateAsync(bytes, { level: LEVEL }))) as Uint8Array<ArrayBuffer>;
    if (!file) return { crc, size: bytes.byteLength, deflated };
    await writeFileAtomic(file, deflated);
    return { crc, size: bytes.byteLength, sha256, file, stored: deflated.byteLength };
  }
}

/** Unix mode bits as a zip's external attributes carry them. */
const FILE_ATTRS = 0o100644 * 0x10000;
const FOLDER_ATTRS = 0o40755 * 0x10000;
/** "Made by" Unix, so unzip applies the modes. */
const UNIX = 3;
const DEFLATE = 8;
const STORE = 0;

/**
 * Zips files under one top folder so the same input always gives the same bytes:
 * entries sorted, one fixed time, fixed permissions (0644 files, 0755 folders), no extra
 * fields; names that are not plain ASCII carry the UTF-8 flag. Each file is compressed
 * through `compressed`, so one shared between kits or rounds is compressed once; fonts and
 * images are stored as they are (see `storedAsIs`).
 */
export async function deterministicZip(top: string, files: ReadonlyMap<string, ZipBytes>, time: Date, compressed: CompressedFiles = new CompressedFiles()): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await zipInto(top, files, time, compressed, async (more) => {
    chunks.push(...more);
  });
  return Buffer.concat(chunks);
}

/**
 * Writes the zip `deterministicZip` makes to `path` (atomically, like `writeFileAtomic`) an entry
 * at a time; gives its size. Note: the kit of every language at 20 locales x 50 pages is 38 MB, and
 * made in memory it was there three times at once (its compressed files, the zip's chunks, the zip).
 */
export async function writeDeterministicZip(path: string, top: string, files: ReadonlyMap<string, ZipBytes>, time: Date, compressed: CompressedFiles = new CompressedFiles()): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const file = await open(temp, 'w');
  let size = 0;
  try {
    await zipInto(top, files, time, compressed, async (chunks) => {
      const { bytesWritten } = await file.writev(chunks);
      size += bytesWritten;
    });
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
  return size;
}

/** Makes the zip, handing `write` its bytes in order after each entry. */
async function zipInto(top: string, files: ReadonlyMap<string, ZipBytes>, time: Date, compressed: CompressedFiles, write: (chunks: Uint8Array[]) => Promise<void>): Promise<void> {
  const mtime = dosLocalTime(time);
  const entries = [...folderEntries(top, files.keys()), ...[...files.keys()].map((path) => `${top}/${path}`)].sort(compareBytes);
  const inTop = new Map([...files].map(([path, bytes]) => [`${top}/${path}`, { path, bytes }]));
  // Every file compressed first, side by side on the thread pool; then each is read from `compressed` in its turn.
  await Promise.all([...files].map(([path, bytes]) => (keptAsIs(path, bytes) ? undefined : compressed.sizeOf(bytes))));
  let chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  let ended = false;
  // Note: fflate's Zip hands out each entry's bytes while it is added, as its data is given whole.
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else chunks.push(chunk);
    ended ||= final;
  });
  const flush = async () => {
    if (failure) throw failure;
    const out = chunks;
    chunks = [];
    if (out.length > 0) await write(out);
  };
  for (const name of entries) {
    if (name.endsWith('/')) {
      const folder = new ZipPassThrough(name);
      Object.assign(folder, { mtime, attrs: FOLDER_ATTRS, os: UNIX });
      zip.add(folder);
      folder.push(new Uint8Array(0), true);
    } else {
      const { path, bytes } = inTop.get(name)!;
      const asIs = keptAsIs(path, bytes);
      const entry = asIs ? { crc: crc32(bytes), size: bytes.byteLength, deflated: bytes as Uint8Array<ArrayBuffer> } : await compressed.get(bytes);
      const file: ZipInputFile = { filename: name, size: entry.size, crc: entry.crc, compression: asIs ? STORE : DEFLATE, mtime, attrs: FILE_ATTRS, os: UNIX };
      zip.add(file);
      file.ondata!(null, entry.deflated, true);
    }
    await flush();
  }
  zip.end();
  await flush();
  if (!ended) throw new Error('fflate did not end the zip when told to: the zip would be cut short.');
}

/**
 * The size in bytes of the zip `deterministicZip` makes of the same files, without making it:
 * per entry (folders too) a local header of 30 bytes and the name, the data, a data descriptor
 * of 16 bytes and a central directory record of 46 bytes and the name; then the end record of 22.
 * Note: this is fflate's layout for entries without extra fields or comments; a test holds it to
 * the real zips' lengths.
 */
export async function zipSize(top: string, files: ReadonlyMap<string, ZipBytes>, compressed: CompressedFiles = new CompressedFiles()): Promise<number> {
  const nameBytes = (name: string) => Buffer.byteLength(name, 'utf8');
  let size = 22;
  for (const folder of folderEntries(top, files.keys())) size += 92 + 2 * nameBytes(folder);
  const data = await Promise.all([...files].map(([path, bytes]) => (keptAsIs(path, bytes) ? bytes.byteLength : compressed.sizeOf(bytes))));
  for (const path of files.keys()) size += 92 + 2 * nameBytes(`${top}/${path}`);
  return data.reduce((sum, bytes) => sum + bytes, size);
}

/** The folder entries of a zip: its top folder and every folder above a file, each ending in `/`. */
function folderEntries(top: string, paths: Iterable<string>): Set<string> {
  const folders = new Set<string>([`${top}/`]);
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(`${top}/${parts.slice(0, i).join('/')}/`);
  }
  return folders;
}

/**
 * The build's fixed time: SOURCE_DATE_EPOCH (seconds) when set, otherwise the toolkit's date at 00:00 UTC.
 */
export function buildTime(toolkitDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(`${toolkitDate}T00:00:00Z`);
}

/**
 * Note: zip stores DOS times without a time zone, and fflate reads the local-time fields of the
 * Date it gets. A Date whose local fields equal the UTC time gives the same bytes in every zone.
 */
function dosLocalTime(time: Date): Date {
  return new Date(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds());
}
