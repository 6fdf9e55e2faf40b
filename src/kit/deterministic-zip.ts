import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { compareBytes } from './site-files.ts';

/** A file's bytes as a zip stores them: deflated, with the CRC and size of the original. */
interface StoredEntry {
  crc: number;
  size: number;
  deflated: Uint8Array<ArrayBuffer>;
}

/**
 * Compressed files by the hash of their bytes: a file in several kits (a PDF, a font, a page of
 * the kit of one language and of the kit of every language) or in several rounds of the same kit
 * is compressed once per build.
 */
export class CompressedFiles {
  private readonly byHash = new Map<string, StoredEntry>();

  /** The stored form of `bytes`, compressed now or found. */
  get(bytes: Uint8Array): StoredEntry {
    const key = createHash('sha256').update(bytes).digest('base64');
    let entry = this.byHash.get(key);
    if (!entry) this.byHash.set(key, (entry = { crc: crc32(bytes), size: bytes.byteLength, deflated: deflateRawSync(bytes, { level: 9 }) as Uint8Array<ArrayBuffer> }));
    return entry;
  }
}

/** Unix mode bits as a zip's external attributes carry them. */
const FILE_ATTRS = 0o100644 * 0x10000;
const FOLDER_ATTRS = 0o40755 * 0x10000;
/** "Made by" Unix, so unzip applies the modes. */
const UNIX = 3;
const DEFLATE = 8;

/**
 * Zips files under one top folder so the same input always gives the same bytes:
 * entries sorted, one fixed time, fixed permissions (0644 files, 0755 folders), no extra
 * fields; names that are not plain ASCII carry the UTF-8 flag. Each file is compressed
 * through `compressed`, so one shared between kits or rounds is compressed once.
 */
export async function deterministicZip(top: string, files: ReadonlyMap<string, Buffer>, time: Date, compressed: CompressedFiles = new CompressedFiles()): Promise<Buffer> {
  const mtime = dosLocalTime(time);
  const folders = new Set<string>([`${top}/`]);
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(`${top}/${parts.slice(0, i).join('/')}/`);
  }
  const entries = [...folders, ...[...files.keys()].map((path) => `${top}/${path}`)].sort(compareBytes);
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk);
      if (final) resolve();
    });
    for (const name of entries) {
      if (name.endsWith('/')) {
        const folder = new ZipPassThrough(name);
        Object.assign(folder, { mtime, attrs: FOLDER_ATTRS, os: UNIX });
        zip.add(folder);
        folder.push(new Uint8Array(0), true);
        continue;
      }
      const stored = compressed.get(files.get(name.slice(top.length + 1))!);
      const file: ZipInputFile = { filename: name, size: stored.size, crc: stored.crc, compression: DEFLATE, mtime, attrs: FILE_ATTRS, os: UNIX };
      zip.add(file);
      file.ondata!(null, stored.deflated, true);
    }
    zip.end();
  });
  await done;
  return Buffer.concat(chunks);
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
