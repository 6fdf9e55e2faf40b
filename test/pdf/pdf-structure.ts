import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';

/** A structure element as a screen reader gets it (pdf.js): role, alternate or actual text, language, its text, children. */
export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  /** The text of the element's own marked content (not its children's). */
  text: string;
  /** Objects (link annotations) the element holds. */
  annotations: number;
  children: StructNode[];
}

interface PdfJsStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: PdfJsStructNode[];
}

/** Text that marked content holds, and whether it is an artifact, per page, read with pdf.js. */
export interface PageText {
  /** Text of each marked-content id (`p11R_mc3`). */
  byId: Map<string, string>;
  /** Text inside /Artifact sequences. */
  artifacts: string[];
  /** Text outside any marked content (should be none). */
  loose: string[];
}

async function pageTexts(path: string): Promise<PageText[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const result: PageText = { byId: new Map(), artifacts: [], loose: [] };
    const stack: { id: string | null; tag: string }[] = [];
    for (const item of content.items as { type?: string; id?: string | null; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push({ id: item.id ?? null, tag: item.tag ?? '' });
      else if (item.type === 'endMarkedContent') stack.pop();
      else if (typeof item.str === 'string') {
        const top = stack.at(-1);
        if (!top) result.loose.push(item.str);
        else if (stack.some((s) => s.tag === 'Artifact')) result.artifacts.push(item.str);
        else if (top.id) result.byId.set(top.id, (result.byId.get(top.id) ?? '') + item.str);
      }
    }
    pages.push(result);
  }
  return pages;
}

/** The structure tree of a PDF as pdf.js gives it to assistive technology, one tree per page, with text filled in. */
export async function structTrees(path: string): Promise<{ trees: StructNode[]; pages: PageText[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const pages = await pageTexts(path);
  const trees: StructNode[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const raw = (await page.getStructTree()) as PdfJsStructNode | null;
    const convert = (node: PdfJsStructNode): StructNode => {
      const kids = node.children ?? [];
      const text = kids.filter((k) => k.type === 'content').map((k) => pages[n - 1]!.byId.get(k.id!) ?? '').join('');
      return {
        role: node.role ?? 'Root',
        ...(node.alt !== undefined ? { alt: node.alt } : {}),
        ...(node.lang !== undefined ? { lang: node.lang } : {}),
        text,
        annotations: kids.filter((k) => k.type === 'object' || k.type === 'annotation').length,
        children: kids.filter((k) => k.role !== undefined).map(convert),
      };
    };
    trees.push(convert(raw ?? {}));
  }
  return { trees, pages };
}

/** Every element of trees, depth first. */
export function allNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

/** The text an element says: its alternate/actual text, or its own text and its children's. */
export function spoken(node: StructNode): string {
  return node.alt ?? node.text + node.children.map(spoken).join('');
}

/** `pdfinfo -struct-text`, with annotation object numbers left out (they change with any change). */
export function structText(path: string): string {
  return execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' }).replace(/Object \d+ \d+/g, 'Object (annotation)');
}

/** A PDF rewritten by qpdf in QDF form (uncompressed, content normalised: one operator a line), as text. */
export function qdf(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kitpress-qdf-'));
  try {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'), 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The content stream of each page of a QDF file. */
export function contentStreams(qdfText: string): string[] {
  const parts = qdfText.split(/%% Contents for page \d+\n/).slice(1);
  return parts.map((part) => part.slice(part.indexOf('stream\n') + 'stream\n'.length, part.indexOf('\nendstream')));
}

/** Text-showing operators (Tj, TJ, ', ") outside any BDC/BMC ... EMC sequence, and whether the nesting balances. */
export function unmarkedText(content: string): { loose: number; balanced: boolean } {
  let depth = 0;
  let loose = 0;
  let balanced = true;
  for (const line of content.split('\n')) {
    const op = line.trim().split(/\s+/).at(-1);
    if (op === 'BDC' || op === 'BMC') depth += 1;
    else if (op === 'EMC') {
      depth -= 1;
      if (depth < 0) balanced = false;
    } else if ((op === 'Tj' || op === 'TJ' || op === "'" || op === '"') && depth === 0) loose += 1;
  }
  return { loose, balanced: balanced && depth === 0 };
}

/** `qpdf --check`: exit code and output. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
