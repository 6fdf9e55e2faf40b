import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';

describe('kitpress init in languages of other scripts', () => {
  afterAll(removeTempDirs);

  it('gives Arabic, Chinese and Vietnamese a font that covers their letters, so the starter builds', async () => {
    const work = await tempDir('kitpress-init-scripts-');
    const content = join(work, 'content');
    const init = runCli(['init', content, '--title', 'Water safety at the lake', '--org', 'Lake Group', '--locales', 'en,ar,zh,vi'], work);
    expect(init.code, init.stderr).toBe(0);
    const config = await readFile(join(content, 'kitpress.yaml'), 'utf8');
    expect(config).toMatch(/code: zh\n\s+name: "简体中文"[\s\S]*?font: noto-sans-sc/);
    expect(config).toMatch(/code: ar\n[\s\S]*?dir: rtl[\s\S]*?font: noto-sans-arabic/);
    const build = runCli(['build', '--content', content, '--out', join(work, 'site'), '--cache', join(work, 'cache'), '--quiet'], work);
    expect(build.stderr).not.toContain('glyph-missing');
    expect(build.code, build.stderr).toBe(0);
  }, 300_000);
});
