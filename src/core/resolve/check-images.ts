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
  forEachBlock(blocks, (block) => {
    if (block.type !== 'image') return;
    const problem = assetProblem(block.src, contentDir, 'image');
    if (problem) diagnostics.report(problem.rule, problem.message, block.position);
  });
}

/** What is wrong with an asset path, as a rule and a message, or undefined when it is fine. */
export interface AssetProblem {
  rule: 'image-missing' | 'image-path-invalid' | 'image-svg-unsafe';
  message: string;
}

/**
 * Checks one file named from the content (`what` starts the message: "The image", "The logo"):
 * a plain relative path inside `content/assets/` (also after following symlinks) that exists,
 * an SVG without script, event handlers or external references, a `.png` that is a PNG.
 */
export function assetProblem(src: string, contentDir: string, what: string): AssetProblem | undefined {
  const The = `The ${what}`;
  if (/^https?:/i.test(src)) return { rule: 'image-missing', message: `${The} "${src}" is on another site; pages must work offline` };
  const wrong = pathProblem(src);
  if (wrong) return { rule: 'image-path-invalid', message: `${The} path "${src}" ${wrong}` };
  const assets = join(contentDir, 'assets');
  let real: string;
  try {
    real = realpathSync(join(assets, src));
  } catch {
    return { rule: 'image-missing', message: `${The} "${src}" is not in content/assets/` };
  }
  if (!within(real, realpathSync(assets))) return { rule: 'image-path-invalid', message: `${The} "${src}" is a link to a file outside content/assets/` };
  if (/\.svgz?$/i.test(src)) {
    const text = readFileSync(real, 'utf8');
    const found = SVG_UNSAFE.find(([pattern]) => pattern.test(text));
    if (found) return { rule: 'image-svg-unsafe', message: `The SVG ${what} "${src}" holds ${found[1]}` };
  }
  if (/\.png$/i.test(src) && !readFileSync(real).subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { rule: 'image-path-invalid', message: `${The} "${src}" is named .png but is not a PNG file` };
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
