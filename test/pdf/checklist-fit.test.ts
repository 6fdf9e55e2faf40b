import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Toolkit } from '../../src/core/model.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { createPrintContext } from '../../src/pdf/create-print-context.ts';
import { resolveJob, type HandoutJob } from '../../src/pdf/handout-job.ts';
import { loadRenderer } from '../../src/pdf/load-renderer.ts';
import { overflowAmount } from '../../src/pdf/overflow-amount.ts';
import { layoutPdf, pageCount, type LayoutNode } from '../../src/pdf/pdf-bytes.ts';
import { registerFonts } from '../../src/pdf/register-fonts.ts';
import { fixtures } from '../helpers/paths.ts';
import { pdfText } from './pdf-tools.ts';

const parent = mkdtempSync(join(tmpdir(), 'kitpress-checklist-fit-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const job: HandoutJob = { locale: 'en', slug: 'signs', paper: 'letter' };
const item = (n: number) => `- Sign ${n}: a change in how a young person uses their phone, written out so that it wraps onto a second printed line`;

/** The overflow fixture (a one-page checklist) with `count` items in its checklist. */
async function checklistOf(count: number): Promise<Toolkit> {
  const dir = join(parent, `items-${count}`);
  cpSync(join(fixtures, 'overflow'), dir, { recursive: true });
  const file = join(dir, 'en/signs.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(':::checklist');
  const end = text.indexOf('\n:::', start + 3);
  writeFileSync(file, `${text.slice(0, text.indexOf('\n', start) + 1)}${Array.from({ length: count }, (_, i) => item(i + 1)).join('\n')}${text.slice(end)}`);
  const { toolkit } = await readToolkit(dir);
  return toolkit!;
}

/** Sheets the checklist takes at 11 pt, the smallest body size, with or without its notes area. */
async function sheetsAt11(toolkit: Toolkit, optionalParts: boolean): Promise<number> {
  const { handoutDocument, footerSpace } = await loadRenderer();
  registerFonts();
  const { locale, page } = resolveJob(toolkit, job);
  const ctx = { ...createPrintContext(toolkit, locale, page, job, 11, await footerSpace(toolkit, job)), optionalParts };
  return pageCount((await layoutPdf(handoutDocument(ctx))).layout);
}

describe('a checklist near its page budget', () => {
  it('leaves out its notes area, not the build, when the notes no longer fit at the smallest size', async () => {
    const { renderHandout } = await loadRenderer();
    // The fewest items with which the notes area pushes the checklist onto a second sheet at 11 pt.
    let low = 1;
    let high = 40;
    expect(await sheetsAt11(await checklistOf(high), true)).toBeGreaterThan(1);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((await sheetsAt11(await checklistOf(middle), true)) > 1) high = middle;
      else low = middle + 1;
    }
    const toolkit = await checklistOf(low);
    // The case this is about: without the notes area the same items fit the one sheet.
    expect(await sheetsAt11(toolkit, false)).toBe(1);

    const printed = await renderHandout(toolkit, job);
    expect(printed).toMatchObject({ fits: true, pages: 1 });
    expect(printed.overBy).toBeUndefined();
    const file = join(parent, 'without-notes.pdf');
    writeFileSync(file, printed.bytes);
    const text = await pdfText(file);
    expect(text).toContain(`Sign ${low}:`);
    expect(text).not.toContain('Notes');

    // One item fewer still has room for the notes area, and keeps it.
    const roomy = await renderHandout(await checklistOf(low - 1), job);
    expect(roomy).toMatchObject({ fits: true, pages: 1 });
    writeFileSync(file, roomy.bytes);
    expect(await pdfText(file)).toContain('Notes');
  }, 120_000);
});

describe('overflowAmount', () => {
  /** A sheet of 792 pt with 90 pt kept for the footer, holding blocks that end at the given edges. */
  const sheet = (...blocks: [top: number, height: number][]): LayoutNode => ({
    box: { top: 0, left: 0, width: 612, height: 792, paddingBottom: 90 },
    children: [{ props: { fixed: true }, box: { top: 740, left: 0, width: 612, height: 40 } }, ...blocks.map(([top, height]) => ({ box: { top, left: 40, width: 530, height } }))],
  });

  it('counts what is past the budget, less the room its last sheet left empty', () => {
    // The budget's sheet ends its text at 502 pt of the 702 it has: a box of 260 pt that cannot break moved on whole.
    const layout = { children: [sheet([58, 444]), sheet([58, 260])] };
    expect(overflowAmount(layout, 1, 58)).toBe(260 - 200);
    // Text that broke at the bottom of the sheet: nothing was left empty, all of it is over.
    expect(overflowAmount({ children: [sheet([58, 644]), sheet([58, 120])] }, 1, 58)).toBe(120);
    // Within budget: nothing is over.
    expect(overflowAmount({ children: [sheet([58, 444])] }, 1, 58)).toBe(0);
  });
});
