/** The prop that declares what an element is for a screen reader (read back by the PDF writer's tagger). */
export const TAG_PROP = 'data-tag';

/** Standard PDF structure types a template may declare, and `Artifact` for decoration. */
export type StructRole =
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'BlockQuote'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Link'
  | 'Figure'
  | 'Artifact';

/**
 * What an element is in the handout's structure tree.
 * A template marks elements with `tag(role, options)`; elements without a tag are transparent
 * (their children attach to the nearest tagged ancestor) and what they draw themselves
 * (borders, backgrounds) is decoration.
 */
export interface TagSpec {
  role: StructRole;
  /** Alternate text: required for a Figure; on a Lbl it names the drawn box ("Not yet checked"). */
  alt?: string;
  /** BCP 47 language of the element's text, when it differs from the document's. */
  lang?: string;
  /** An existing group to attach to instead of the nearest tagged ancestor (see `tagGroup`). */
  parent?: TagSpec;
  /**
   * `document`: attach directly under the document, outside the body (the header).
   * `end`: attach under the document after everything else (the footer, printed on every sheet).
   */
  placement?: 'document' | 'end';
  /** Header cells: what the cell heads. */
  scope?: 'Column' | 'Row';
  /** Lists: how items are marked. */
  numbering?: 'None' | 'Disc' | 'Square' | 'Decimal';
  /** Artifacts: running chrome (`Pagination`, the default) or drawing (`Layout`). */
  artifact?: 'Pagination' | 'Layout';
}

/** Options of `tag` and `tagGroup`: everything but the role. */
export type TagOptions = Omit<TagSpec, 'role'>;

/**
 * Props that declare an element's structure role. Each call makes a new spec: the writer
 * recognises the two halves of an element split across sheets by this object.
 */
export function tag(role: StructRole, options: TagOptions = {}): object {
  return { [TAG_PROP]: tagGroup(role, options) };
}

/** Props that make an element stand for an existing spec (a group that other elements also name as `parent`). */
export function tagProps(spec: TagSpec): object {
  return { [TAG_PROP]: spec };
}

/**
 * A structure element that no single drawn element stands for, such as the list that holds
 * checklist items printed in two separate boxes. Elements join it with `tag(role, { parent })`.
 */
export function tagGroup(role: StructRole, options: TagOptions = {}): TagSpec {
  const spec: TagSpec = { role };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) (spec as unknown as Record<string, unknown>)[key] = value;
  return spec;
}

/** Props for an item of a list that no single element holds (cards, hotlines): its body, in a new item of `list`. */
export function listItemBody(list: TagSpec): object {
  return tag('LBody', { parent: tagGroup('LI', { parent: list }) });
}

/** The heading role for a level (1-6). */
export function headingRole(level: number): StructRole {
  return `H${Math.min(Math.max(Math.round(level), 1), 6)}` as StructRole;
}

/** The languages a template tags with: the page text's, and the interface words' (the document's). */
interface Languages {
  lang: string;
  locale: { lang: string };
}

/** Options for interface words printed among the page text ("Notes", "Listen for"): their language when the text is in another. */
export function uiLang(ctx: Languages): TagOptions {
  return ctx.lang === ctx.locale.lang ? {} : { lang: ctx.locale.lang };
}

/** Options for page text printed outside the body (the title): its language when it is not the document's. */
export function textLang(ctx: Languages): TagOptions {
  return ctx.lang === ctx.locale.lang ? {} : { lang: ctx.lang };
}
