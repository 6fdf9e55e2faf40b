import { ZipFile } from 'yazl';
import { compareBytes } from './site-files.ts';

/**
 * Zips files under one top folder so the same input always gives the same bytes:
 * entries sorted, one fixed time, fixed permissions (0644 files, 0755 folders),
 * the UTF-8 name flag (yazl always sets it) and no extra fields.
 */
export async function deterministicZip(top: string, files: ReadonlyMap<string, Buffer>, time: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = dosLocalTime(time);
  const folders = new Set<string>([`${top}/`]);
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(`${top}/${parts.slice(0, i).join('/')}/`);
  }
  const entries = [...folders, ...[...files.keys()].map((path) => `${top}/${path}`)].sort(compareBytes);
  for (const name of entries) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name, { mtime, mode: 0o40755, forceDosTimestamp: true });
    else zip.addBuffer(files.get(name.slice(top.length + 1))!, name, { mtime, mode: 0o100644, forceDosTimestamp: true, compressionLevel: 9 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
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
 * Note: zip stores DOS times without a time zone, and yazl reads the local-time fields of the
 * Date it gets. A Date whose local fields equal the UTC time gives the same bytes in every zone.
 */
function dosLocalTime(time: Date): Date {
  return new Date(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds());
}
