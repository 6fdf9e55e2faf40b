import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_LIMITS } from '../../../src/core/markdown/limits.ts';
import { append, asset, bomb, both, replace, svg, type Case } from './spoil.ts';

/**
 * Broken copies of test/fixtures/core/minimal/content (moved here from hostile-input.test.ts, which
 * reads them in process; the mutation corpus runs them through `check` and `build`).
 */
const image = (src: string) => append('en/signs.md', `\n![A pan with a lid on it](${src})\n`);

// The minimal fixture's signs.md has 25 lines; text appended after "\n" starts at line 27.
export const minimalCases: Case[] = [
  { name: 'YAML alias bomb in the config', spoil: append('kitpress.yaml', bomb), rule: 'yaml-alias-limit', at: 'kitpress.yaml:25:8' },
  { name: 'YAML alias bomb in front matter', spoil: replace('en/signs.md', 'order: 2\n', `order: 2\n${bomb}`), rule: 'yaml-alias-limit', at: 'en/signs.md:6:8' },
  { name: 'block quotes nested 100 deep', spoil: append('en/signs.md', `\n${'>'.repeat(100)} deep\n`), rule: 'nesting-too-deep', at: 'en/signs.md:27:24' },
  { name: 'emphasis nested 60 deep', spoil: append('en/signs.md', `\n${'*a '.repeat(60)}x${' b*'.repeat(60)}\n`), rule: 'nesting-too-deep', at: 'en/signs.md:27:67' },
  { name: 'a page larger than the limit', spoil: append('en/signs.md', `\n${'Keep a lid near the stove. '.repeat(Math.ceil(PAGE_LIMITS.bytes / 27))}\n`), rule: 'page-too-large', at: 'en/signs.md:1:1' },
  { name: 'too many hotline references', spoil: append('en/signs.md', `\n${':hotline[helpline] '.repeat(PAGE_LIMITS.references + 1)}\n`), rule: 'references-too-many', at: `en/signs.md:27:${PAGE_LIMITS.references * 19 + 1}` },
  { name: 'an invalid UTF-8 byte', spoil: append('en/index.md', Buffer.from([0x0a, 0x42, 0x61, 0x64, 0x20, 0xff, 0x0a])), rule: 'text-encoding', at: 'en/index.md:15:5' },
  { name: 'a NUL byte', spoil: append('en/signs.md', Buffer.from([0x0a, 0x4e, 0x55, 0x4c, 0x00, 0x0a])), rule: 'text-encoding', at: 'en/signs.md:27:4' },
  { name: 'invalid UTF-8 in the config', spoil: append('kitpress.yaml', Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a])), rule: 'text-encoding', at: 'kitpress.yaml:24:3' },
  { name: 'an unclosed ::: block at the end of the file', spoil: append('en/signs.md', '\n:::tips[Never closed]\n- Turn off the heat.\n'), rule: 'directive-unclosed', at: 'en/signs.md:27:1' },
  { name: 'an image path that climbs to /etc/passwd', spoil: image('../../../../etc/passwd'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path to the config', spoil: image('../kitpress.yaml'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an absolute image path', spoil: image('/etc/hostname'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path with a backslash', spoil: both(asset('pan.png', 'png'), image('kitchen\\pan.png')), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'an image path with a query string', spoil: both(asset('pan.png', 'png'), image('pan.png?v=2')), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  { name: 'a file: image address', spoil: image('file:///etc/passwd'), rule: 'image-path-invalid', at: 'en/signs.md:27:1' },
  {
    name: 'an image that is a symlink to a file outside the content',
    spoil: both((dir) => mkdirSync(join(dir, 'assets')), (dir) => symlinkSync('/etc/hostname', join(dir, 'assets', 'pan.png')), image('pan.png')),
    rule: 'image-path-invalid',
    at: 'en/signs.md:27:1',
  },
  { name: 'an SVG with a script', spoil: both(asset('pan.svg', svg('<script>alert(1)</script>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'an SVG with an event handler', spoil: both(asset('pan.svg', svg('<rect onload="alert(1)" width="5" height="5"/>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'an SVG with an external reference', spoil: both(asset('pan.svg', svg('<image href="https://tracker.example/p.png"/>')), image('pan.svg')), rule: 'image-svg-unsafe', at: 'en/signs.md:27:1' },
  { name: 'a missing image inside a conversation point', spoil: replace('en/signs.md', '  ::listen[Names you do not know.]', '\n  ![A fire blanket](blanket.png)\n\n  ::listen[Names you do not know.]'), rule: 'image-missing', at: 'en/signs.md:21:3' },
  { name: 'version written as a map', spoil: replace('kitpress.yaml', 'version: "1"', 'version: {a: 1}'), rule: 'config-invalid', at: 'kitpress.yaml:2:10' },
  { name: 'a javascript: licence address', spoil: append('kitpress.yaml', 'licence:\n  contentUrl: "javascript:alert(1)"\n'), rule: 'config-invalid', at: 'kitpress.yaml:25:15' },
  { name: 'a site URL with a quote', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/"onload="x'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a password', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://admin:secret@example.org/kit/'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a query', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/?ref=1'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a site URL with a fragment', spoil: replace('kitpress.yaml', 'https://example.org/kit/', 'https://example.org/kit/#top'), rule: 'config-invalid', at: 'kitpress.yaml:5:8' },
  { name: 'a locale coded "all"', spoil: replace('kitpress.yaml', /code: en\n/, 'code: all\n'), rule: 'config-invalid', at: 'kitpress.yaml:10:11' },
  { name: 'a locale coded "pdf"', spoil: replace('kitpress.yaml', /code: en\n/, 'code: pdf\n'), rule: 'config-invalid', at: 'kitpress.yaml:10:11' },
  { name: 'a page named downloads.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/downloads.md')), rule: 'slug-reserved', at: 'en/downloads.md:1:1' },
  { name: 'a page named 404.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/404.md')), rule: 'slug-reserved', at: 'en/404.md:1:1' },
  { name: 'a page named pdf.md', spoil: (dir) => cpSync(join(dir, 'en/signs.md'), join(dir, 'en/pdf.md')), rule: 'slug-reserved', at: 'en/pdf.md:1:1' },
  {
    name: 'a typed 911',
    spoil: both(replace('kitpress.yaml', 'hotlines:\n', 'hotlines:\n  - id: emergency\n    phone: "911"\n    label:\n      en: Emergency\n'), append('en/signs.md', '\nIf the fire spreads, call 911 from outside.\n')),
    rule: 'hotline-number-typed',
    at: 'en/signs.md:27:1',
  },
  { name: 'a link into the site to a page that does not exist', spoil: append('en/signs.md', '\nSee [the old page](https://example.org/kit/old-page/).\n'), rule: 'link-site-missing', at: 'en/signs.md:27:5' },
  { name: 'a link into the site to a handout that does not exist', spoil: append('en/signs.md', '\nPrint [the card](https://example.org/kit/pdf/en/card-letter.pdf).\n'), rule: 'link-site-missing', at: 'en/signs.md:27:7' },
  { name: 'a hotline address inside the site that names no page', spoil: replace('kitpress.yaml', '    primary: true\n', '    primary: true\n    url: https://example.org/kit/help/\n'), rule: 'link-site-missing', at: 'kitpress.yaml:18:10' },
  { name: 'a typed (800) 555-0100', spoil: append('en/signs.md', '\nAsk the line at (800) 555-0100 for advice.\n'), rule: 'hotline-number-typed', at: 'en/signs.md:27:1' },
];
