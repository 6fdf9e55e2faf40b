import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { AssetIssue } from '../diagnostics/catalogue.ts';
import type { Block } from '../model.ts';
import { forEachBlock } from '../walk.ts';

/** What an SVG image may not hold: it is published as a file a browser runs on its own. */
const SVG_UNSAFE: Array<[RegExp, SvgContent]> = [
  [/<script\b/i, 'script'],
  [/\son[a-z]+\s*=/i, 'event-handler'],
  [/<foreignObject\b/i, 'foreign-object'],
  [/<!ENTITY/i, 'entity'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#)[^"']*/i, 'link'],
  [/url\(\s*["']?\s*(?!#)/i, 'url'],
  [/javascript:/i, 'javascript'],
];

type SvgContent = Extract<AssetIssue, { problem: 'svg' }>['holds'];
type PathProblem = Extract<AssetIssue, { problem: 'path' }>['path'];

/**
 * Checks every image of a page, conversation prompts and tips included: the path is a plain
 * relative path inside `content/assets/` (also after following symlinks), the file exists,
 * and an SVG holds no script, event handler or external reference.
 */
export function checkImages(blocks: readonly Block[], contentDir: string, diagnostics: Diagnostics): void {
  forEachBlock(blocks, (block) => {
    if (block.type !== 'image') return;
    const problem = assetProblem(block.src, contentDir, 'image');
    if (problem) diagnostics.report(problem.rule, problem.issue, block.position);
  });
}

/** What is wrong with an asset path, as a rule and the values the catalogue words it from. */
export interface AssetProblem {
  rule: 'image-missing' | 'image-path-invalid' | 'image-svg-unsafe';
  issue: AssetIssue;
}

/**
 * Checks one file named from the content (`what` names it in the message: "image", "logo"):
 * a plain relative path inside `content/assets/` (also after following symlinks) that exists,
 * an SVG without script, event handlers or external references, a `.png` that is a PNG.
 */
export function assetProblem(src: string, contentDir: string, what: string): AssetProblem | undefined {
  const named = { what, src };
  if (/^https?:/i.test(src)) return { rule: 'image-missing', issue: { problem: 'remote', ...named } };
  const wrong = pathProblem(src);
  if (wrong) return { rule: 'image-path-invalid', issue: { problem: 'path', path: wrong, ...named } };
  const assets = join(contentDir, 'assets');
  let real: string;
  try {
    real = realpathSync(join(assets, src));
  } catch {
    return { rule: 'image-missing', issue: { problem: 'missing', ...named } };
  }
  if (!within(real, realpathSync(assets))) return { rule: 'image-path-invalid', issue: { problem: 'outside', ...named } };
  if (/\.svgz?$/i.test(src)) {
    const text = readFileSync(real, 'utf8');
    const found = SVG_UNSAFE.find(([pattern]) => pattern.test(text));
    if (found) return { rule: 'image-svg-unsafe', issue: { problem: 'svg', holds: found[1], ...named } };
  }
  if (/\.png$/i.test(src) && !readFileSync(real).subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { rule: 'image-path-invalid', issue: { problem: 'not-png', ...named } };
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pathProblem(src: string): PathProblem | undefined {
  if (src.includes('\\')) return 'backslash';
  if (/[?#]/.test(src)) return 'query';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return 'address';
  if (src.startsWith('/') || isAbsolute(src)) return 'absolute';
  if (src.split('/').some((part) => part === '..' || part === '.')) return 'climbs';
  return undefined;
}

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
