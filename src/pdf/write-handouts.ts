import type { HandoutFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';

/** Renders every handout of every locale in every paper size into `<outDir>/pdf/`. */
export async function writeHandouts(_context: WriterContext & { workers?: number | undefined }): Promise<HandoutFile[]> {
  // To do: the PDF writer (issue 5).
  return [];
}
