/**
 * `npm run bench -- --details`: per-writer figures for the default content (content reader,
 * PDF writer and tagging, website, kits), after the side-by-side table of `bench.ts`.
 */
import { join } from 'node:path';
import { readToolkit } from '../src/core/read-toolkit.ts';

const repoRoot = join(import.meta.dirname, '..');
const content = join(repoRoot, 'content');

/** Runs one named part of the bench, printing its figures. */
async function part(name: string, run: () => Promise<Record<string, string | number>>): Promise<void> {
  process.stdout.write(`\n## ${name}\n`);
  const figures = await run();
  for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key.padEnd(48)} ${value}\n`);
}

async function benchRead(): Promise<Record<string, string | number>> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await readToolkit(content);
    times.push(performance.now() - start);
  }
  const { toolkit } = await readToolkit(content);
  times.sort((a, b) => a - b);
  return {
    'locales': toolkit?.locales.length ?? 0,
    'pages (all locales, with fallbacks)': toolkit?.locales.reduce((n, l) => n + l.pages.length, 0) ?? 0,
    'read + check content, median of 5 (ms)': times[2]!.toFixed(1),
  };
}

await part('content reader', benchRead);
const { benchPdf } = await import('./bench-pdf.ts');
await part('PDF handouts', benchPdf);
const { benchSite } = await import('./bench-site.ts');
await part('website', benchSite);
const { benchKits } = await import('./bench-kits.ts');
await part('offline kits', benchKits);
