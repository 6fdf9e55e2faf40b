import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { removeTempDirs, tempDir } from '../kit/temp-dirs.ts';
import { unpackKit } from '../kit/zip-tools.ts';
import { pdfText, renderPage } from '../pdf/pdf-tools.ts';
import { allNodes, structTrees } from '../pdf/pdf-structure.ts';
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

  it('refuses a logo that is not what its name says, an unsafe SVG, or a link out of the assets folder, at its line', async () => {
    const config = await readFile(join(content, 'kitpress.yaml'), 'utf8');
    await writeFile(join(content, 'assets/fake.png'), 'not a picture\n');
    await writeFile(join(content, 'assets/bad.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n');
    await symlink('/etc/hostname', join(content, 'assets/outside.png'));
    const cases: Array<[string, RegExp]> = [
      ['fake.png', /branding\.logo\.file: The logo "fake\.png" is named \.png but is not a PNG file  image-path-invalid/],
      ['bad.svg', /branding\.logo\.file: The SVG logo "bad\.svg" holds a script  image-svg-unsafe/],
      ['outside.png', /branding\.logo\.file: The logo "outside\.png" is a link to a file outside content\/assets\/  image-path-invalid/],
    ];
    for (const [file, message] of cases) {
      const text = config + branding('#7a1f5c').replace('file: street-group.svg', `file: ${file}`);
      await writeFile(join(content, 'kitpress.yaml'), text);
      const line = text.split('\n').findIndex((l) => l.includes(`file: ${file}`)) + 1;
      const check = runCli(['check', '--content', content], work);
      expect(check.code, file).toBe(1);
      expect(check.stderr).toMatch(new RegExp(`kitpress\\.yaml:${line}:\\d+  error  ${message.source}`));
      expect(check.stderr).not.toMatch(/\n\s+at /);
    }
    await Promise.all(['fake.png', 'bad.svg', 'outside.png'].map((f) => rm(join(content, 'assets', f))));
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
    const handout = join(out, 'pdf/en/power-cut-tips-letter.pdf');
    expect(await pdfText(handout)).toContain('example.org/help');
  });

  it('prints the logo at the top of every handout, with its alt text for screen readers, over a rule in the primary colour', async () => {
    const out = join(work, 'site');
    for (const name of ['power-cut-tips-letter', 'ready-checklist-a4', 'neighbour-cards-letter']) {
      const handout = join(out, `pdf/en/${name}.pdf`);
      const { trees } = await structTrees(handout);
      expect(allNodes(trees).filter((n) => n.role === 'Figure').map((n) => n.alt), name).toContain('Example Street Group');
      // The logo's green circle is drawn in the top corner at the far end of the title, the rule in the primary colour below it.
      const page = renderPage(handout, 1, 100);
      const near = (x: number, y: number, hex: string) => {
        const i = (y * page.width + x) * 4;
        const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
        return Math.abs(page.data[i]! - r!) + Math.abs(page.data[i + 1]! - g!) + Math.abs(page.data[i + 2]! - b!) < 40;
      };
      const count = (hex: string, x0: number, x1: number, y0: number, y1: number) => {
        let n = 0;
        for (let y = Math.floor(y0 * page.height); y < y1 * page.height; y += 1) for (let x = Math.floor(x0 * page.width); x < x1 * page.width; x += 1) if (near(x, y, hex)) n += 1;
        return n;
      };
      expect(count('#0b5e3a', 0.6, 1, 0, 0.15), `${name}: logo in the top right corner`).toBeGreaterThan(100);
      expect(count('#0b5e3a', 0, 0.6, 0, 1), `${name}: no logo elsewhere`).toBe(0);
      expect(count('#7a1f5c', 0, 1, 0, 0.2), `${name}: header rule in the primary colour`).toBeGreaterThan(page.width * 0.5);
    }
    // The facilitator guide's cover carries it too.
    const guide = readdirSync(join(out, 'pdf/en')).find((f) => f.startsWith('facilitator-guide') && f.endsWith('.pdf'));
    expect(guide).toBeDefined();
    const { trees } = await structTrees(join(out, 'pdf/en', guide!));
    expect(allNodes(trees).filter((n) => n.role === 'Figure').map((n) => n.alt)).toContain('Example Street Group');
  });
});
