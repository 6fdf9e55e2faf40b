import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';

/** The file Kitpress writes into every output folder it makes, and looks for before replacing one. */
export const OUTPUT_MARKER = '.kitpress-output.json';

/** What the marker file says. */
export interface OutputMarker {
  generator: 'kitpress';
  version: string;
  /** The content folder, relative to the output folder. */
  content: string;
}

/** The folders a build must not replace or write into, and the output it may replace. */
export interface OutputTarget {
  /** The real output folder (a symlinked `--out` is followed). */
  target: string;
  /** The real parent of `target`: staging, the old copy and the lock live there. */
  parent: string;
  /** True when `target` exists now (a folder Kitpress made, or an empty one). */
  exists: boolean;
}

const PROJECT_FILES = ['package.json', '.git', 'kitpress.yaml'];

/**
 * Resolves `--out` and refuses, before anything is touched, a folder Kitpress did not make:
 * the content folder, a folder around or inside it, a project root, the cache, `/`, the home
 * folder, a file, or a non-empty folder without the Kitpress marker.
 */
export function checkOutputFolder(outDir: string, options: { contentDir: string; cacheDir: string }): OutputTarget {
  const given = resolve(outDir);
  const refuse = (what: string, hint: string): never => {
    throw new KitpressError(`Refusing to use ${given} as the output folder: ${what}. Nothing was changed.`, hint);
  };
  const pick = 'Choose an output folder of its own, for example `--out dist` next to the content folder, or a new folder.';

  let target = given;
  const link = lstatSafe(given);
  if (link?.isSymbolicLink()) {
    try {
      target = realpathSync(given);
    } catch {
      refuse('it is a symbolic link to something that does not exist', 'Point the link at an existing folder, or remove the link and build again.');
    }
  } else {
    target = realPath(given);
  }
  const content = realPath(resolve(options.contentDir));
  const cache = realPath(resolve(options.cacheDir));

  if (target === sep || target === dirname(target)) refuse('it is the root of the file system', pick);
  for (const home of new Set([homedir(), process.env.HOME].filter((h): h is string => !!h).map((h) => realPath(h)))) {
    if (target === home) refuse('it is your home folder', pick);
  }
  if (target === content) refuse('it is the content folder', pick);
  if (inside(target, content)) refuse(`it is inside the content folder ${content}`, pick);
  if (inside(content, target)) refuse(`it holds the content folder ${content}, which the build would delete`, pick);
  if (target === cache) refuse('it is the cache folder', 'Give --out and --cache different folders.');
  if (inside(target, cache) || inside(cache, target)) refuse(`it overlaps the cache folder ${cache}`, 'Give --out and --cache separate folders, neither inside the other.');

  const stats = statSafe(target);
  if (stats && !stats.isDirectory()) refuse('it is a file, not a folder', pick);
  if (stats) {
    const entries = readdirSync(target);
    const project = PROJECT_FILES.find((name) => entries.includes(name));
    if (project) refuse(`it holds ${project}, so it looks like a project or content folder`, pick);
    if (entries.length > 0 && !readMarker(target) && !isLegacyOutput(target, entries)) {
      refuse(
        `it already holds files that Kitpress did not write (there is no ${OUTPUT_MARKER} in it)`,
        'Choose a new or empty folder. If this folder really is old Kitpress output, delete it yourself and build again.',
      );
    }
  }
  return { target, parent: dirname(target), exists: !!stats };
}

/** Reads the marker of an output folder, or undefined when there is none or it is not Kitpress's. */
export function readMarker(folder: string): OutputMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(folder, OUTPUT_MARKER), 'utf8')) as Partial<OutputMarker>;
    return marker.generator === 'kitpress' ? (marker as OutputMarker) : undefined;
  } catch {
    return undefined;
  }
}

/** The marker to write into a new output folder. */
export function makeMarker(target: string, contentDir: string, version: string): OutputMarker {
  return { generator: 'kitpress', version, content: relative(target, realPath(resolve(contentDir))) || '.' };
}

/**
 * Output written by Kitpress 0.1 before it wrote markers: a site with `index.html`, `_astro/`
 * and `kits/` holding only zips (and SHA256SUMS).
 * To do: drop this once no such output is left (it lets existing `dist/` folders be rebuilt).
 */
function isLegacyOutput(target: string, entries: string[]): boolean {
  if (!['index.html', '_astro', 'kits'].every((name) => entries.includes(name))) return false;
  try {
    const kits = readdirSync(join(target, 'kits'));
    return kits.length > 0 && kits.every((name) => name.endsWith('.zip') || name === 'SHA256SUMS');
  } catch {
    return false;
  }
}

/** True when `child` is strictly inside `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of `path`, following symlinks in the part that exists (the rest is kept as written). */
export function realPath(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(basename(current));
      current = parent;
    }
  }
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
