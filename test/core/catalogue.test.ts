import { describe, expect, it } from 'vitest';
import { catalogue, wording, type RuleId, type RuleParams } from '../../src/core/diagnostics/catalogue.ts';
import { Diagnostics } from '../../src/core/diagnostics/diagnostic.ts';

const asset = { what: 'image', src: 'kitchen/pan.png' };
const shape = { kind: 'checklist', count: 3 };

/** Sample values for every rule, each wording (`case`) of it at least once; typed, so a sample that does not fit its rule does not compile. */
const samples: { [R in RuleId]: RuleParams<R>[] } = {
  'config-missing': [{ file: 'kitpress.yaml' }],
  'config-yaml': [{ case: 'syntax', error: 'Missing closing ]' }],
  'config-contrast': [{ key: 'primary', colour: '#777777', against: 'white text', againstColour: '#ffffff', ratio: 4.478, needs: 4.5 }],
  'config-invalid': [
    { case: 'unknown-key', where: 'colour', name: 'colour', near: 'color', known: ['name', 'version'] },
    { case: 'unknown-key', where: 'colour', name: 'colour', near: undefined, known: ['name', 'version'] },
    { case: 'value', key: 'date', issue: 'should be a date written YYYY-MM-DD' },
    { case: 'default-locale', value: 'fr', codes: ['en', 'es'] },
    { case: 'reserved-code', index: 1, code: 'kits', reserved: ['all', 'kits'] },
    { case: 'duplicate', what: 'hotline id', value: 'helpline' },
    { case: 'label-missing', index: 0, locale: 'en' },
    { case: 'asset', key: 'branding.customCss', problem: 'missing', what: 'stylesheet', src: 'brand.css' },
  ],
  'ui-yaml': [
    { case: 'syntax', error: 'Missing closing ]' },
    { case: 'value', key: 'next', issue: 'should be text' },
    { case: 'unknown-key', where: 'x', name: 'x', known: ['next'] },
    { case: 'review', value: 'done' },
    { case: 'empty', key: 'previous' },
  ],
  'ui-missing': [{ language: 'Español', code: 'es', keys: ['a', 'b'] }, { language: 'Español', code: 'es', keys: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }],
  'ui-unknown-key': [{ key: 'nextPagee' }],
  'frontmatter-missing': [{}],
  'frontmatter-yaml': [{ case: 'syntax', error: 'Nested mappings are not allowed in compact mappings' }],
  'frontmatter-invalid': [{ case: 'value', key: 'order', issue: 'should be a number' }, { case: 'unknown-key', where: 'titel', name: 'titel', near: 'title', known: ['title'] }],
  'slug-duplicate': [{ name: 'Signs.md', slug: 'signs', other: 'en/signs.md' }],
  'slug-invalid': [{ name: 'my page.md' }],
  'handout-file-duplicate': [{ case: 'page', file: 'signs', other: 'en/signs.md' }, { case: 'guide', file: 'facilitator-guide' }],
  'raw-html': [{ html: '<div>\nhello</div>' }],
  'directive-unknown': [
    { case: 'inline-node', node: 'inlineMath' },
    { case: 'block-node', node: 'math' },
    { case: 'container', name: 'warning' },
    { case: 'leaf', name: 'toc' },
    { case: 'text', name: 'note' },
  ],
  'directive-attribute-unknown': [
    { case: 'directive', name: 'checklist', key: 'colour' },
    { case: 'hotline', key: 'number' },
    { case: 'hotline-show', value: 'fax' },
    { case: 'cite', key: 'page' },
    { case: 'listen', key: 'loud' },
  ],
  'directive-shape': [
    { case: 'one-list', name: 'tips' },
    { case: 'checklist-item' },
    { case: 'listen-outside' },
    { case: 'listen-twice' },
    { case: 'image-alone' },
    { case: 'image-reference' },
  ],
  'hotline-unknown': [{ id: 'helpline' }],
  'hotline-contact-missing': [{ id: 'helpline', contact: 'sms' }],
  'hotline-number-typed': [{ number: '1-800-000-0000' }],
  'source-unknown': [{ id: 'study' }],
  'link-page-missing': [{ case: 'page', slug: '', locale: 'es' }, { case: 'page', slug: 'signs', locale: 'es' }, { case: 'reference', label: 'help' }],
  'link-heading-missing': [{ file: 'en/signs.md', anchor: 'what-to-do' }],
  'link-site-missing': [{ case: 'page', href: 'https://example.org/nothing/' }, { case: 'config', key: 'licence.contentUrl', href: 'https://example.org/x/' }],
  'link-unsafe': [{ url: 'javascript:alert(1)' }],
  'image-alt-missing': [{ src: 'pan.png' }],
  'image-missing': [{ problem: 'remote', ...asset }, { problem: 'missing', ...asset }, { problem: 'missing', what: 'logo', src: 'logo.svg', key: 'branding.logo.file' }],
  'heading-h1': [{}],
  'heading-skip': [{ depth: 4, previous: 2 }],
  'footnote-unsupported': [{}],
  'locale-empty': [{ code: 'en' }],
  'translation-outdated': [{ source: 'en/signs.md', recorded: 'abc', now: 'def' }, { source: 'en/signs.md', recorded: undefined, now: 'def' }],
  'translation-structure': [{ block: 2, shape, source: 'en/signs.md', sourceLine: 12, sourceShape: { kind: 'checklist', count: 4 } }, { block: 3, shape: undefined, source: 'en/signs.md', sourceLine: 1, sourceShape: shape }],
  'translation-missing': [{ language: 'Tiếng Việt', code: 'vi', file: 'signs.md', sourceLanguage: 'English' }],
  'glyph-missing': [
    { chars: ['🙂'], code: 'en', fonts: ['atkinson-hyperlegible', 'noto-sans'], cover: undefined },
    { chars: [...'孩子的安全很重要，孩的安全'], code: 'en', fonts: ['noto-sans'], cover: { font: 'noto-sans-sc', name: 'Noto Sans SC' } },
  ],
  'readability': [{ case: 'sentence', sentence: 'When a young person is asked again and again for pictures they do not want to send', reason: 'Unexpected hard to read sentence, according to 4 out of 5 algorithms' }, { case: 'handout', grade: 9.4, target: 8 }],
  'wording': [{ reason: 'Unexpected potentially insensitive use of `boys`, in somes cases `youth` may be better' }],
  'handout-untagged': [{ handout: 'en/signs.md (letter)', problem: 'a link without its annotation' }, { handout: 'en/signs.md (letter)', problem: undefined }],
  'guide-untagged': [{ code: 'en', paper: 'a4', problem: undefined }],
  'handout-overflow': [{ handout: 'en/signs.md (letter)', budget: 1, fontSize: 11, pages: 2, overBy: 120 }, { handout: 'en/signs.md (a4)', budget: 2, fontSize: 11, pages: 3, overBy: undefined }],
  'yaml-alias-limit': [{}],
  'text-encoding': [{ case: 'byte', byte: 0xe9 }, { case: 'nul' }],
  'page-too-large': [{ bytes: 300_000, limit: 256 * 1024 }],
  'nesting-too-deep': [{ limit: 24 }],
  'references-too-many': [{ limit: 200 }],
  'directive-unclosed': [{ name: 'checklist' }],
  'image-path-invalid': [{ problem: 'path', path: 'backslash', ...asset }, { problem: 'path', path: 'climbs', ...asset }, { problem: 'outside', ...asset }, { problem: 'not-png', ...asset }],
  'image-svg-unsafe': [{ problem: 'svg', holds: 'script', ...asset }, { problem: 'svg', holds: 'event-handler', what: 'logo', src: 'logo.svg', key: 'branding.logo.file' }],
  'slug-reserved': [{ file: 'en/search.md', slug: 'search', language: false, reserved: ['pdf', 'search'] }, { file: 'en/es.md', slug: 'es', language: true, reserved: ['pdf', 'es'] }],
  'handout-line-too-wide': [{ handout: 'en/signs.md (letter)', text: 'https://example.org/'.repeat(5), width: 700, room: 500, sheet: 1 }],
  'handout-timeout': [{ handout: 'en/signs.md (letter)', seconds: 60 }],
};

describe('the catalogue', () => {
  it('words every rule as a sentence, with a hint, for sample values of each of its wordings', () => {
    for (const ruleId of Object.keys(catalogue) as RuleId[]) {
      expect(samples[ruleId].length, ruleId).toBeGreaterThan(0);
      for (const params of samples[ruleId]) {
        const { message, hint } = wording(ruleId, params as never);
        for (const text of [message, hint]) {
          expect(text.trim().length, `${ruleId}: ${text}`).toBeGreaterThan(10);
          expect(text, ruleId).not.toMatch(/undefined|\[object Object\]|NaN/);
          expect(text, ruleId).not.toContain('\n');
        }
      }
    }
  });

  it('keeps the wording the messages always had', () => {
    const say = <R extends RuleId>(ruleId: R, params: RuleParams<R>) => wording(ruleId, params);
    expect(say('image-path-invalid', { problem: 'path', path: 'climbs', ...asset }).message).toBe('The image path "kitchen/pan.png" climbs out with ".." or "."; give it relative to content/assets/');
    expect(say('image-missing', { problem: 'missing', what: 'logo', src: 'logo.svg', key: 'branding.logo.file' })).toEqual({
      message: 'branding.logo.file: The logo "logo.svg" is not in content/assets/',
      hint: 'Put the file into the assets folder of the content, or correct its name.',
    });
    expect(say('glyph-missing', samples['glyph-missing'][1]!).message).toBe(
      '13 characters are in none of the fonts a "en" handout can embed (noto-sans): "孩" (U+5B69), "子" (U+5B50), "的" (U+7684), "安" (U+5B89), "全" (U+5168), "很" (U+5F88), "重" (U+91CD), "要" (U+8981), "，" (U+FF0C), "孩" (U+5B69), "的" (U+7684), "安" (U+5B89) and 1 more; the first is here',
    );
    expect(say('glyph-missing', samples['glyph-missing'][1]!).hint).toBe('Set `font: noto-sans-sc` for the "en" language in kitpress.yaml: Noto Sans SC covers all of them. Or replace the characters.');
    expect(say('handout-overflow', samples['handout-overflow'][0]!).message).toBe(
      'The handout en/signs.md (letter) does not fit its budget of 1 page(s) at 11 pt, the smallest body size: it needs 2, about 120 pt of text (8 lines) too many',
    );
    expect(say('handout-overflow', { handout: 'en/signs.md (letter)', budget: 1, fontSize: 11, pages: 2, overBy: 9 }).message).toMatch(/about 9 pt of text \(1 line\) too many$/);
    expect(say('config-invalid', samples['config-invalid'][1]!).hint).toBe('Remove the key, or correct its spelling. Known keys here: name, version.');
    expect(say('readability', samples.readability[0]!).message).toBe('Hard to read sentence "When a young person is asked again and..." (4 out of 5 algorithms)');
    expect(say('raw-html', { html: '<div>\nhello</div>' }).message).toBe('Raw HTML "<div>" is not allowed');
  });

  it('is what Diagnostics.report records', () => {
    const diagnostics = new Diagnostics();
    const d = diagnostics.report('heading-skip', { depth: 4, previous: 2 }, { file: 'en/a.md', line: 3, column: 1 });
    expect(d).toEqual({ ruleId: 'heading-skip', severity: 'warning', message: 'A level-4 heading follows a level-2 heading, skipping level 3', hint: catalogue['heading-skip'].hint, place: { file: 'en/a.md', line: 3, column: 1 } });
  });

  it('takes values, never sentences: values that do not fit the rule do not compile', () => {
    const diagnostics = new Diagnostics();
    const place = { file: 'en/a.md', line: 1, column: 1 };
    // Checked by `tsc --noEmit`, never run: each line must be a type error.
    const wrong = () => {
      // @ts-expect-error: a sentence is not the rule's values.
      diagnostics.report('hotline-unknown', 'Unknown hotline "x"', place);
      // @ts-expect-error: `previous` is missing.
      diagnostics.report('heading-skip', { depth: 4 }, place);
      // @ts-expect-error: there is no such wording of directive-shape.
      diagnostics.report('directive-shape', { case: 'image-everywhere' }, place);
      // @ts-expect-error: this wording needs the directive's name.
      diagnostics.report('directive-shape', { case: 'one-list' }, place);
      // @ts-expect-error: a rule's values have no room for a hint of the call site's own.
      diagnostics.report('image-alt-missing', { src: 'a.png' }, place, 'Describe it.');
    };
    expect(typeof wrong).toBe('function');
    expect(diagnostics.list).toEqual([]);
  });
});
