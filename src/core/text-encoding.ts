import type { Diagnostics } from './diagnostics/diagnostic.ts';

/**
 * Decodes a content file as UTF-8. Invalid bytes and NUL characters are reported at their
 * line and column and give `undefined`; a byte-order mark at the start is dropped.
 */
export function decodeText(bytes: Uint8Array, file: string, diagnostics: Diagnostics): string | undefined {
  const bad = firstInvalidByte(bytes);
  if (bad !== undefined) {
    const { line, column } = placeOfByte(bytes, bad);
    diagnostics.report('text-encoding', { case: 'byte', byte: bytes[bad]! }, { file, line, column });
    return undefined;
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const before = text.slice(0, nul).split('\n');
    diagnostics.report('text-encoding', { case: 'nul' }, { file, line: before.length, column: before.at(-1)!.length + 1 });
    return undefined;
  }
  return text;
}

/** The offset of the first byte that breaks UTF-8, or undefined when all is well. */
function firstInvalidByte(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates (a fatal decoder refuses them too).
    if (length === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! >= 0xa0))) return i;
    if (length === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! >= 0x90))) return i;
    i += length;
  }
  return undefined;
}

function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1;
  return { line, column };
}
