/** Kit font figures for `npm run bench`: the bytes of font files inside a kit zip. */
import { readFileSync } from 'node:fs';

const FONT = /\.(woff2?|ttf|otf)$/i;

/** Sum of the uncompressed sizes of the font files in a zip, read from its central directory. */
export function kitFontBytes(zipFile: string): number {
  const zip = readFileSync(zipFile);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (FONT.test(name)) bytes += zip.readUInt32LE(at + 24);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return bytes;
}
