import { inflateSync } from 'node:zlib';

/** One indirect object of a PDF: its dictionary text and, for a stream, its data as stored. */
export interface PdfObject {
  id: number;
  dict: string;
  raw?: Buffer;
}

/** A stream's data, Flate-decoded when it is stored so. */
export function streamData(object: PdfObject): Buffer | undefined {
  if (!object.raw) return undefined;
  return /\/Filter \/FlateDecode/.test(object.dict) ? inflateSync(object.raw) : object.raw;
}

/**
 * The objects of a PDF written by pdfkit: `N 0 obj`, a dictionary, an optional stream of
 * `/Length` bytes, `endobj`, no object streams.
 * Note: this reads what Kitpress itself writes; it is not a reader for PDFs in general.
 */
export function readPdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(?:^|\n)(\d+) 0 obj\n/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const id = Number(match[1]);
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('\nstream\n', start);
    const endAt = text.indexOf('\nendobj', start);
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
      const dataStart = streamAt + '\nstream\n'.length;
      if (!Number.isFinite(length)) throw new Error(`PDF object ${id} has a stream without a /Length.`);
      objects.set(id, { id, dict, raw: buffer.subarray(dataStart, dataStart + length) });
      header.lastIndex = dataStart + length;
    } else {
      objects.set(id, { id, dict: text.slice(start, endAt) });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

/** The operators of a content stream in order, with strings, arrays, dictionaries and inline images skipped. */
export function contentOperators(content: string): string[] {
  const operators: string[] = [];
  let i = 0;
  const n = content.length;
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelimiter = (c: string) => '()<>[]{}/%'.includes(c);
  while (i < n) {
    const c = content[i]!;
    if (isSpace(c) || c === '[' || c === ']' || c === '{' || c === '}') i += 1;
    else if (c === '%') while (i < n && content[i] !== '\n' && content[i] !== '\r') i += 1;
    else if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let depth = 0;
      do {
        const d = content[i]!;
        if (d === '\\') i += 1;
        else if (d === '(') depth += 1;
        else if (d === ')') depth -= 1;
        i += 1;
      } while (i < n && depth > 0);
    } else if (c === '<' && content[i + 1] === '<') i += 2;
    else if (c === '>' && content[i + 1] === '>') i += 2;
    else if (c === '<') i = content.indexOf('>', i) + 1 || n;
    else if (c === '/') {
      i += 1;
      while (i < n && !isSpace(content[i]!) && !isDelimiter(content[i]!)) i += 1;
    } else {
      const start = i;
      while (i < n && !isSpace(content[i]!) && !isDelimiter(content[i]!)) i += 1;
      const token = content.slice(start, i) || content[i++]!;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token === 'true' || token === 'false' || token === 'null') continue;
      operators.push(token);
      // An inline image's data is binary: skip to its end.
      if (token === 'ID') i = content.indexOf('EI', i) + 2 || n;
    }
  }
  return operators;
}
