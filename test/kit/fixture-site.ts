import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../../src/build/progress.ts';
import type { WriterContext } from '../../src/build/writer-context.ts';
import type { Toolkit } from '../../src/core/model.ts';
import type { HandoutFile } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { defaultContent } from '../helpers/paths.ts';
import { tempDir } from './temp-dirs.ts';

/** A small hand-made built site (English at the root, Spanish under es/), shaped like Astro's output. */
export const fixtureSite = fileURLToPath(new URL('../fixtures/kit-site/', import.meta.url));

/** The default toolkit with a second locale, `es`, to match the hand-made site. */
export async function fixtureToolkit(): Promise<Toolkit> {
  const { toolkit } = await readToolkit(defaultContent);
  if (!toolkit) throw new Error('The default content does not read without errors.');
  const en = toolkit.locales[0]!;
  const es = { ...en, code: 'es', name: 'Español', lang: 'es', isDefault: false, title: 'Más seguros en línea', ui: { ...en.ui, kitStartTitle: 'Empiece aquí', kitOpenSite: 'Abrir el kit' } };
  return { ...toolkit, locales: [en, es] };
}

/** Handouts as the PDF writer would describe the fixture's PDFs. */
export function fixtureHandouts(): HandoutFile[] {
  return ['en', 'es'].flatMap((locale) =>
    (['letter', 'a4'] as const).map((paper) => ({ locale, slug: 'signs', kind: 'checklist' as const, title: locale === 'es' ? 'Señales' : 'Signs checklist', paper, path: `pdf/${locale}/signs-checklist-${paper}.pdf`, bytes: 231, pages: 1, fontSize: 11 })),
  );
}

/** A fresh copy of the fixture site in a temporary folder, and a writer context for it. */
export async function fixtureContext(): Promise<WriterContext & { handouts: HandoutFile[] }> {
  const outDir = await tempDir('kitpress-kit-');
  await cp(fixtureSite, outDir, { recursive: true });
  const toolkit = await fixtureToolkit();
  const { Diagnostics } = await import('../../src/core/diagnostics/diagnostic.ts');
  return { toolkit, diagnostics: new Diagnostics(), outDir, cacheDir: join(outDir, '.cache'), contentDir: defaultContent, progress: createProgress({ quiet: true }), handouts: fixtureHandouts() };
}
