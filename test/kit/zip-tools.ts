import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './temp-dirs.ts';

/** `unzip -t`: the real unzip's own check of every entry. Throws when it fails. */
export function unzipTest(zip: string): string {
  return execFileSync('unzip', ['-t', zip], { encoding: 'utf8' });
}

/**
 * Unpacks a kit with the real unzip into a fresh folder named like a facilitator might name it
 * (spaces, brackets, ñ) and gives the path of the kit's top folder inside it.
 */
export async function unpackKit(zip: string, top: string, folderName = 'Mi Kit (ñ) v1'): Promise<string> {
  const parent = join(await tempDir('kitpress-unpack-'), folderName);
  await mkdir(parent);
  execFileSync('unzip', ['-q', zip, '-d', parent]);
  return join(parent, top);
}

/** `sha256sum -c SHA256SUMS` inside a kit folder. Throws when any file does not match. */
export function checkSums(kitFolder: string): string {
  return execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: kitFolder, encoding: 'utf8' });
}

/** One central directory record of a zip, as a zip reader sees it. */
export interface ZipRecord {
  name: string;
  flags: number;
  dosTime: number;
  dosDate: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Unix mode from the external attributes. */
  mode: number;
  extraLength: number;
  commentLength: number;
}

/** Reads the central directory of a zip (no zip64, no archive comment), enough to check how it was written. */
export function centralDirectory(zip: Buffer): ZipRecord[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('No end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory record at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    records.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      method: zip.readUInt16LE(at + 10),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      extraLength,
      commentLength,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}
