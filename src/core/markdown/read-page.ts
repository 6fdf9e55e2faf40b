import GithubSlugger from 'github-slugger';
import type { Root, Yaml, Definition } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Block, SourcePosition } from '../model.ts';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { frontMatterSchema, type FrontMatter } from '../config/schema.ts';
import { parseYaml, positionOf, validateYaml } from '../config/yaml-source.ts';
import { parseMarkdown } from './processor.ts';
import { toBlocks } from './blocks.ts';
import { reportHeadingSkips } from './heading-levels.ts';
import { checkPageSize, checkTreeLimits } from './limits.ts';

/** A page as read from its file: front matter checked, body converted, links not yet resolved. */
export interface ParsedPage {
  /** File relative to the content folder. */
  file: string;
  locale: string;
  slug: string;
  /** Undefined when the front matter is missing or invalid (already reported). */
  frontMatter: FrontMatter | undefined;
  blocks: Block[];
  /** Every heading id on the page. */
  headingIds: Set<string>;
  /** Where `translation` (or its `source`) is written in the front matter, if it is. */
  translationPlace: SourcePosition | undefined;
}

/** Reads one Markdown page into blocks, reporting every problem with its position. */
export function readPage(text: string, file: string, locale: string, slug: string, diagnostics: Diagnostics): ParsedPage {
  if (!checkPageSize(text, file, diagnostics)) return { file, locale, slug, frontMatter: undefined, blocks: [], headingIds: new Set(), translationPlace: undefined };
  const tree: Root = parseMarkdown(text);
  checkTreeLimits(tree, file, diagnostics);
  reportUnclosedDirectives(tree, text, file, diagnostics);
  const { frontMatter, translationPlace } = readFrontMatter(tree, file, diagnostics);
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const slugger = new GithubSlugger();
  const headingIds = new Set<string>();
  const blocks = toBlocks(tree.children, {
    file,
    diagnostics,
    definitions,
    slug: (headingText) => {
      const id = slugger.slug(headingText);
      headingIds.add(id);
      return id;
    },
  });
  reportHeadingSkips(blocks, diagnostics);
  return { file, locale, slug, frontMatter, blocks, headingIds, translationPlace };
}

function readFrontMatter(tree: Root, file: string, diagnostics: Diagnostics): { frontMatter: FrontMatter | undefined; translationPlace: SourcePosition | undefined } {
  const yaml = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  if (!yaml) {
    diagnostics.report('frontmatter-missing', {}, { file, line: 1, column: 1 });
    return { frontMatter: undefined, translationPlace: undefined };
  }
  const source = parseYaml(yaml.value, file, diagnostics, 'frontmatter-yaml', yaml.position?.start.line ?? 1);
  if (!source) return { frontMatter: undefined, translationPlace: undefined };
  const frontMatter = validateYaml(source, frontMatterSchema, diagnostics, 'frontmatter-invalid');
  const translationPlace = source.doc.hasIn(['translation']) ? positionOf(source, ['translation', 'source']) : undefined;
  return { frontMatter, translationPlace };
}

/** A `:::` block without its closing `:::` runs to the end of the file; say so at its opening line. */
function reportUnclosedDirectives(tree: Root, text: string, file: string, diagnostics: Diagnostics): void {
  visit(tree, 'containerDirective', (node) => {
    const end = node.position?.end.offset;
    if (end === undefined) return;
    if (!/(^|\n)[ \t]*:{3,}[ \t]*$/.test(text.slice(0, end))) {
      diagnostics.report('directive-unclosed', { name: node.name }, { file, line: node.position!.start.line, column: node.position!.start.column });
    }
  });
}
