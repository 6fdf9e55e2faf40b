import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { KitpressError } from '../diagnostics/diagnostic.ts';
import type { Page, Toolkit } from '../model.ts';
import { readToolkit } from '../read-toolkit.ts';
import { blockVersions, type BlockVersion } from './source-version.ts';

/** Where the text a translation was accepted against is kept, for the short diff of `status`. */
export const ACCEPTED_DIR = 'accepted-sources';

/** What `translate accept` records beside the translation: the source's version and blocks then. */
export interface AcceptedRecord {
  source: string;
  version: string;
  title: string;
  description: string;
  blocks: BlockVersion[];
}

/** The record file of a translation: `accepted-sources/es/signs.json` for `es/signs.md`. */
export function recordPath(file: string): string {
  return `${ACCEPTED_DIR}/${file.replace(/\.(md|markdown)$/, '')}.json`;
}

/** Reads the record of a translation, if it has one. */
export async function readAccepted(contentDir: string, file: string): Promise<AcceptedRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(contentDir, recordPath(file)), 'utf8')) as AcceptedRecord;
  } catch {
    return undefined;
  }
}

/** The source page a translation translates. */
function sourceOf(toolkit: Toolkit, file: string): { page: Page; source: Page } {
  const [code = '', name = ''] = file.split('/');
  const locale = toolkit.locales.find((l) => l.code === code);
  const source = toolkit.locales.find((l) => l.isDefault)!;
  if (!locale || locale.isDefault) throw new KitpressError(`"${file}" is not a translation.`, `Give a page of a translated language, e.g. ${toolkit.locales.find((l) => !l.isDefault)?.code ?? 'es'}/index.md.`);
  const page = locale.pages.find((p) => p.file === file && !p.fallback);
  if (!page) throw new KitpressError(`There is no page ${file}.`, `Translate the page first: copy ${source.code}/${name} to ${file} and translate it.`);
  const original = source.pages.find((p) => p.slug === page.slug);
  if (!original) throw new KitpressError(`${file} has no source page ${source.code}/${name}.`, 'A translation has the same file name as its source page.');
  return { page, source: original };
}

/**
 * Records that a translation is up to date with its source as it is now: writes the source's
 * version into the translation's front matter (`translation.source`, keeping comments and
 * every other key) and its blocks into `accepted-sources/`. Gives the version.
 */
export async function acceptTranslation(contentDir: string, file: string, toolkit?: Toolkit): Promise<string> {
  const model = toolkit ?? (await readToolkit(contentDir)).toolkit;
  if (!model) throw new KitpressError('The content has errors, so no translation was accepted.', 'Fix the errors `kitpress check` lists, then accept again.');
  const { source } = sourceOf(model, file);
  const path = join(contentDir, file);
  const text = await readFile(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) throw new KitpressError(`${file} has no front matter.`, 'Start the file with front matter between `---` lines.');
  const doc = parseDocument(match[1]!);
  if (!doc.hasIn(['translation', 'review'])) doc.setIn(['translation', 'review'], 'draft');
  doc.setIn(['translation', 'source'], source.sourceHash);
  const front = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  await writeFile(path, `---\n${front}\n---${match[2]}${text.slice(match[0].length)}`);
  const record: AcceptedRecord = { source: source.file, version: source.sourceHash, title: source.title, description: source.description, blocks: blockVersions(source) };
  const target = join(contentDir, recordPath(file));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(record, null, 1)}\n`);
  return source.sourceHash;
}

/** Accepts every translated page of a content folder (what `kitpress init` does for its drafts). */
export async function acceptAll(contentDir: string): Promise<string[]> {
  const { toolkit } = await readToolkit(contentDir);
  if (!toolkit) return [];
  const files = toolkit.locales.filter((l) => !l.isDefault).flatMap((l) => l.pages.filter((p) => !p.fallback).map((p) => p.file));
  for (const file of files) await acceptTranslation(contentDir, file, toolkit);
  return files;
}

/** One line of the short diff: a source block added, removed or changed since the translation was accepted. */
export interface BlockChange {
  change: 'added' | 'removed' | 'changed';
  kind: string;
  /** Line in the source page now (none for a removed block). */
  line?: number;
  before?: string;
  after?: string;
}

/** Which blocks of the source changed since the record, by a longest common subsequence of block hashes. */
export function changedBlocks(record: AcceptedRecord, source: Page): BlockChange[] {
  const now = blockVersions(source).map((b, i) => ({ ...b, line: source.blocks[i]!.position.line }));
  const old = record.blocks;
  const table = Array.from({ length: old.length + 1 }, () => new Array<number>(now.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = now.length - 1; j >= 0; j--) {
      table[i]![j] = old[i]!.hash === now[j]!.hash ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const changes: BlockChange[] = [];
  if (record.title !== source.title) changes.push({ change: 'changed', kind: 'title', before: record.title, after: source.title });
  if (record.description !== source.description) changes.push({ change: 'changed', kind: 'description', before: record.description, after: source.description });
  let removed: BlockVersion[] = [];
  let added: (BlockVersion & { line: number })[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) changes.push({ change: 'changed', kind: added[k]!.kind, line: added[k]!.line, before: removed[k]!.text, after: added[k]!.text });
    for (const b of removed.slice(pairs)) changes.push({ change: 'removed', kind: b.kind, before: b.text });
    for (const b of added.slice(pairs)) changes.push({ change: 'added', kind: b.kind, line: b.line, after: b.text });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < old.length || j < now.length) {
    if (i < old.length && j < now.length && old[i]!.hash === now[j]!.hash) {
      flush();
      i++;
      j++;
    } else if (j < now.length && (i === old.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      added.push(now[j++]!);
    } else {
      removed.push(old[i++]!);
    }
  }
  flush();
  return changes;
}
