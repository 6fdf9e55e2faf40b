import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF as a reader would copy it, all pages joined, with runs of white space collapsed. */
export async function pdfText(path: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/[\u200e\u061c]/g, '').replace(/\s+/g, ' ');
}

/** `pdfinfo` as a map: `Pages`, `Page size`, `Title`, `CreationDate`, ... */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** Every font of a PDF as `pdffonts` lists it: name and whether it is embedded. */
export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
    return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
  });
}

/** Renders one page of a PDF to a PNG with poppler, as a printer preview would. */
export function renderPage(path: string, page: number, dpi: number): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'kitpress-png-'));
  try {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
