import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';

let work: string;
let content: string;
let page: string;
let original: string;

const SENTENCES = 'Scammers who want money most often write to teenage boys. Ask the girl next door to help with the chores.';

beforeAll(async () => {
  work = await tempDir('kp-lint-');
  content = join(work, 'toolkit');
  const init = runCli(['init', content, '--title', 'Lint kit', '--org', 'Example Group', '--locales', 'en'], work);
  expect(init.code, init.stderr).toBe(0);
  page = join(content, 'en/during.md');
  original = await readFile(page, 'utf8');
});

afterAll(removeTempDirs);

/** The wording warnings `check` prints for the page. */
async function wordingWarnings(frontMatter: string): Promise<string[]> {
  const text = original.replace(/^---\n/, `---\n${frontMatter}`).replace('Stay calm.', `${SENTENCES} Stay calm.`);
  await writeFile(page, text);
  const check = runCli(['check', '--content', content], work);
  expect(check.code, check.stderr).toBe(0);
  return check.stderr.split('\n').filter((l) => /during\.md:\d+:\d+ {2}warning .* {2}wording$/.test(l));
}

describe('lint.allow in front matter', () => {
  it('flags a gendered word by default, at its paragraph', async () => {
    const found = await wordingWarnings('');
    expect(found.some((l) => /`boys`/.test(l))).toBe(true);
    expect(found.some((l) => /`girl`/.test(l))).toBe(true);
    const line = original.split('\n').findIndex((l) => l.startsWith('Stay calm.')) + 1;
    expect(found[0]).toMatch(new RegExp(`during\\.md:${line}:1 `));
  });

  it('leaves the allowed words alone on that page, and still flags the others', async () => {
    const found = await wordingWarnings('lint:\n  allow: [boys]\n');
    expect(found.some((l) => /`boys`/.test(l))).toBe(false);
    expect(found.some((l) => /`girl`/.test(l))).toBe(true);
  });

  it('refuses a lint key it does not know, at its line', async () => {
    await writeFile(page, original.replace(/^---\n/, '---\nlint:\n  allows: [boys]\n'));
    const check = runCli(['check', '--content', content], work);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/during\.md:3:\d+ {2}error .*allows/);
    await writeFile(page, original);
  });
});
