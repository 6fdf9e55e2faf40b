/**
 * The closed catalogue of messages Kitpress gives about an author's content.
 * Each entry has an id (the rule printed after the message), a severity, the message as a
 * function of typed parameters, and a hint that says how to fix the problem (a sentence, or a
 * function of the same parameters). Code reports by id and values, never by sentences: the
 * wording of every message lives here.
 */

/** How bad a diagnostic is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One catalogue entry over its parameters `P`. */
export interface Rule<P> {
  severity: Severity;
  /** What went wrong, from the values the reporting code passes. */
  message: (params: P) => string;
  /** Says how to fix it, in plain words. */
  hint: string | ((params: P) => string);
}

/** Any catalogue entry. */
export type CatalogueEntry = Rule<never>;

/** An entry; its parameters are those its `message` takes, and the hint must take the same. */
function rule<P extends object>(entry: Rule<P>): Rule<P> {
  return entry;
}

/** A message with one wording per case; the parameters are `{ case: <name> }` and that wording's own. */
type CaseParams<C> = { [K in keyof C]: { case: K } & (C[K] extends (params: infer P) => string ? P : never) }[keyof C];

function cases<C extends Record<string, (params: never) => string>>(wordings: C): (params: CaseParams<C>) => string {
  return (params) => (wordings[params.case] as (params: CaseParams<C>) => string)(params);
}

// ---------------------------------------------------------------- shared wordings

/** What is wrong with a file named from the content (an image, the logo, the stylesheet). */
export type AssetIssue =
  | { problem: 'remote' | 'missing' | 'outside' | 'not-png'; what: string; src: string }
  | { problem: 'path'; path: keyof typeof PATH_PROBLEMS; what: string; src: string }
  | { problem: 'svg'; holds: keyof typeof SVG_CONTENT; what: string; src: string };

/** Why a path does not name a file in content/assets/. */
const PATH_PROBLEMS = {
  backslash: 'uses a backslash; write folders with forward slashes (/)',
  query: 'has a query string or a #fragment; name only the file',
  address: 'is an address, not a file in content/assets/',
  absolute: 'starts at the root of the disk; give it relative to content/assets/',
  climbs: 'climbs out with ".." or "."; give it relative to content/assets/',
};

/** What an unsafe SVG holds. */
const SVG_CONTENT = {
  script: 'a script',
  'event-handler': 'an event handler (on...=)',
  'foreign-object': 'embedded HTML (foreignObject)',
  entity: 'an XML entity',
  link: 'a link to another file or site',
  url: 'a reference to another file or site (url(...))',
  javascript: 'a javascript: address',
};

function assetMessage(p: AssetIssue): string {
  const The = `The ${p.what}`;
  switch (p.problem) {
    case 'remote':
      return `${The} "${p.src}" is on another site; pages must work offline`;
    case 'path':
      return `${The} path "${p.src}" ${PATH_PROBLEMS[p.path]}`;
    case 'missing':
      return `${The} "${p.src}" is not in content/assets/`;
    case 'outside':
      return `${The} "${p.src}" is a link to a file outside content/assets/`;
    case 'svg':
      return `The SVG ${p.what} "${p.src}" holds ${SVG_CONTENT[p.holds]}`;
    case 'not-png':
      return `${The} "${p.src}" is named .png but is not a PNG file`;
  }
}

/** An asset problem of a page's image, or of a file named at a `key` of kitpress.yaml (the logo). */
type AssetParams = AssetIssue & { key?: string };

const CONFIG_FILE_HINT = 'Put the file into the assets folder of the content, or correct its name.';
const assetText = (p: AssetParams) => `${p.key ? `${p.key}: ` : ''}${assetMessage(p)}`;
const assetHint = (own: string) => (p: AssetParams) => (p.key ? CONFIG_FILE_HINT : own);

/** A value of a YAML file that its schema refuses: a key it does not know, or a value it describes as wrong. */
type YamlIssue =
  | { case: 'unknown-key'; where: string; name: string; near?: string | undefined; known: readonly string[] }
  | { case: 'value'; key: string; issue: string };

const yamlIssue = (p: YamlIssue) =>
  p.case === 'unknown-key' ? `${p.where}: Kitpress does not know the key "${p.name}"${p.near ? ` (did you mean "${p.near}"?)` : ''}` : `${p.key}: ${p.issue}`;
const yamlHint = (own: string) => (p: { case: string; near?: string | undefined; known?: readonly string[] }) =>
  p.case !== 'unknown-key' ? own : p.near ? `Did you mean "${p.near}"? Rename the key, or remove it.` : `Remove the key, or correct its spelling. Known keys here: ${(p.known ?? []).join(', ')}.`;

/** A YAML syntax error, in the words of the YAML parser. */
type YamlSyntax = { case: 'syntax'; error: string };
const yamlSyntax = (p: YamlSyntax) => `YAML syntax: ${p.error}`;

/** A handout block of a translation or its source, for comparing their shapes. */
export interface BlockShape { kind: string; count: number }
const describeShape = (s: BlockShape | undefined) => (s ? `a ${s.kind} with ${s.count} item(s)` : 'nothing');

const CONFIG_INVALID_HINT = 'Correct this value in kitpress.yaml; docs/authoring.md lists every key.';
const UNTAGGED = (what: string, problem: string | undefined) => `${what} is tagged but fails its accessibility check (${problem ?? 'not checked'}), so it does not claim PDF/UA`;

// ---------------------------------------------------------------- the catalogue

/** Every diagnostic Kitpress can give. */
export const catalogue = {
  'config-missing': rule({
    severity: 'error',
    message: (p: { file: string }) => `No ${p.file} in the content folder`,
    hint: 'Create kitpress.yaml in the content folder (see docs/authoring.md).',
  }),
  'config-yaml': rule({ severity: 'error', message: yamlSyntax, hint: 'Fix the YAML syntax at this place: check indentation, colons and quotes.' }),
  'config-contrast': rule({
    severity: 'error',
    message: (p: { key: string; colour: string; against: string; againstColour: string; ratio: number; needs: number }) =>
      `branding.${p.key}: "${p.colour}" with ${p.against} (${p.againstColour}) has a contrast of ${p.ratio.toFixed(2)}:1; WCAG AA needs ${p.needs}:1`,
    hint: 'Choose a darker colour (or a lighter one for a dark pair) so the pair reaches 4.5:1; a contrast checker shows the ratio as you pick.',
  }),
  'config-invalid': rule({
    severity: 'error',
    message: (
      p:
        | YamlIssue
        | { case: 'default-locale'; value: string; codes: readonly string[] }
        | { case: 'reserved-code'; index: number; code: string; reserved: readonly string[] }
        | { case: 'duplicate'; what: string; value: string }
        | { case: 'label-missing'; index: number; locale: string }
        | ({ case: 'asset' } & AssetParams),
    ) => {
      switch (p.case) {
        case 'default-locale':
          return `defaultLocale: "${p.value}" is not one of the locales (${p.codes.join(', ')})`;
        case 'reserved-code':
          return `locales.${p.index}.code: "${p.code}" is a name Kitpress uses for its own files and kits`;
        case 'duplicate':
          return `The ${p.what} "${p.value}" is used twice`;
        case 'label-missing':
          return `hotlines.${p.index}.label: needs a label in the default locale "${p.locale}"`;
        case 'asset':
          return assetText(p);
        default:
          return yamlIssue(p);
      }
    },
    hint: (p) => {
      switch (p.case) {
        case 'reserved-code':
          return `Use the language's code (en, es, pt-BR); ${p.reserved.join(', ')} are reserved.`;
        case 'duplicate':
          return `Give each ${p.what} its own value.`;
        case 'asset':
          return CONFIG_FILE_HINT;
        case 'unknown-key':
        case 'value':
          return yamlHint(CONFIG_INVALID_HINT)(p);
        default:
          return CONFIG_INVALID_HINT;
      }
    },
  }),
  'ui-yaml': rule({
    severity: 'error',
    message: (p: YamlSyntax | YamlIssue | { case: 'review'; value: string } | { case: 'empty'; key: string }) =>
      p.case === 'syntax'
        ? yamlSyntax(p)
        : p.case === 'review'
          ? `review: should be draft or reviewed, not "${p.value}"`
          : p.case === 'empty'
            ? `${p.key}: is empty, but the website prints these words`
            : yamlIssue(p),
    hint: (p) =>
      p.case === 'empty'
        ? "Write the words for this key, or remove the line to use the default language's words."
        : yamlHint('Fix the YAML syntax of this interface file: one `key: text` per line.')(p),
  }),
  'ui-missing': rule({
    severity: 'warning',
    message: (p: { language: string; code: string; keys: readonly string[] }) =>
      `${p.keys.length} interface word(s) are not translated into ${p.language} (${p.code}) so those show in another language: ${p.keys.length > 6 ? `${p.keys.slice(0, 6).join(', ')} and ${p.keys.length - 6} more` : p.keys.join(', ')}`,
    hint: 'Add these keys to the ui file of this language (`kitpress status` lists them all); the English file src/core/ui/en.yaml has every key.',
  }),
  'ui-unknown-key': rule({
    severity: 'warning',
    message: (p: { key: string }) => `Kitpress has no interface key "${p.key}"`,
    hint: 'Remove the key or correct its spelling; the English file lists every key.',
  }),
  'frontmatter-missing': rule({
    severity: 'error',
    message: () => 'The page has no front matter',
    hint: 'Start the file with front matter between `---` lines: title, description and order.',
  }),
  'frontmatter-yaml': rule({ severity: 'error', message: yamlSyntax, hint: 'Fix the YAML syntax of the front matter between the `---` lines.' }),
  'frontmatter-invalid': rule({ severity: 'error', message: yamlIssue, hint: yamlHint('Correct this front matter key; docs/authoring.md lists what a page needs.') }),
  'slug-duplicate': rule({
    severity: 'error',
    message: (p: { name: string; slug: string; other: string }) => `"${p.name}" has the same address "/${p.slug}/" as ${p.other}`,
    hint: 'Rename one of the two files: each page of a language needs its own name.',
  }),
  'slug-invalid': rule({
    severity: 'error',
    message: (p: { name: string }) => `The page file name "${p.name}" cannot be an address`,
    hint: 'Use only lowercase letters, digits and hyphens in page file names, e.g. `get-help.md`.',
  }),
  'handout-file-duplicate': rule({
    severity: 'error',
    message: cases({
      page: (p: { file: string; other: string }) => `The handout file name "${p.file}" is also used by ${p.other}`,
      guide: (p: { file: string }) => `The handout file name "${p.file}" is the name of the facilitator guide, which holds every page`,
    }),
    hint: 'Give each handout its own `handout.file` name.',
  }),
  'raw-html': rule({
    severity: 'error',
    message: (p: { html: string }) => `Raw HTML "${(p.html.split('\n')[0] ?? '').slice(0, 40)}" is not allowed`,
    hint: 'Remove the HTML; use Markdown or a directive (see docs/authoring.md). HTML is never copied to the output.',
  }),
  'directive-unknown': rule({
    severity: 'error',
    message: cases({
      'inline-node': (p: { node: string }) => `Kitpress cannot show a "${p.node}" here`,
      'block-node': (p: { node: string }) => `Kitpress cannot show a "${p.node}" block`,
      container: (p: { name: string }) => `Unknown block directive ":::${p.name}"`,
      leaf: (p: { name: string }) => `Unknown line directive "::${p.name}"`,
      text: (p: { name: string }) => `Unknown inline directive ":${p.name}" (to write a colon before a word, put a space after the colon)`,
    }),
    hint: 'Use one of: checklist, tips, conversation, important, worried (blocks); hotline, cite (inline); listen, hotlines, sources (lines).',
  }),
  'directive-attribute-unknown': rule({
    severity: 'error',
    message: cases({
      directive: (p: { name: string; key: string }) => `"${p.name}" does not take the attribute "${p.key}"`,
      hotline: (p: { key: string }) => `:hotline does not take the attribute "${p.key}" (only show)`,
      'hotline-show': (p: { value: string }) => `:hotline show="${p.value}" should be phone, sms, url or all`,
      cite: (p: { key: string }) => `:cite does not take the attribute "${p.key}"`,
      listen: (p: { key: string }) => `::listen does not take the attribute "${p.key}"`,
    }),
    hint: 'Remove the attribute; see docs/authoring.md for the attributes each directive takes.',
  }),
  'directive-shape': rule({
    severity: 'error',
    message: cases({
      'one-list': (p: { name: string }) => `:::${p.name} must hold exactly one list (and an optional [title])`,
      'checklist-item': () => 'A checklist item holds one line of text, without nested lists or blocks',
      'listen-outside': () => '::listen belongs inside a list item of a :::conversation block',
      'listen-twice': () => 'A conversation point has at most one ::listen line',
      'image-alone': () => 'An image must stand in a paragraph of its own',
      'image-reference': () => 'Use an inline image ![alt](file.jpg) in a paragraph of its own',
    }),
    hint: 'Put a Markdown list inside this block: one `- ` item per line.',
  }),
  'hotline-unknown': rule({
    severity: 'error',
    message: (p: { id: string }) => `Unknown hotline "${p.id}"`,
    hint: 'Use an id from `hotlines:` in kitpress.yaml, or add the hotline there.',
  }),
  'hotline-contact-missing': rule({
    severity: 'error',
    message: (p: { id: string; contact: string }) => `The hotline "${p.id}" has no ${p.contact}`,
    hint: 'Add this contact (phone, sms or url) to the hotline in kitpress.yaml, or change `show`.',
  }),
  'hotline-number-typed': rule({
    severity: 'warning',
    message: (p: { number: string }) => `The number ${p.number} is typed into the page`,
    hint: 'Refer to the hotline with :hotline[id] instead of typing its number, so it is corrected in one place.',
  }),
  'source-unknown': rule({
    severity: 'error',
    message: (p: { id: string }) => `Unknown source "${p.id}"`,
    hint: 'Use an id from `sources:` in kitpress.yaml, or add the source there.',
  }),
  'link-page-missing': rule({
    severity: 'error',
    message: cases({
      page: (p: { slug: string; locale: string }) => `The link goes to "${p.slug || 'index'}.md", which is not a page of ${p.locale}`,
      reference: (p: { label: string }) => `The link reference [${p.label}] has no definition`,
    }),
    hint: 'Link to an existing page file of the same language, e.g. `signs.md`.',
  }),
  'link-heading-missing': rule({
    severity: 'error',
    message: (p: { file: string; anchor: string }) => `"${p.file}" has no heading with the id "${p.anchor}"`,
    hint: 'Link to a heading id that exists on that page (its text in lowercase with hyphens).',
  }),
  'link-site-missing': rule({
    severity: 'error',
    message: cases({
      page: (p: { href: string }) => `The link goes to ${p.href}, an address of this toolkit's own site where Kitpress makes no page or file`,
      config: (p: { key: string; href: string }) => `${p.key}: ${p.href} is an address of this toolkit's own site where Kitpress makes no page or file`,
    }),
    hint: "Link to the page file instead (e.g. `signs.md`), or correct the address: the offline kits copy the site, and a link into it must name a page, handout or kit Kitpress makes.",
  }),
  'link-unsafe': rule({
    severity: 'error',
    message: (p: { url: string }) => `The link target "${p.url}" is not a web address or a page file`,
    hint: 'Use an https:, http:, mailto: or tel: address, or a page file name.',
  }),
  'image-alt-missing': rule({
    severity: 'error',
    message: (p: { src: string }) => `The image "${p.src}" has no alt text`,
    hint: 'Describe the image in the brackets: ![what the picture shows](file.jpg).',
  }),
  'image-missing': rule({ severity: 'error', message: assetText, hint: assetHint('Put the image in content/assets/ and refer to it by its file name.') }),
  'heading-h1': rule({
    severity: 'error',
    message: () => 'A level-1 heading (#) inside the page body',
    hint: 'The title in front matter is the page heading; start sections at `##`.',
  }),
  'heading-skip': rule({
    severity: 'warning',
    message: (p: { depth: number; previous: number }) => `A level-${p.depth} heading follows a level-${p.previous} heading, skipping level ${p.previous + 1}`,
    hint: 'Do not skip heading levels: follow `##` with `###`, not `####`.',
  }),
  'footnote-unsupported': rule({
    severity: 'error',
    message: () => 'Footnotes are not supported',
    hint: 'Cite a configured source with :cite[id] instead of a footnote.',
  }),
  'locale-empty': rule({
    severity: 'error',
    message: (p: { code: string }) => `The default locale "${p.code}" has no index.md`,
    hint: 'Add at least an index.md page to this language folder.',
  }),
  'translation-outdated': rule({
    severity: 'warning',
    message: (p: { source: string; recorded?: string | undefined; now: string }) =>
      p.recorded ? `Translates ${p.source} at ${p.recorded}, but the source is now ${p.now}` : `Does not record which version of ${p.source} it translates (translation.source: ${p.now})`,
    hint: 'Update the translation (`kitpress status` shows which blocks of the source changed), then run `kitpress translate accept <locale>/<page>.md`.',
  }),
  'translation-structure': rule({
    severity: 'warning',
    message: (p: { block: number; shape?: BlockShape | undefined; source: string; sourceLine: number; sourceShape?: BlockShape | undefined }) =>
      `Block ${p.block} is ${describeShape(p.shape)}, but ${p.source}:${p.sourceLine} has ${describeShape(p.sourceShape)}`,
    hint: 'Make the translation have the same checklist items, tips and conversation points as its source.',
  }),
  'translation-missing': rule({
    severity: 'info',
    message: (p: { language: string; code: string; file: string; sourceLanguage: string }) =>
      `Not translated into ${p.language} (${p.code}): ${p.code}/${p.file} shows this ${p.sourceLanguage} page with a notice`,
    hint: 'Translate the page, or leave it: the source-language text is shown with a notice.',
  }),
  'glyph-missing': rule({
    severity: 'error',
    message: (p: { chars: readonly string[]; code: string; fonts: readonly string[]; cover?: { font: string; name: string } | undefined }) => {
      const shown = p.chars.slice(0, 12).map((char) => `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      const more = p.chars.length > 12 ? ` and ${p.chars.length - 12} more` : '';
      return `${p.chars.length} character${p.chars.length === 1 ? ' is' : 's are'} in none of the fonts a "${p.code}" handout can embed (${p.fonts.join(', ')}): ${shown}${more}; the first is here`;
    },
    hint: (p) =>
      p.cover
        ? `Set \`font: ${p.cover.font}\` for the "${p.code}" language in kitpress.yaml: ${p.cover.name} covers ${p.chars.length === 1 ? 'it' : 'all of them'}. Or replace the character${p.chars.length === 1 ? '' : 's'}.`
        : "Choose a font for this language that covers the character (locale `font` in kitpress.yaml), or replace the character.",
  }),
  'readability': rule({
    severity: 'warning',
    message: cases({
      // `reason` and `sentence` are retext-readability's words and the sentence it measured.
      sentence: (p: { sentence: string; reason: string }) =>
        `Hard to read sentence "${p.sentence.split(/\s+/).slice(0, 8).join(' ')}..." (${p.reason.replace(/^Unexpected hard to read sentence, according to /, '')})`,
      handout: (p: { grade: number; target: number }) => `The handout reads at US grade ${p.grade}; aim for ${p.target} or below`,
    }),
    hint: 'Use shorter sentences and common words: aim for US grade 8 or below.',
  }),
  'wording': rule({
    severity: 'warning',
    // `reason` is retext-equality's or retext-profanities' message.
    message: (p: { reason: string }) => p.reason.replace(/^Unexpected potentially /, 'Possibly '),
    hint: 'Consider a more neutral or inclusive word.',
  }),
  'handout-untagged': rule({
    severity: 'warning',
    message: (p: { handout: string; problem?: string | undefined }) => UNTAGGED(`The handout ${p.handout}`, p.problem),
    hint: 'This is a Kitpress limitation, not your mistake: the handout is still printed. Please report it with the handout name.',
  }),
  'guide-untagged': rule({
    severity: 'warning',
    message: (p: { code: string; paper: string; problem?: string | undefined }) => UNTAGGED(`The facilitator guide (${p.code}, ${p.paper})`, p.problem),
    hint: 'This is a Kitpress limitation, not your mistake: the facilitator guide is still printed. Please report it with the language and paper size.',
  }),
  'handout-overflow': rule({
    severity: 'error',
    message: (p: { handout: string; budget: number; fontSize: number; pages: number; overBy?: number | undefined }) => {
      const lines = Math.max(1, Math.ceil((p.overBy ?? 0) / (p.fontSize * 1.4)));
      return `The handout ${p.handout} does not fit its budget of ${p.budget} page(s) at ${p.fontSize} pt, the smallest body size: it needs ${p.pages}, about ${p.overBy ?? '?'} pt of text (${lines} ${lines === 1 ? 'line' : 'lines'}) too many`;
    },
    hint: 'Body text never goes below 11 pt. Shorten the page text, or give the handout more pages: `handout.pages` in this page\'s front matter (a translation may set its own, with the same kind and file).',
  }),
  'yaml-alias-limit': rule({
    severity: 'error',
    message: () => 'The YAML uses aliases (*name) that expand to too much text',
    hint: 'Write the values out instead of using YAML aliases (*name) and anchors (&name); Kitpress refuses aliases that expand to too much.',
  }),
  'text-encoding': rule({
    severity: 'error',
    message: cases({
      byte: (p: { byte: number }) => `The file is not valid UTF-8: byte 0x${p.byte.toString(16).padStart(2, '0')} at this place`,
      nul: () => 'The file holds a NUL character (code 0), which is never text',
    }),
    hint: 'Save the file as UTF-8 (most editors: "Save with encoding", UTF-8) and delete the odd character at this place.',
  }),
  'page-too-large': rule({
    severity: 'error',
    message: (p: { bytes: number; limit: number }) => `The page is ${Math.round(p.bytes / 1024)} KB; a page may be at most ${p.limit / 1024} KB`,
    hint: 'Split the page into several pages (see the limits in docs/authoring.md).',
  }),
  'nesting-too-deep': rule({
    severity: 'error',
    message: (p: { limit: number }) => `Blocks or emphasis are nested more than ${p.limit} deep here`,
    hint: 'Nest quotes, lists and emphasis less deeply (see the limits in docs/authoring.md).',
  }),
  'references-too-many': rule({
    severity: 'error',
    message: (p: { limit: number }) => `The page has more than ${p.limit} hotline and source references`,
    hint: 'Refer to a hotline or source once or twice per section, or split the page (see the limits in docs/authoring.md).',
  }),
  'directive-unclosed': rule({
    severity: 'error',
    message: (p: { name: string }) => `The ":::${p.name}" block is never closed`,
    hint: 'End the block with a line of `:::` after its last item.',
  }),
  'image-path-invalid': rule({
    severity: 'error',
    message: assetText,
    hint: assetHint('Put the image in content/assets/ and write its path from there with forward slashes, e.g. ![…](kitchen/pan-fire.png).'),
  }),
  // Note: a logo's unsafe SVG gets this hint too (re-exporting is the fix), not "put the file into the assets folder".
  'image-svg-unsafe': rule({ severity: 'error', message: assetText, hint: 'Export the SVG again without scripts, event handlers or links to other files, or use a PNG.' }),
  'slug-reserved': rule({
    severity: 'error',
    message: (p: { file: string; slug: string; language: boolean; reserved: readonly string[] }) =>
      `"${p.file}" would have the address "/${p.slug}/", which is ${p.language ? 'a language folder' : 'a folder or page Kitpress makes'}`,
    hint: (p) => `Rename the file; ${p.reserved.map((s) => `${s}.md`).join(', ')} are reserved.`,
  }),
  'handout-line-too-wide': rule({
    severity: 'error',
    message: (p: { handout: string; text: string; width: number; room: number; sheet: number }) =>
      `In the handout ${p.handout}, the text "${p.text.length > 60 ? `${p.text.slice(0, 57)}...` : p.text}" is ${p.width} pt wide but its line has ${p.room} pt, so it would be cut off at the edge (sheet ${p.sheet})`,
    hint: 'A word this long cannot break (web addresses break after / . - ? & and fit): shorten it, put a space or hyphen in it, or link to the address with short words as the link text.',
  }),
  'handout-timeout': rule({
    severity: 'error',
    message: (p: { handout: string; seconds: number }) => `The handout ${p.handout} did not finish printing within ${p.seconds} s`,
    hint: 'Make the page shorter or simpler (fewer references and blocks), then build again; if it still hangs, please report it with the page.',
  }),
} satisfies Record<string, CatalogueEntry>;

/** A rule id from the catalogue. */
export type RuleId = keyof typeof catalogue;

/** The values a rule's message is made from (`{}` for a message that takes none). */
export type RuleParams<R extends RuleId> = R extends RuleId ? ((typeof catalogue)[R] extends Rule<infer P> ? ([P] extends [never] ? Record<never, never> : P) : never) : never;

/** The message and hint of a rule for its values. */
export function wording<R extends RuleId>(ruleId: R, params: RuleParams<R>): { message: string; hint: string } {
  const entry = catalogue[ruleId] as unknown as Rule<RuleParams<R>>;
  return { message: entry.message(params), hint: typeof entry.hint === 'string' ? entry.hint : entry.hint(params) };
}
