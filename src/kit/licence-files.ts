import { readFile } from 'node:fs/promises';
import type { Toolkit } from '../core/model.ts';

const templates = new URL('../../templates/kit/', import.meta.url);

/** Licences with a plain-words summary in `templates/kit/licence-summaries/`, and their legal text. */
const known: Record<string, { summary: string; url: string }> = {
  'cc by 4.0': { summary: 'cc-by-4.0.txt', url: 'https://creativecommons.org/licenses/by/4.0/' },
};

/** The two licence files every kit holds: the code's (MIT) and the content's, filled in for this toolkit. */
export async function licenceFiles(toolkit: Toolkit): Promise<Map<string, Buffer>> {
  const defaultLocale = toolkit.locales.find((l) => l.isDefault) ?? toolkit.locales[0]!;
  const licence = known[toolkit.licence.content.trim().toLowerCase()];
  const values: Record<string, string> = {
    title: defaultLocale.title,
    organisation: toolkit.organisation.name,
    version: toolkit.version,
    date: toolkit.date,
    licence: toolkit.licence.content,
    licenceUrl: toolkit.licence.contentUrl ?? licence?.url ?? '',
  };
  let content = await readTemplate('LICENSE-content.txt');
  if (licence) content += `\n${await readTemplate(`licence-summaries/${licence.summary}`)}`;
  return new Map([
    // The code's licence is the repository's own LICENSE, so there is one copy of it.
    ['LICENSE-code.txt', await readFile(new URL('../../LICENSE', import.meta.url))],
    ['LICENSE-content.txt', Buffer.from(fill(content, values).replace(/\n{3,}/g, '\n\n'))],
  ]);
}

async function readTemplate(name: string): Promise<string> {
  return (await readFile(new URL(name, templates), 'utf8')).replace(/\r\n/g, '\n');
}

/** Replaces `{key}` with its value; an unknown key is a mistake in the template. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`templates/kit uses {${key}}, which Kitpress does not fill in.`);
    return values[key]!;
  });
}
