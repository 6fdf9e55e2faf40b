import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** True when the run should rewrite expected files (`UPDATE=1 npm test`). */
export const updating = process.env.UPDATE === '1';

/**
 * Compares `actual` with the stored expected file; with UPDATE=1 it writes the file instead.
 * A missing expected file is a failure, so a new fixture cannot pass by accident.
 */
export function matchesStored(path: string, actual: string): { expected: string; actual: string } {
  if (updating) writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`No expected file ${path}: run UPDATE=1 npx vitest run to create it, then review it.`);
  return { expected: readFileSync(path, 'utf8'), actual };
}
