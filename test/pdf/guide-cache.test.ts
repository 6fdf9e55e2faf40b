import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/build/progress.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { writeGuides } from '../../src/pdf/write-guides.ts';
import { fixtures } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kitpress-guide-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the guides of the content in `work/content` into a fresh output folder with the shared cache; gives the files, bytes and the summary line. */
async function guides(run: string) {
  const { toolkit } = await readToolkit(join(work, 'content'));
  const out = join(work, run);
  let said = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const files = await writeGuides({ toolkit: toolkit!, diagnostics: new Diagnostics(), outDir: out, cacheDir: join(work, 'cache'), contentDir: join(work, 'content'), progress: createProgress({ stream }) });
  const bytes = new Map(files.map((f) => [f.path, readFileSync(join(out, f.path))]));
  const [, total, printed] = /(\d+) facilitator guides: (\d+) printed/.exec(said)!.map(Number);
  return { files, bytes, total: total!, printed: printed! };
}

describe('the facilitator guide cache', () => {
  cpSync(join(fixtures, 'site-multilingual'), join(work, 'content'), { recursive: true });

  it('prints a guide again only when what it prints changed, and the cached one has the same bytes', async () => {
    const first = await guides('one');
    expect(first.printed).toBe(first.total);
    const again = await guides('two');
    expect(again.printed).toBe(0);
    expect([...again.bytes].every(([path, bytes]) => bytes.equals(first.bytes.get(path)!))).toBe(true);

    // An English page that Spanish translates and Arabic shows in English: the English and Arabic guides change, the Spanish ones do not.
    const page = join(work, 'content', 'en', 'signs.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Trust your *instincts*, and **talk**.', 'Trust your *instincts*, and **talk** with them.'));
    const edited = await guides('three');
    const changed = [...edited.bytes].filter(([path, bytes]) => !bytes.equals(first.bytes.get(path)!)).map(([path]) => path).sort();
    expect(edited.printed).toBe(changed.length);
    expect(changed.map((path) => path.split('/')[1])).toEqual(['ar', 'ar', 'en', 'en']);
  }, 300_000);
});
