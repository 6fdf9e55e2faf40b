import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_LIMITS } from '../../../src/core/markdown/limits.ts';
import { append, asset, bomb, both, remove, replace, svg, write, type Case } from './spoil.ts';

/**
 * Broken copies of test/fixtures/kitchen-fire, a toolkit on another topic than the default one.
 * Note: kitpress.yaml has 35 lines, en/pan-fires.md 30, en/index.md 16, en/get-help.md 16:
 * text appended after "\n" starts two lines further down (36 -> 37 for a page, 36 for the config).
 */
const config = 'kitpress.yaml';
const pan = 'en/pan-fires.md';
const help = 'en/get-help.md';
const index = 'en/index.md';
/** Text added to the handout page at line 32 (after an empty line 31). */
const onPan = (text: string) => append(pan, `\n${text}\n`);
const image = (src: string, alt = 'A lid on a pan') => onPan(`![${alt}](${src})`);
const items = (count: number) => Array.from({ length: count }, (_, i) => `- Item ${i + 1}: keep the lid, the blanket and the door within reach, and check them every month before you cook`).join('\n');

export const kitchenCases: Case[] = [
  // Config
  { name: 'no kitpress.yaml', spoil: remove(config), rule: 'config-missing', at: 'kitpress.yaml:0:0' },
  { name: 'a YAML syntax error in the config', spoil: replace(config, 'name: kitchen-fire', 'name: [kitchen-fire'), rule: 'config-yaml', at: 'kitpress.yaml:4:1' },
  { name: 'an unknown config key', spoil: append(config, 'colour: red\n'), rule: 'config-invalid', at: 'kitpress.yaml:36:1' },
  { name: 'a toolkit name with capitals and spaces', spoil: replace(config, 'name: kitchen-fire', 'name: Kitchen Fire'), rule: 'config-invalid', at: 'kitpress.yaml:3:7' },
  { name: 'an impossible date', spoil: replace(config, 'date: 2026-02-01', 'date: 2026-13-45'), rule: 'config-invalid', at: 'kitpress.yaml:5:7' },
  { name: 'a default locale that is not a locale', spoil: replace(config, 'defaultLocale: en', 'defaultLocale: fr'), rule: 'config-invalid', at: 'kitpress.yaml:13:16' },
  { name: 'two locales with the same code', spoil: replace(config, 'code: es', 'code: en'), rule: 'config-invalid', at: 'kitpress.yaml:20:11' },
  { name: 'a locale coded "kits"', spoil: replace(config, 'code: es', 'code: kits'), rule: 'config-invalid', at: 'kitpress.yaml:20:11' },
  { name: 'a locale with an unknown text direction', spoil: replace(config, '    name: Español\n', '    name: Español\n    dir: sideways\n'), rule: 'config-invalid', at: 'kitpress.yaml:22:10' },
  { name: 'a locale with an unknown font', spoil: replace(config, '    name: Español\n', '    name: Español\n    font: comic-sans\n'), rule: 'config-invalid', at: 'kitpress.yaml:22:11' },
  { name: 'an unknown paper size', spoil: replace(config, 'paper: [letter]', 'paper: [legal]'), rule: 'config-invalid', at: 'kitpress.yaml:14:9' },
  { name: 'a hotline with no phone, sms or url', spoil: replace(config, '    phone: 1-800-555-0142\n    url: https://example.org/fireline\n', ''), rule: 'config-invalid', at: 'kitpress.yaml:25:5' },
  { name: 'a hotline without a label in the default locale', spoil: replace(config, '      en: Fire Safety Line\n', ''), rule: 'config-invalid', at: 'kitpress.yaml:30:7' },
  { name: 'a version written as a list', spoil: replace(config, 'version: "1.0"', 'version: [1, 2]'), rule: 'config-invalid', at: 'kitpress.yaml:4:10' },
  { name: 'a YAML alias bomb in the config', spoil: append(config, bomb), rule: 'yaml-alias-limit', at: 'kitpress.yaml:37:8' },
  { name: 'a primary colour without contrast', spoil: append(config, 'branding:\n  primary: "#7fb3e0"\n'), rule: 'config-contrast', at: 'kitpress.yaml:37:12' },
  { name: 'a logo file that is not there', spoil: append(config, 'branding:\n  logo:\n    file: logo.svg\n    alt:\n      en: Fire Circle logo\n'), rule: 'image-missing', at: 'kitpress.yaml:38:11' },
  // Hostile config values
  { name: 'a javascript: hotline address', spoil: replace(config, 'url: https://example.org/fireline', 'url: "javascript:alert(1)"'), rule: 'config-invalid', at: 'kitpress.yaml:27:10' },
  { name: 'a data: organisation address', spoil: replace(config, '  url: https://example.org/\n', '  url: "data:text/html,<script>alert(1)</script>"\n'), rule: 'config-invalid', at: 'kitpress.yaml:10:8' },
  { name: 'an ftp: site address', spoil: replace(config, 'https://example.org/kitchen/', 'ftp://example.org/kitchen/'), rule: 'config-invalid', at: 'kitpress.yaml:7:8' },
  { name: 'a site address with a space', spoil: replace(config, 'https://example.org/kitchen/', '"https://example.org/kitchen fire/"'), rule: 'config-invalid', at: 'kitpress.yaml:7:8' },
  { name: 'a site address with angle brackets', spoil: replace(config, 'https://example.org/kitchen/', 'https://example.org/<kitchen>/'), rule: 'config-invalid', at: 'kitpress.yaml:7:8' },
  { name: 'a quick exit to a javascript: address', spoil: append(config, 'branding:\n  quickExit:\n    url: "javascript:alert(1)"\n'), rule: 'config-invalid', at: 'kitpress.yaml:38:10' },
  { name: 'a source address inside the site that names no page', spoil: replace(config, 'url: https://example.org/handbook', 'url: https://example.org/kitchen/handbook/'), rule: 'link-site-missing', at: 'kitpress.yaml:35:10' },
  // Interface strings
  { name: 'a YAML syntax error in an interface file', spoil: append('ui/es.yaml', 'next: [Siguiente\n'), rule: 'ui-yaml', at: /^ui\/es\.yaml:\d+:\d+$/ },
  { name: 'an interface word the website prints, set to nothing', spoil: append('ui/es.yaml', 'previous: ""\n'), rule: 'ui-yaml', at: 'ui/es.yaml:12:1' },
  { name: 'an unknown interface key (a warning: check and build pass)', spoil: append('ui/es.yaml', 'nextPagee: Siguiente\n'), rule: 'ui-unknown-key', at: 'ui/es.yaml:12:1' },
  // Front matter
  { name: 'a page without front matter', spoil: replace(help, /^---\n[\s\S]*?\n---\n/, ''), rule: 'frontmatter-missing', at: 'en/get-help.md:1:1' },
  { name: 'a YAML syntax error in front matter', spoil: replace(help, 'title: Get help', 'title: [Get help'), rule: 'frontmatter-yaml', at: /^en\/get-help\.md:[2-4]:\d+$/ },
  { name: 'front matter without a title', spoil: replace(help, 'title: Get help\n', ''), rule: 'frontmatter-invalid', at: /^en\/get-help\.md:[12]:\d+$/ },
  { name: 'an order that is not a number', spoil: replace(help, 'order: 3', 'order: third'), rule: 'frontmatter-invalid', at: 'en/get-help.md:4:8' },
  { name: 'an unknown front matter key', spoil: replace(help, 'order: 3\n', 'order: 3\nauthor: me\n'), rule: 'frontmatter-invalid', at: 'en/get-help.md:5:1' },
  { name: 'an unknown handout kind', spoil: replace(pan, 'kind: checklist', 'kind: poster'), rule: 'frontmatter-invalid', at: 'en/pan-fires.md:6:9' },
  { name: 'a page budget of 0', spoil: replace(pan, 'pages: 1', 'pages: 0'), rule: 'frontmatter-invalid', at: 'en/pan-fires.md:8:10' },
  { name: 'a YAML alias bomb in front matter', spoil: replace(help, 'order: 3\n', `order: 3\n${bomb}`), rule: 'yaml-alias-limit', at: 'en/get-help.md:6:8' },
  { name: 'two handouts with the same file name', spoil: replace(help, 'order: 3\n', 'order: 3\nhandout:\n  kind: conversation\n  file: pan-fires\n  pages: 1\n'), rule: 'handout-file-duplicate', at: /^en\/(get-help|pan-fires)\.md:1:1$/ },
  // Directives
  { name: 'an unknown block directive', spoil: onPan(':::warning[Hot oil]\n- Stand back.\n:::'), rule: 'directive-unknown', at: 'en/pan-fires.md:32:1' },
  { name: 'an unknown directive attribute', spoil: replace(pan, '::hotlines', '::hotlines{colour=red}'), rule: 'directive-attribute-unknown', at: 'en/pan-fires.md:30:1' },
  { name: 'a checklist without a list', spoil: onPan(':::checklist[Check]\nJust a sentence.\n:::'), rule: 'directive-shape', at: 'en/pan-fires.md:32:1' },
  { name: 'an unclosed ::: block at the end of a page', spoil: onPan(':::tips[Never closed]\n- Keep the lid close.'), rule: 'directive-unclosed', at: 'en/pan-fires.md:32:1' },
  { name: 'an unknown hotline', spoil: onPan('Call :hotline[police] now.'), rule: 'hotline-unknown', at: 'en/pan-fires.md:32:6' },
  { name: 'a hotline shown by sms when it has none', spoil: onPan('Text :hotline[fireline]{show=sms} now.'), rule: 'hotline-contact-missing', at: 'en/pan-fires.md:32:6' },
  { name: 'an unknown source', spoil: onPan('Most fires start here :cite[nfpa].'), rule: 'source-unknown', at: 'en/pan-fires.md:32:23' },
  { name: 'a footnote', spoil: onPan('Most fires start here.[^1]\n\n[^1]: A handbook.'), rule: 'footnote-unsupported', at: /^en\/pan-fires\.md:3[24]:\d+$/ },
  { name: 'a page heading at level 1', spoil: onPan('# Another title'), rule: 'heading-h1', at: 'en/pan-fires.md:32:1' },
  // Raw HTML
  { name: 'a script block', spoil: onPan('<script>alert(1)</script>'), rule: 'raw-html', at: 'en/pan-fires.md:32:1' },
  { name: 'inline HTML', spoil: onPan('Keep the <b>lid</b> close.'), rule: 'raw-html', at: 'en/pan-fires.md:32:10' },
  { name: 'an HTML comment', spoil: onPan('<!-- hidden note -->'), rule: 'raw-html', at: 'en/pan-fires.md:32:1' },
  { name: 'an iframe', spoil: onPan('<iframe src="https://tracker.example/"></iframe>'), rule: 'raw-html', at: 'en/pan-fires.md:32:1' },
  // Links and paths
  { name: 'a link to a page that does not exist', spoil: onPan('Read [the recipes](recipes.md).'), rule: 'link-page-missing', at: 'en/pan-fires.md:32:6' },
  { name: 'a link to a heading that does not exist', spoil: onPan('Read [the list](pan-fires.md#nothing-here).'), rule: 'link-heading-missing', at: 'en/pan-fires.md:32:6' },
  { name: 'a javascript: link', spoil: onPan('Read [this](javascript:alert(1)).'), rule: 'link-unsafe', at: 'en/pan-fires.md:32:6' },
  { name: 'a link to a file beside the content', spoil: onPan('Read [this](../secret.txt).'), rule: 'link-unsafe', at: 'en/pan-fires.md:32:6' },
  { name: 'a link into the site that names no page', spoil: onPan('Read [the old page](https://example.org/kitchen/old/).'), rule: 'link-site-missing', at: 'en/pan-fires.md:32:6' },
  { name: 'a missing image', spoil: image('lid.png'), rule: 'image-missing', at: 'en/pan-fires.md:32:1' },
  { name: 'an image without alt text', spoil: both(asset('lid.png', 'png'), image('lid.png', '')), rule: 'image-alt-missing', at: 'en/pan-fires.md:32:1' },
  { name: 'an image path that climbs out of the content', spoil: image('../../../../etc/passwd'), rule: 'image-path-invalid', at: 'en/pan-fires.md:32:1' },
  { name: 'an image that is a symlink to /etc/passwd', spoil: both((dir) => mkdirSync(join(dir, 'assets')), (dir) => symlinkSync('/etc/passwd', join(dir, 'assets', 'lid.png')), image('lid.png')), rule: 'image-path-invalid', at: 'en/pan-fires.md:32:1' },
  { name: 'an SVG with embedded HTML', spoil: both(asset('lid.svg', svg('<foreignObject><p>hi</p></foreignObject>')), image('lid.svg')), rule: 'image-svg-unsafe', at: 'en/pan-fires.md:32:1' },
  { name: 'an SVG with a javascript: link', spoil: both(asset('lid.svg', svg('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>')), image('lid.svg')), rule: 'image-svg-unsafe', at: 'en/pan-fires.md:32:1' },
  { name: 'a page file name with capitals', spoil: write('en/Get-Started.md', '---\ntitle: Start\ndescription: A page.\norder: 4\n---\n\nHello.\n'), rule: 'slug-invalid', at: /^en\/Get-Started\.md:\d+:\d+$/ },
  { name: 'a page named kits.md', spoil: write('en/kits.md', '---\ntitle: Kits\ndescription: A page.\norder: 4\n---\n\nHello.\n'), rule: 'slug-reserved', at: 'en/kits.md:1:1' },
  { name: 'a page named search.md (the search page)', spoil: write('en/search.md', '---\ntitle: Search\ndescription: A page.\norder: 4\n---\n\nHello.\n'), rule: 'slug-reserved', at: 'en/search.md:1:1' },
  { name: 'a page named like a locale', spoil: write('en/es.md', '---\ntitle: Español\ndescription: A page.\norder: 4\n---\n\nHola.\n'), rule: 'slug-reserved', at: 'en/es.md:1:1' },
  { name: 'no index.md in the default locale', spoil: remove(index), rule: 'locale-empty', at: 'en/index.md:0:0' },
  // Encodings
  { name: 'an invalid UTF-8 byte in a page', spoil: append(pan, Buffer.from('\nA lid \xff here.\n', 'latin1')), rule: 'text-encoding', at: 'en/pan-fires.md:32:7' },
  { name: 'a NUL byte in front matter', spoil: replace(help, 'title: Get help', 'title: Get\u0000help'), rule: 'text-encoding', at: 'en/get-help.md:2:11' },
  { name: 'a page saved as UTF-16', spoil: (dir) => write('en/get-help.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: Get help\n---\n', 'utf16le')]))(dir), rule: 'text-encoding', at: /^en\/get-help\.md:1:\d+$/ },
  { name: 'a config saved as Latin-1', spoil: (dir) => writeFileSync(join(dir, config), Buffer.from(readFileSync(join(dir, config), 'utf8'), 'latin1')), rule: 'text-encoding', at: 'kitpress.yaml:21:15' },
  { name: 'invalid UTF-8 in an interface file', spoil: append('ui/es.yaml', Buffer.from('next: Sigui\xe9nte\n', 'latin1')), rule: 'text-encoding', at: /^ui\/es\.yaml:\d+:12$/ },
  // Limits
  { name: 'a page larger than the limit', spoil: onPan('Keep a lid near the stove. '.repeat(Math.ceil(PAGE_LIMITS.bytes / 27))), rule: 'page-too-large', at: 'en/pan-fires.md:1:1' },
  { name: 'lists nested 40 deep', spoil: onPan(Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')), rule: 'nesting-too-deep', at: /^en\/pan-fires\.md:\d+:\d+$/ },
  { name: 'too many citations on one page', spoil: onPan(':cite[circle] '.repeat(PAGE_LIMITS.references + 1)), rule: 'references-too-many', at: `en/pan-fires.md:32:${PAGE_LIMITS.references * 14 + 1}` },
  // Found only by laying the handout out
  { name: 'a handout over its page budget', spoil: replace(pan, '- A clear path to the door\n', `- A clear path to the door\n${items(60)}\n`), rule: 'handout-overflow', at: /^en\/pan-fires\.md:(\d{2}):1$/ },
  { name: 'a word too long for a printed line', spoil: replace(pan, '- A clear path to the door\n', `- A clear path to the door ${'Fireblanketlidandclearpath'.repeat(6)}\n`), rule: 'handout-line-too-wide', at: 'en/pan-fires.md:19:1' },
];
