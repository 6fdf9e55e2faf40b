/**
 * The closed catalogue of messages Kitpress gives about an author's content.
 * Each entry has an id (the rule printed after the message), a severity, and a
 * hint that says how to fix the problem. Code reports by id, never free text alone.
 */

/** How bad a diagnostic is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One catalogue entry. */
export interface CatalogueEntry {
  severity: Severity;
  /** Says how to fix it, in plain words. */
  hint: string;
}

/** Every diagnostic Kitpress can give. */
export const catalogue = {
  'config-missing': { severity: 'error', hint: 'Create kitpress.yaml in the content folder (see docs/authoring.md).' },
  'config-yaml': { severity: 'error', hint: 'Fix the YAML syntax at this place: check indentation, colons and quotes.' },
  'config-contrast': { severity: 'error', hint: 'Choose a darker colour (or a lighter one for a dark pair) so the pair reaches 4.5:1; a contrast checker shows the ratio as you pick.' },
  'config-invalid': { severity: 'error', hint: 'Correct this value in kitpress.yaml; docs/authoring.md lists every key.' },
  'ui-yaml': { severity: 'error', hint: 'Fix the YAML syntax of this interface file: one `key: text` per line.' },
  'ui-missing': { severity: 'warning', hint: 'Add these keys to the ui file of this language (`kitpress status` lists them all); the English file src/core/ui/en.yaml has every key.' },
  'ui-unknown-key': { severity: 'warning', hint: 'Remove the key or correct its spelling; the English file lists every key.' },
  'frontmatter-missing': { severity: 'error', hint: 'Start the file with front matter between `---` lines: title, description and order.' },
  'frontmatter-yaml': { severity: 'error', hint: 'Fix the YAML syntax of the front matter between the `---` lines.' },
  'frontmatter-invalid': { severity: 'error', hint: 'Correct this front matter key; docs/authoring.md lists what a page needs.' },
  'slug-duplicate': { severity: 'error', hint: 'Rename one of the two files: each page of a language needs its own name.' },
  'slug-invalid': { severity: 'error', hint: 'Use only lowercase letters, digits and hyphens in page file names, e.g. `get-help.md`.' },
  'handout-file-duplicate': { severity: 'error', hint: 'Give each handout its own `handout.file` name.' },
  'raw-html': { severity: 'error', hint: 'Remove the HTML; use Markdown or a directive (see docs/authoring.md). HTML is never copied to the output.' },
  'directive-unknown': { severity: 'error', hint: 'Use one of: checklist, tips, conversation, important, worried (blocks); hotline, cite (inline); listen, hotlines, sources (lines).' },
  'directive-attribute-unknown': { severity: 'error', hint: 'Remove the attribute; see docs/authoring.md for the attributes each directive takes.' },
  'directive-shape': { severity: 'error', hint: 'Put a Markdown list inside this block: one `- ` item per line.' },
  'hotline-unknown': { severity: 'error', hint: 'Use an id from `hotlines:` in kitpress.yaml, or add the hotline there.' },
  'hotline-contact-missing': { severity: 'error', hint: 'Add this contact (phone, sms or url) to the hotline in kitpress.yaml, or change `show`.' },
  'hotline-number-typed': { severity: 'warning', hint: 'Refer to the hotline with :hotline[id] instead of typing its number, so it is corrected in one place.' },
  'source-unknown': { severity: 'error', hint: 'Use an id from `sources:` in kitpress.yaml, or add the source there.' },
  'link-page-missing': { severity: 'error', hint: 'Link to an existing page file of the same language, e.g. `signs.md`.' },
  'link-heading-missing': { severity: 'error', hint: 'Link to a heading id that exists on that page (its text in lowercase with hyphens).' },
  'link-site-missing': { severity: 'error', hint: "Link to the page file instead (e.g. `signs.md`), or correct the address: the offline kits copy the site, and a link into it must name a page, handout or kit Kitpress makes." },
  'link-unsafe': { severity: 'error', hint: 'Use an https:, http:, mailto: or tel: address, or a page file name.' },
  'image-alt-missing': { severity: 'error', hint: 'Describe the image in the brackets: ![what the picture shows](file.jpg).' },
  'image-missing': { severity: 'error', hint: 'Put the image in content/assets/ and refer to it by its file name.' },
  'heading-h1': { severity: 'error', hint: 'The title in front matter is the page heading; start sections at `##`.' },
  'heading-skip': { severity: 'warning', hint: 'Do not skip heading levels: follow `##` with `###`, not `####`.' },
  'footnote-unsupported': { severity: 'error', hint: 'Cite a configured source with :cite[id] instead of a footnote.' },
  'locale-empty': { severity: 'error', hint: 'Add at least an index.md page to this language folder.' },
  'translation-outdated': { severity: 'warning', hint: 'Update the translation (`kitpress status` shows which blocks of the source changed), then run `kitpress translate accept <locale>/<page>.md`.' },
  'translation-structure': { severity: 'warning', hint: 'Make the translation have the same checklist items, tips and conversation points as its source.' },
  'translation-missing': { severity: 'info', hint: 'Translate the page, or leave it: the source-language text is shown with a notice.' },
  'glyph-missing': { severity: 'error', hint: "Choose a font for this language that covers the character (locale `font` in kitpress.yaml), or replace the character." },
  'readability': { severity: 'warning', hint: 'Use shorter sentences and common words: aim for US grade 8 or below.' },
  'wording': { severity: 'warning', hint: 'Consider a more neutral or inclusive word.' },
  'handout-untagged': { severity: 'warning', hint: 'This is a Kitpress limitation, not your mistake: the handout is still printed. Please report it with the handout name.' },
  'guide-untagged': { severity: 'warning', hint: 'This is a Kitpress limitation, not your mistake: the facilitator guide is still printed. Please report it with the language and paper size.' },
  'handout-overflow': { severity: 'error', hint: 'Body text never goes below 11 pt. Shorten the page text, or give the handout more pages: `handout.pages` in this page\'s front matter (a translation may set its own, with the same kind and file).' },
  'yaml-alias-limit': { severity: 'error', hint: 'Write the values out instead of using YAML aliases (*name) and anchors (&name); Kitpress refuses aliases that expand to too much.' },
  'text-encoding': { severity: 'error', hint: 'Save the file as UTF-8 (most editors: "Save with encoding", UTF-8) and delete the odd character at this place.' },
  'page-too-large': { severity: 'error', hint: 'Split the page into several pages (see the limits in docs/authoring.md).' },
  'nesting-too-deep': { severity: 'error', hint: 'Nest quotes, lists and emphasis less deeply (see the limits in docs/authoring.md).' },
  'references-too-many': { severity: 'error', hint: 'Refer to a hotline or source once or twice per section, or split the page (see the limits in docs/authoring.md).' },
  'directive-unclosed': { severity: 'error', hint: 'End the block with a line of `:::` after its last item.' },
  'image-path-invalid': { severity: 'error', hint: 'Put the image in content/assets/ and write its path from there with forward slashes, e.g. ![…](kitchen/pan-fire.png).' },
  'image-svg-unsafe': { severity: 'error', hint: 'Export the SVG again without scripts, event handlers or links to other files, or use a PNG.' },
  'slug-reserved': { severity: 'error', hint: 'Rename the page file: its name is an address Kitpress uses for its own pages or folders.' },
  'handout-line-too-wide': { severity: 'error', hint: 'A word this long cannot break (web addresses break after / . - ? & and fit): shorten it, put a space or hyphen in it, or link to the address with short words as the link text.' },
  'handout-timeout': { severity: 'error', hint: 'Make the page shorter or simpler (fewer references and blocks), then build again; if it still hangs, please report it with the page.' },
} as const satisfies Record<string, CatalogueEntry>;

/** A rule id from the catalogue. */
export type RuleId = keyof typeof catalogue;
