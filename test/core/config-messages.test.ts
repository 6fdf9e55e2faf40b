import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { fixtures } from '../helpers/paths.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';

afterAll(removeTempDirs);

/** The minimal fixture with its kitpress.yaml changed by `edit`. */
async function withConfig(edit: (yaml: string) => string): Promise<string> {
  const dir = await tempDir('kp-config-');
  await cp(join(fixtures, 'core/minimal/content'), dir, { recursive: true });
  const file = join(dir, 'kitpress.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return dir;
}

const JARGON = /nonoptional|\brecord\b|Invalid input|expected (string|number|object)/i;

describe('config messages a person can read', () => {
  it('points an unknown key at its own line and suggests the closest key', async () => {
    const dir = await withConfig((yaml) => yaml.replace(/^defaultLocale:/m, 'defaultLocal:'));
    const yaml = await readFile(join(dir, 'kitpress.yaml'), 'utf8');
    const line = yaml.split('\n').findIndex((l) => l.startsWith('defaultLocal:')) + 1;
    const { diagnostics } = await readToolkit(dir);
    const unknown = diagnostics.list.find((d) => d.message.includes('"defaultLocal"'));
    expect(unknown?.place).toEqual({ file: 'kitpress.yaml', line, column: 1 });
    expect(unknown?.message).toContain('did you mean "defaultLocale"?');
    for (const d of diagnostics.list) expect(d.message).not.toMatch(JARGON);
  });

  it('says what a wrong or missing value should be, with an example', async () => {
    const dir = await withConfig((yaml) => yaml.replace(/^date: .*$/m, 'date: soon').replace(/^(\s+)url: https?:\/\/\S+\/?$/m, '$1url: not-an-address'));
    const { diagnostics } = await readToolkit(dir);
    const date = diagnostics.list.find((d) => d.message.startsWith('date:'));
    expect(date?.message).toBe('date: should be a date written YYYY-MM-DD, e.g. date: 2026-11-22');
    for (const d of diagnostics.list) {
      expect(d.message).not.toMatch(JARGON);
      expect(d.place.line).toBeGreaterThan(0);
    }
  });
});
