/**
 * The Kitpress model: what the readers produce and every writer consumes.
 *
 * toolkit -> locales -> pages -> blocks -> inlines. Every node that came from
 * an author's file keeps a `position`, so a writer can still name the line a
 * problem came from. Writers import these types; they never read content files.
 */

/** A place in an author's file (1-based line and column). */
export interface SourcePosition {
  /** Path relative to the content folder, with forward slashes, e.g. `en/signs.md`. */
  file: string;
  line: number;
  column: number;
}

/** Text direction of a locale. */
export type Direction = 'ltr' | 'rtl';

/** The handout kinds Kitpress knows how to print. */
export type HandoutKind = 'checklist' | 'tips' | 'conversation';

/** Paper sizes for handouts. */
export type PaperSize = 'letter' | 'a4';

/** Review state of a translated page or interface file. */
export type ReviewState = 'source' | 'draft' | 'reviewed';

/** Font families that the writers know how to embed. */
export const FONT_FAMILIES = ['atkinson-hyperlegible', 'noto-sans', 'noto-sans-arabic', 'noto-sans-sc'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

// ---------------------------------------------------------------- inlines

export interface TextInline { type: 'text'; value: string }
export interface EmphasisInline { type: 'emphasis'; children: Inline[] }
export interface StrongInline { type: 'strong'; children: Inline[] }
export interface CodeInline { type: 'code'; value: string }
export interface BreakInline { type: 'break' }

/** A link to a web address, e-mail or phone number outside the toolkit. */
export interface ExternalLinkInline {
  type: 'link';
  href: string;
  children: Inline[];
  position: SourcePosition;
}

/** A link to another page of the toolkit (same locale), optionally to a heading on it. */
export interface PageLinkInline {
  type: 'page-link';
  /** Slug of the target page ('' is the home page). */
  slug: string;
  /** Heading id on the target page, if any. */
  anchor?: string;
  children: Inline[];
  position: SourcePosition;
}

/** A reference to a configured hotline: `:hotline[id]`. The number is never typed in a page. */
export interface HotlineInline {
  type: 'hotline';
  id: string;
  /** Which contact to show: the phone (default), the text number, or the web address. */
  show: 'phone' | 'sms' | 'url' | 'all';
  position: SourcePosition;
}

/** A citation of a configured source: `:cite[id]`. */
export interface CitationInline {
  type: 'citation';
  id: string;
  position: SourcePosition;
}

/** Any inline node. */
export type Inline =
  | TextInline
  | EmphasisInline
  | StrongInline
  | CodeInline
  | BreakInline
  | ExternalLinkInline
  | PageLinkInline
  | HotlineInline
  | CitationInline;

// ---------------------------------------------------------------- blocks

interface BlockBase { position: SourcePosition }

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 2..4; the page title is the only level-1 heading. */
  depth: 2 | 3 | 4;
  /** Stable id for anchors, unique within the page. */
  id: string;
  children: Inline[];
}

export interface ParagraphBlock extends BlockBase { type: 'paragraph'; children: Inline[] }

export interface ListItem { position: SourcePosition; children: Block[] }

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface QuoteBlock extends BlockBase { type: 'quote'; children: Block[] }

export interface ImageBlock extends BlockBase {
  type: 'image';
  /** Path relative to the content folder's `assets/`. */
  src: string;
  alt: string;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  header: Inline[][];
  rows: Inline[][][];
}

export interface RuleBlock extends BlockBase { type: 'rule' }

/** `:::checklist` - things to tick; printed with an empty box beside each. */
export interface ChecklistBlock extends BlockBase {
  type: 'checklist';
  title?: Inline[];
  items: { position: SourcePosition; children: Inline[] }[];
}

/** `:::tips` - short pieces of advice. */
export interface TipsBlock extends BlockBase {
  type: 'tips';
  title?: Inline[];
  items: { position: SourcePosition; children: Block[] }[];
}

/** One conversation point: a prompt to say, and optionally what to listen for. */
export interface ConversationPoint {
  position: SourcePosition;
  prompt: Block[];
  listenFor?: Inline[];
}

/** `:::conversation` - prompts for talking with young people; printed as cards. */
export interface ConversationBlock extends BlockBase {
  type: 'conversation';
  title?: Inline[];
  points: ConversationPoint[];
}

/** `:::important` and `:::worried` - set-apart notes. */
export interface CalloutBlock extends BlockBase {
  type: 'callout';
  kind: 'important' | 'worried';
  /** Custom title; writers use the interface string for the kind otherwise. */
  title?: Inline[];
  children: Block[];
}

/** `::hotlines` - every hotline of the toolkit, with labels in the page's locale. */
export interface HotlineListBlock extends BlockBase { type: 'hotline-list' }

/** `::sources` - every configured source, with its URL. */
export interface SourceListBlock extends BlockBase { type: 'source-list' }

/** Any block node. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | QuoteBlock
  | ImageBlock
  | TableBlock
  | RuleBlock
  | ChecklistBlock
  | TipsBlock
  | ConversationBlock
  | CalloutBlock
  | HotlineListBlock
  | SourceListBlock;

// ---------------------------------------------------------------- pages

/** The handout a page prints as. */
export interface Handout {
  kind: HandoutKind;
  /** File base name, e.g. `signs-checklist` gives `signs-checklist-letter.pdf`. */
  file: string;
  /** Most pages the printed handout may take. */
  pageBudget: number;
  /** Shorter title for the printed handout; the page title otherwise. */
  title?: string;
}

/** How a translated page relates to its source. */
export interface TranslationInfo {
  /** Review state written in the front matter. */
  review: ReviewState;
  /** The source version this translation was made from (`translation.source`, written by `kitpress translate accept`). */
  sourceHash?: string;
  /** True when the source page's words have changed since (or nothing is recorded). */
  outdated: boolean;
  /** Where the `translation` front matter is written (the page start when it is absent). */
  position: SourcePosition;
}

/** One page of one locale, with links and references checked. */
export interface Page {
  /** '' for the home page (`index.md`), otherwise the file name without `.md`. */
  slug: string;
  /** Locale this page is shown in. */
  locale: string;
  /** Locale the text is written in: differs from `locale` for a fallback page. */
  contentLocale: string;
  /** Source file relative to the content folder. */
  file: string;
  title: string;
  description: string;
  order: number;
  handout?: Handout;
  /** Set on translated pages (not on the default locale, not on fallbacks). */
  translation?: TranslationInfo;
  /** True when the page is missing in this locale and shown in the default locale. */
  fallback: boolean;
  blocks: Block[];
  /** The page's version as translations record it: a hash of its words, not its layout or `order`. */
  sourceHash: string;
  /** Words the wording check leaves alone on this page (front matter `lint.allow`). */
  lintAllow?: string[];
}

/** A configured hotline or reporting service, with text in one locale. */
export interface Hotline {
  id: string;
  label: string;
  description: string;
  /** A phone number as people dial it (e.g. `1-888-373-7888`). */
  phone?: string;
  /** A short code or number to text, with what to text if any. */
  sms?: string;
  smsBody?: string;
  url?: string;
  /** Hours or availability, e.g. "24 hours, every day". */
  hours?: string;
  /** Listed first and in page footers. */
  primary: boolean;
}

/** A configured source of facts, cited with `:cite[id]`. */
export interface Source {
  id: string;
  name: string;
  title?: string;
  url?: string;
  /** When the page at `url` was read (YYYY-MM-DD). */
  read?: string;
}

/** Interface strings of one locale (site chrome, PDF labels, kit start page). */
export type UiStrings = Record<string, string>;

/** One locale of the toolkit with its pages in configured order. */
export interface Locale {
  code: string;
  /** The language named in itself: Español, العربية. */
  name: string;
  dir: Direction;
  font: FontFamily;
  /** BCP 47 tag for `lang` attributes and PDF metadata. */
  lang: string;
  isDefault: boolean;
  title: string;
  description: string;
  pages: Page[];
  hotlines: Hotline[];
  sources: Source[];
  ui: UiStrings;
  /** Review state of the locale's interface strings and content overall. */
  review: ReviewState;
}

/** The whole toolkit, ready for the writers. */
export interface Toolkit {
  /** Short name used in kit file names, e.g. `safer-online`. */
  name: string;
  version: string;
  /** Fixed date (YYYY-MM-DD) printed on handouts and used as the PDF creation date. */
  date: string;
  /** Public site URL, always ending with `/`; may include a sub-path. */
  siteUrl: string;
  organisation: { name: string; url?: string; email?: string; phone?: string };
  defaultLocale: string;
  paper: PaperSize[];
  licence: { code: string; content: string; contentUrl?: string };
  locales: Locale[];
  branding: Branding;
}

/** The organisation's own look, from `branding` in kitpress.yaml; texts per locale code. */
export interface Branding {
  /** A file in content/assets/ (SVG or PNG) with its alt text per locale. */
  logo?: { file: string; alt: Record<string, string> };
  /** Header and button colour, `#rrggbb`. */
  primary?: string;
  /** Link colour, `#rrggbb`. */
  accent?: string;
  /** Where "Leave this site" goes and its words, or `false` for no quick exit; absent: the default. */
  quickExit?: false | { url: string; label?: Record<string, string> };
  /** One more line in the footer, per locale code. */
  footer?: Record<string, string>;
  /** A stylesheet in content/assets/, loaded after the theme. */
  customCss?: string;
}
