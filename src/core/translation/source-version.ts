import { createHash } from 'node:crypto';
import type { Block } from '../model.ts';
import { forEachRun, inlineText } from '../walk.ts';

/** What a translation translates: the words of the source page, not its layout. */
export interface SourceContent {
  title: string;
  description: string;
  handoutTitle?: string | undefined;
  blocks: readonly Block[];
}

/** One top-level block of a source page, as a translation records it. */
export interface BlockVersion {
  /** Short hash of the block's content (positions and whitespace left out). */
  hash: string;
  /** The block's kind and plain text, for the short diff `status` prints. */
  kind: string;
  text: string;
}

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The block tree with positions dropped and runs of whitespace in text made one space. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key, v]) => key !== 'position' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value.replace(/\s+/g, ' ').trim());
  return JSON.stringify(value) ?? 'null';
}

/** The plain text of one block, for people. */
export function blockText(block: Block): string {
  const runs: string[] = [];
  forEachRun([block], (run) => runs.push(inlineText(run.inlines)));
  return runs.join('').replace(/\s+/g, ' ').trim();
}

/** Each top-level block's version. */
export function blockVersions(content: SourceContent): BlockVersion[] {
  return content.blocks.map((block) => ({ hash: short(canonical(block)), kind: block.type, text: blockText(block) }));
}

/**
 * The version of a source page that a translation records (`translation.source`): a short hash of
 * its title, description, handout title and body blocks. Front matter such as `order`, line
 * wrapping and blank lines do not change it; a changed word does.
 */
export function sourceVersion(content: SourceContent): string {
  return short(canonical({ title: content.title, description: content.description, handoutTitle: content.handoutTitle, blocks: content.blocks }));
}
