import { decodeText } from './text-encoding.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostics } from './diagnostics/diagnostic.ts';
import type { ReviewState, SourcePosition, UiStrings } from './model.ts';
import { uiSchema } from './config/schema.ts';
import { SITE_UI_KEYS } from './site-ui-keys.ts';
import { keyPositionOf, parseYaml, positionOf, validateYaml } from './config/yaml-source.ts';

/** Interface strings of one locale as written, before falling back to the default locale. */
export interface UiFile {
  strings: UiStrings;
  review: ReviewState | undefined;
  /** False when the locale has no ui file at all. */
  exists: boolean;
  /** Where each key is written, for messages. */
  places: Map<string, SourcePosition>;
}

/** Kitpress's built-in English interface words: the base every locale falls back to. */
export async function builtInUi(): Promise<UiStrings> {
  const { parse } = await import('yaml');
  const { review: _review, ...strings } = parse(await readFile(new URL('./ui/en.yaml', import.meta.url), 'utf8')) as Record<string, string>;
  return strings;
}

/** Reads `ui/<locale>.yaml`; a missing file is not an error (every string falls back). */
export async function readUi(contentDir: string, locale: string, diagnostics: Diagnostics): Promise<UiFile> {
  const file = `ui/${locale}.yaml`;
  let bytes: Buffer;
  try {
    bytes = await readFile(join(contentDir, file));
  } catch {
    return { strings: {}, review: undefined, exists: false, places: new Map() };
  }
  const text = decodeText(bytes, file, diagnostics);
  if (text === undefined) return { strings: {}, review: undefined, exists: true, places: new Map() };
  const source = parseYaml(text, file, diagnostics, 'ui-yaml');
  const data = source ? validateYaml(source, uiSchema, diagnostics, 'ui-yaml') : undefined;
  if (!data) return { strings: {}, review: undefined, exists: true, places: new Map() };
  const { review, ...strings } = data;
  if (review !== undefined && !['draft', 'reviewed', 'source'].includes(review)) {
    diagnostics.report('ui-yaml', { case: 'review', value: String(review) }, positionOf(source!, ['review']));
  }
  // The key's own place: an unknown key is reported where it is written.
  const places = new Map(Object.keys(strings).map((key) => [key, keyPositionOf(source!, [key])]));
  return { strings, review: review as ReviewState | undefined, exists: true, places };
}

/** Reports keys of a ui file that Kitpress does not use. */
export function reportUnknownUiKeys(locale: string, file: UiFile, base: UiStrings, diagnostics: Diagnostics): void {
  for (const key of Object.keys(file.strings)) {
    if (!(key in base)) diagnostics.report('ui-unknown-key', { key }, file.places.get(key) ?? { file: `ui/${locale}.yaml`, line: 1, column: 1 });
  }
}

/** Reports interface words the website prints that a ui file sets to nothing: the site cannot be built without them. */
export function reportEmptyUiKeys(file: UiFile, diagnostics: Diagnostics): void {
  for (const key of SITE_UI_KEYS) {
    const place = file.places.get(key);
    if (file.strings[key] === '' && place) diagnostics.report('ui-yaml', { case: 'empty', key }, place);
  }
}
