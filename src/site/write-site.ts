import type { HandoutFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';

/** Builds the website for every locale into `outDir`. */
export async function writeSite(_context: WriterContext & { handouts: HandoutFile[] }): Promise<void> {
  // To do: the site writer (issue 4).
}
