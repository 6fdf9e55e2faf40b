import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every entry under `dir` as `path -> kind, mode and content hash`, so a test can say
 * "byte-identical, nothing added, nothing removed, no mode changed".
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const stats = lstatSync(path);
      const mode = (stats.mode & 0o777).toString(8);
      if (stats.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)}`;
      else if (stats.isDirectory()) {
        out[rel] = `dir ${mode}`;
        walk(path, rel);
      } else out[rel] = `file ${mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir, '');
  return out;
}

/** The modes of every file and folder under `dir` that differ from the expected ones. */
export function wrongModes(dir: string, fileMode: number, folderMode: number): string[] {
  return Object.entries(snapshotTree(dir))
    .filter(([, entry]) => (entry.startsWith('dir ') ? entry !== `dir ${folderMode.toString(8)}` : entry.startsWith('file ') && !entry.startsWith(`file ${fileMode.toString(8)} `)))
    .map(([path, entry]) => `${path}: ${entry.split(' ').slice(0, 2).join(' ')}`);
}
