import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Block } from '../model.ts';
import { forEachBlock } from '../walk.ts';

/** What an SVG image may not hold: it is published as a file a browser runs on its own. */
const SVG_UNSAFE: Array<[RegExp, string]> = [
  [/<script\b/i, 'a script'],
  [/\son[a-z]+\s*=/i, 'an event handler (on...=)'],
  [/<foreignObject\b/i, 'embedded HTML (foreignObject)'],
  [/<!ENTITY/i, 'an XML entity'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#)[^"']*/i, 'a link to another file or site'],
  [/url\(\s*["']?\s*(?!#)/i, 'a reference to another file or site (url(...))'],
  [/javascript:/i, 'a javascript: address'],
];

/**
 * Checks every image of a page, conversation prompts and tips included: the path is a plain
 * relative path inside `content/assets/` (also after following symlinks), the file exists,
 * and an SVG holds no script, event handler or external reference.
 */
export function checkImages(blocks: readonly Block[], contentDir: string, diagnostics: Diagnostics): void {
  const assets = join(contentDir, 'assets');
  forEachBlock(blocks, (block) => {
    if (block.type !== 'image') return;
    const { src, position } = block;
    if (/^https?:/i.test(src)) {
      diagnostics.report('image-missing', `The image "${src}" is on another site; pages must work offline`, position);
      return;
    }
    const wrong = pathProblem(src);
    if (wrong) {
      diagnostics.report('image-path-invalid', `The image path "${src}" ${wrong}`, position);
      return;
    }
    let real: string;
    try {
      real = realpathSync(join(assets, src));
    } catch {
      diagnostics.report('image-missing', `The image "${src}" is not in content/assets/`, position);
      return;
    }
    if (!within(real, realpathSync(assets))) {
      diagnostics.report('image-path-invalid', `The image "${src}" is a link to a file outside content/assets/`, position);
      return;
    }
    if (/\.svgz?$/i.test(src)) {
      const text = readFileSync(real, 'utf8');
      const found = SVG_UNSAFE.find(([pattern]) => pattern.test(text));
      if (found) diagnostics.report('image-svg-unsafe', `The SVG image "${src}" holds ${found[1]}`, position);
    }
  });
}

function pathProblem(src: string): string | undefined {
  if (src.includes('\\')) return 'uses a backslash; write folders with forward slashes (/)';
  if (/[?#]/.test(src)) return 'has a query string or a #fragment; name only the file';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return 'is an address, not a file in content/assets/';
  if (src.startsWith('/') || isAbsolute(src)) return 'starts at the root of the disk; give it relative to content/assets/';
  if (src.split('/').some((part) => part === '..' || part === '.')) return 'climbs out with ".." or "."; give it relative to content/assets/';
  return undefined;
}

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
