import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';
import { unpackKit } from '../kit/zip-tools.ts';
import { pdfText } from '../pdf/pdf-tools.ts';
import { contrastRatio } from '../../src/core/contrast.ts';

let work: string;
let content: string;

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#0b5e3a"/></svg>\n';
const branding = (primary: string) => `
branding:
  logo:
    file: street-group.svg
    alt:
      en: Example Street Group
  primary: "${primary}"
  accent: "#0b5e3a"
  quickExit: false
  footer:
    en: Printed and shared by the Example Street Group.
  customCss: extra.css
`;

beforeAll(async () => {
  work = await tempDir('kp-branding-');
  content = join(work, 'starter');
  const init = runCli(['init', content, '--title', 'Branded kit', '--org', 'Example Street Group', '--locales', 'en'], work);
  expect(init.code, init.stderr).toBe(0);
  await mkdir(join(content, 'assets'), { recursive: true });
  await writeFile(join(content, 'assets/street-group.svg'), LOGO);
  await writeFile(join(content, 'assets/extra.css'), '.site-footer { border-top-width: 4px; }\n');
});

afterAll(removeTempDirs);

describe('branding by configuration', () => {
  it('fails check at the colour that lacks contrast, naming the pair', async () => {
    const config = await readFile(join(content, 'kitpress.yaml'), 'utf8');
    await writeFile(join(content, 'kitpress.yaml'), config + branding('#7fb3e0'));
    const line = (config + branding('#7fb3e0')).split('\n').findIndex((l) => l.includes('primary: "#7fb3e0"')) + 1;
    expect(contrastRatio('#7fb3e0', '#ffffff')).toBeLessThan(4.5);
    const check = runCli(['check', '--content', content], work);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`kitpress\\.yaml:${line}:\\d+  error  branding\\.primary: "#7fb3e0" with the white text of the header and buttons \\(#ffffff\\) has a contrast of [0-9.]+:1; WCAG AA needs 4\\.5:1  config-contrast`));
    await writeFile(join(content, 'kitpress.yaml'), config);
  });

  it('puts the logo, colours, footer line and custom CSS on the site and the kit, and turns the quick exit off', { timeout: 900_000 }, async () => {
    const config = await readFile(join(content, 'kitpress.yaml'), 'utf8');
    await writeFile(join(content, 'kitpress.yaml'), config + branding('#7a1f5c'));
    const out = join(work, 'site');
    const build = runCli(['build', '--content', content, '--out', out, '--cache', join(work, 'cache'), '--quiet'], work);
    expect(build.code, build.stderr).toBe(0);
    const home = await readFile(join(out, 'index.html'), 'utf8');
    expect(home).toMatch(/<a class="site-title" href="\/branded-kit\/"><img class="site-logo" src="\/branded-kit\/assets\/street-group\.svg" alt="Example Street Group">/);
    expect(home).toContain('<link rel="stylesheet" href="/branded-kit/brand.css">');
    expect(await readFile(join(out, 'brand.css'), 'utf8')).toMatch(/--brand: #7a1f5c;[\s\S]*--link: #0b5e3a;/);
    expect(existsSync(join(out, 'assets/street-group.svg'))).toBe(true);
    expect(home).toContain('Printed and shared by the Example Street Group.');
    expect(home).not.toContain('data-quick-exit');
    // The custom stylesheet comes after every theme stylesheet.
    const links = [...home.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.at(-1)).toBe('/branded-kit/assets/extra.css');
    const kit = await unpackKit(join(out, 'kits/branded-kit-en.zip'), 'branded-kit-en');
    const start = await readFile(join(kit, 'START-HERE.html'), 'utf8');
    expect(start).toMatch(/<img src="[^"]*street-group\.svg" alt="Example Street Group">/);
    expect(existsSync(join(kit, 'brand.css')) || existsSync(join(kit, 'site/brand.css'))).toBe(true);
    // The starter's one primary hotline has only a web address; every handout's footer still lists it.
    expect(await pdfText(join(out, 'pdf/en/power-cut-tips-letter.pdf'))).toContain('example.org/help');
  });
});
