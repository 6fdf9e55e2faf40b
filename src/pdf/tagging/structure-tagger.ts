import { TAG_PROP, type TagSpec } from '../../../templates/handouts/parts/tag.ts';
import { drawsContent, hasDecoration, hasLinkRun, logicalText, type DrawnNode, type DrawnRun } from './drawn-node.ts';
import { routeLinkAnnotations } from './link-annotations.ts';
import type { PdfDocument, PdfStructElement } from './pdfkit-types.ts';

/** How a handout is tagged beyond what its template declares. */
export interface TaggerOptions {
  /** Language of the body text when it differs from the document's (a page shown in its source language). */
  bodyLang?: string | undefined;
  /** The description (/Contents) of a link annotation to `href`. */
  describeLink: (href: string) => string;
}

/** What the tagger found wrong while tagging; an empty list means every element was complete. */
export interface TaggingReport {
  problems: string[];
}

/** Roles whose element holds text itself; text anywhere else gets an element of its own. */
const TEXT_HOLDERS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'Lbl', 'LBody', 'TH', 'TD', 'Link', 'Figure']);

/** The element untagged text gets inside an element that cannot hold text itself. */
const IMPLICIT_TEXT_ROLE: Record<string, string> = { LI: 'LBody', TR: 'TD' };

/** Characters Kitpress adds for drawing only (see print-text.ts). */
const DRAWING_MARKS = /[\u061c\u200e]/g;

interface Frame {
  node: DrawnNode;
  /** The element this node stands for (declared, or made for its text). */
  element?: PdfStructElement;
  /** True when the node's drawing (borders, shapes) is the element's content, not decoration. */
  owner: boolean;
  inArtifact: boolean;
  artifactRoot: boolean;
  /** Position of the node's box on the sheet. */
  left: number;
  top: number;
}

interface TextState {
  /** The element the text's glyphs belong to (a Span with ActualText inside the holder, for Arabic). */
  target: PdfStructElement;
  /** The link of the run being drawn; `undefined` until the first run opens marked content. */
  href: string | null | undefined;
  link: PdfStructElement | undefined;
}

const roleOf = (element: PdfStructElement): string => String(element.dictionary.data.S);

/**
 * Builds the structure tree while react-pdf draws: each node's declared role (`tag()` in the
 * templates) becomes a structure element, its text and shapes become marked content of that
 * element, and everything else it draws (rules, borders, backgrounds, running header and footer
 * repeats) becomes an artifact. Inline links become Link elements holding their annotations.
 * Note: marked content never nests here (one sequence at a time), and every sequence a node
 * opens is closed before the graphics state it was opened in is restored.
 */
export function createStructureTagger(doc: PdfDocument, options: TaggerOptions) {
  const problems: string[] = [];
  const root = doc.struct('Document');
  doc.addStructure(root);
  const elements = new WeakMap<TagSpec, PdfStructElement>();
  const deferred: PdfStructElement[] = [];
  const stack: Frame[] = [];
  let body: PdfStructElement | undefined;
  let pageIndex = -1;
  const spans = new WeakMap<PdfStructElement, Map<string, PdfStructElement>>();
  let open = false;
  let text: TextState | undefined;

  const openArtifact = (type: string) => {
    doc.markContent('Artifact', { type });
    open = true;
  };
  const openStruct = (element: PdfStructElement) => {
    element.add(doc.markStructureContent(roleOf(element)));
    open = true;
  };
  const close = () => {
    if (open) doc.endMarkedContent();
    open = false;
  };

  /**
   * A Span in `holder` whose ActualText is `actual`: the same one for both halves of a
   * paragraph split across sheets (each half's layout node holds the whole paragraph's text).
   * Note: ActualText on marked content would also reach text extraction, but poppler places it
   * with the graphics state at EMC, and react-pdf draws each run in its own flipped q...Q, so
   * the text lands off the page. On the structure element it serves screen readers.
   */
  const spanFor = (holder: PdfStructElement, actual: string): PdfStructElement => {
    let found = spans.get(holder);
    if (!found) spans.set(holder, (found = new Map()));
    let span = found.get(actual);
    if (!span) {
      span = doc.struct('Span', { actual });
      holder.add(span);
      found.set(actual, span);
    }
    return span;
  };

  const bodyElement = (): PdfStructElement => {
    if (!options.bodyLang) return root;
    if (!body) {
      body = doc.struct('Sect', { lang: options.bodyLang });
      root.add(body);
    }
    return body;
  };
  const nearestElement = (): PdfStructElement => {
    for (let i = stack.length - 1; i >= 0; i -= 1) if (stack[i]!.element) return stack[i]!.element!;
    return bodyElement();
  };

  /** The element for a spec: made and attached the first time, the same one again on later sheets. */
  const elementFor = (spec: TagSpec, parent: () => PdfStructElement, frame?: Frame): PdfStructElement => {
    const existing = elements.get(spec);
    if (existing) return existing;
    if (spec.role === 'Figure' && !spec.alt) problems.push('A Figure has no alternate text.');
    const box = frame?.node.box;
    const element = doc.struct(spec.role, {
      ...(spec.alt ? { alt: spec.alt.replace(DRAWING_MARKS, '') } : {}),
      ...(spec.lang ? { lang: spec.lang } : {}),
      ...(spec.scope ? { scope: spec.scope } : {}),
      ...(spec.role === 'Figure' && frame && box ? { bbox: [frame.left, frame.top, frame.left + box.width, frame.top + box.height] } : {}),
    });
    if (spec.numbering) element.dictionary.data.A = { O: 'List', ListNumbering: spec.numbering };
    elements.set(spec, element);
    if (spec.placement === 'end') deferred.push(element);
    else if (spec.placement === 'document') root.add(element);
    else (spec.parent ? elementFor(spec.parent, parent) : parent()).add(element);
    return element;
  };

  /** The element a Text node's glyphs belong to. */
  const textTarget = (frame: Frame): PdfStructElement => {
    const holder = nearestElement();
    if (TEXT_HOLDERS.has(roleOf(holder))) return holder;
    const element = doc.struct(IMPLICIT_TEXT_ROLE[roleOf(holder)] ?? 'P');
    holder.add(element);
    frame.element = element;
    return element;
  };

  const endText = () => {
    if (!text) return;
    close();
    text.link?.end();
    text = undefined;
  };

  const onRenderNode = (phase: 'start' | 'content' | 'children' | 'end', raw: unknown) => {
    const node = raw as DrawnNode;
    if (phase === 'start') {
      if (node.type === 'PAGE') {
        pageIndex += 1;
        stack.push({ node, owner: false, inArtifact: false, artifactRoot: false, left: 0, top: 0 });
        return;
      }
      const parent = stack.at(-1);
      // Asked only when needed: the body section is made when the first body element is.
      const parentElement = () => nearestElement();
      const frame: Frame = {
        node,
        owner: false,
        inArtifact: parent?.inArtifact ?? false,
        artifactRoot: false,
        left: (parent?.left ?? 0) + (node.box?.left ?? 0),
        top: (parent?.top ?? 0) + (node.box?.top ?? 0),
      };
      if (frame.inArtifact) return void stack.push(frame);
      const spec = node.props?.[TAG_PROP] as TagSpec | undefined;
      // A `fixed` element repeats on every sheet: after the first, it is running chrome.
      if (spec?.role === 'Artifact' || (node.props?.fixed === true && pageIndex > 0)) {
        openArtifact(spec?.artifact ?? 'Pagination');
        frame.inArtifact = frame.artifactRoot = true;
        return void stack.push(frame);
      }
      if (spec) {
        frame.element = elementFor(spec, parentElement, frame);
        frame.owner = spec.role === 'Figure' || Boolean(spec.alt);
      } else if (node.type === 'LINK') {
        frame.element = doc.struct('Link');
        parentElement().add(frame.element);
      }
      stack.push(frame);
      if (hasDecoration(node)) {
        if (frame.owner) openStruct(frame.element!);
        else openArtifact('Layout');
      }
      return;
    }
    const frame = stack.at(-1)!;
    if (phase === 'content') {
      if (frame.inArtifact) return;
      close();
      if (!drawsContent(node)) return;
      if (node.type === 'TEXT') {
        // Arabic is drawn in visual order: the Span's ActualText gives assistive technology the logical order.
        // (The glyphs map to their own letters too: see src/pdf/shaping/draw-glyphs.ts.)
        // To do: text with both Arabic and a link keeps its glyph text only.
        const said = logicalText(node);
        const holder = textTarget(frame);
        const arabic = !hasLinkRun(node) && /[\u061c\u200e\p{Script=Arabic}]/u.test(said);
        text = { target: arabic ? spanFor(holder, said.replace(DRAWING_MARKS, '').replace(/\s+/g, ' ').trim()) : holder, href: undefined, link: undefined };
      } else if (frame.owner) openStruct(frame.element!);
      else openArtifact('Layout');
      return;
    }
    if (phase === 'children') {
      if (frame.inArtifact) return;
      endText();
      close();
      return;
    }
    stack.pop();
    if (!frame.inArtifact || frame.artifactRoot) {
      endText();
      close();
    }
    // pdfkit takes a link annotation's page from the page current when its element is written: end it now.
    if (frame.element && node.type === 'LINK') frame.element.end();
  };

  const onRenderRun = (phase: 'start' | 'end', raw: unknown) => {
    if (phase !== 'start' || !text) return;
    const href = (raw as DrawnRun).attributes.link ?? null;
    if (href === text.href) return;
    close();
    text.link?.end();
    text.link = undefined;
    text.href = href;
    if (href) {
      text.link = doc.struct('Link');
      text.target.add(text.link);
      openStruct(text.link);
    } else openStruct(text.target);
  };

  routeLinkAnnotations(doc, {
    inArtifact: () => stack.at(-1)?.inArtifact ?? false,
    link: () => text?.link ?? [...stack].reverse().find((frame) => frame.node.type === 'LINK')?.element,
    describe: options.describeLink,
    problems,
  });

  doc.onRenderNode = onRenderNode;
  doc.onRenderRun = onRenderRun;

  return {
    /** Closes what is open, places the elements kept for the end, and says what went wrong. */
    finish(): TaggingReport {
      endText();
      close();
      if (stack.length > 0) problems.push('The drawing step ended inside an element.');
      for (const element of deferred) root.add(element);
      return { problems };
    },
  };
}
