import type { HandoutFile, KitFile } from '../core/outputs.ts';
import type { WriterContext } from '../build/writer-context.ts';

/** Writes the offline kit zips into `<outDir>/kits/`. */
export async function writeKits(_context: WriterContext & { handouts: HandoutFile[] }): Promise<KitFile[]> {
  // To do: the offline kits (issue 6).
  return [];
}
