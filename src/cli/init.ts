import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { starterConfig, type StarterAnswers } from './starter-config.ts';

const kitpressRoot = fileURLToPath(new URL('../../', import.meta.url));
const starterDir = join(kitpressRoot, 'templates/starter');

/** Options of `kitpress init DIR`. */
export interface InitOptions {
  dir: string;
  title?: string;
  locales?: string;
  org?: string;
}

/**
 * Writes a small, valid toolkit into an empty (or new) folder: `kitpress.yaml` with comments,
 * one page of each handout kind, a get-help page, and a draft of the home page in a second
 * language. Asks for the title, organisation and languages only when stdin is a terminal.
 */
export async function runInit(options: InitOptions): Promise<number> {
  const dir = resolve(options.dir);
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new KitpressError(`The folder ${options.dir} is not empty.`, 'Give a new or empty folder, e.g. `kitpress init our-toolkit`; init never overwrites files.');
  }
  const answers = await ask(options);
  const files = new Map<string, string>();
  files.set('kitpress.yaml', starterConfig(answers));
  const [source, ...others] = answers.locales;
  for (const name of await readdir(join(starterDir, 'en'))) files.set(`${source}/${name}`, await readFile(join(starterDir, 'en', name), 'utf8'));
  for (const code of others) {
    // A draft of the home page where the starter has one; the other pages show the source with a notice.
    const draft = join(starterDir, code, 'index.md');
    if (existsSync(draft)) files.set(`${code}/index.md`, await readFile(draft, 'utf8'));
  }
  await mkdir(dir, { recursive: true });
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text, { flag: 'wx' });
  }
  // Interface words for the other languages, from the ones Kitpress ships (drafts, as they say).
  let written = files.size;
  for (const code of others) {
    const words = join(kitpressRoot, 'content/ui', `${code}.yaml`);
    if (!existsSync(words)) continue;
    await mkdir(join(dir, 'ui'), { recursive: true });
    await copyFile(words, join(dir, 'ui', `${code}.yaml`));
    written += 1;
  }
  const shown = relative(process.cwd(), dir) || '.';
  // The drafts translate the starter as it is: record that, as a translator would with `translate accept`.
  const { acceptAll } = await import('../core/translation/accept.ts');
  await acceptAll(dir);
  process.stdout.write(`Started a new toolkit in ${shown}: ${written} files.\n  Next: kitpress check --content ${shown}\n        kitpress dev --content ${shown}\n  docs/authoring.md explains every key and directive.\n`);
  return 0;
}

async function ask(options: InitOptions): Promise<StarterAnswers> {
  const given: StarterAnswers = {
    title: options.title ?? 'Our toolkit',
    org: options.org ?? 'Our organisation',
    locales: parseLocales(options.locales ?? 'en,es'),
  };
  // Note: no questions in CI, in a pipe or with every flag given.
  if (!process.stdin.isTTY || (options.title && options.org && options.locales)) return given;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const title = options.title ?? ((await rl.question(`Title of the toolkit (${given.title}): `)).trim() || given.title);
    const org = options.org ?? ((await rl.question(`Organisation (${given.org}): `)).trim() || given.org);
    const locales = options.locales ? given.locales : parseLocales((await rl.question(`Languages, the source first (${given.locales.join(',')}): `)).trim() || given.locales.join(','));
    return { title, org, locales };
  } finally {
    rl.close();
  }
}

function parseLocales(text: string): string[] {
  const codes = text.split(/[\s,]+/).filter(Boolean);
  const bad = codes.find((c) => !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(c));
  if (bad || codes.length === 0) throw new KitpressError(`"${bad ?? text}" is not a language code.`, 'Give codes such as en,es or en,pt-BR, the source language first.');
  if (new Set(codes).size !== codes.length) throw new KitpressError(`--locales names a language twice: ${text}`, 'Give each language once, e.g. --locales en,es.');
  return codes;
}
