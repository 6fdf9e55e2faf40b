import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { Document, Page, Text } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { cjkBreakParts } from '../../src/pdf/cjk-line-breaks.ts';
import { layoutPdf, type LayoutNode } from '../../src/pdf/pdf-bytes.ts';
import { registerFonts } from '../../src/pdf/register-fonts.ts';
import { drawTaggedPdf } from '../../src/pdf/tagging/draw-tagged.ts';
import { handoutPath } from '../../src/core/outputs.ts';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { listHandoutJobs, resolveJob } from '../../src/pdf/handout-job.ts';
import { builtDefault, defaultContent } from '../helpers/paths.ts';

/** Largest a handout may be: it is printed and sent by phone, and must stay quick to download. */
const MAX_BYTES = 400_000;

/** Characters no line may start with, and ones no line may end with (Chinese typesetting, UAX #14). */
const NO_START = [...'。，、；：？！）」』'];
const NO_END = [...'（「『'];

const TEXT =
  '如果有人威胁你，这不是你的错。你可以告诉一个你信任的成年人（比如父母、老师或辅导员），他们会帮助你。' +
  '不要付钱，也不要再发照片；保存聊天记录：截图、用户名和时间。你会问：“我该怎么办？”答案是：「先停下来」，然后求助！' +
  '网上认识的人说「我们是朋友」，但你从没见过他（她）；这时要小心。';

interface Line {
  string: string;
  box?: { width: number };
  runs: { positions?: { xAdvance: number }[] }[];
}

function lines(node: LayoutNode & { lines?: Line[] }): Line[] {
  return [...(node.lines ?? []), ...(node.children ?? []).flatMap((child) => lines(child))];
}

describe('Chinese line breaking in the PDFs', () => {
  it('splits text where UAX #14 allows, with zero-width glue between parts', () => {
    expect(cjkBreakParts('Hello')).toEqual(['Hello']);
    const parts = cjkBreakParts('你好，世界。');
    expect(parts.join('')).toBe('你好，世界。');
    expect(parts.filter((p) => p !== '')).toEqual(['你', '好，', '世', '界。']);
  });

  it('never starts a line with closing punctuation or ends one with an opening bracket, and nothing overflows', { timeout: 120_000 }, async () => {
    registerFonts();
    const widths = [90, 123, 157, 201, 260];
    for (const width of widths) {
      const style = { fontFamily: 'noto-sans-sc', fontSize: 12, lineHeight: 1.5, width };
      const laidOut = await layoutPdf(createElement(Document, null, createElement(Page, { size: { width: 400, height: 3000 } }, createElement(Text, { style }, TEXT))));
      const found = lines(laidOut.layout as never);
      expect(found.length).toBeGreaterThan(3);
      expect(found.map((l) => l.string).join('')).toBe(TEXT);
      for (const line of found) {
        const text = line.string;
        expect(NO_START, `width ${width}: line starts with ${text[0]}: ${text}`).not.toContain(text[0]);
        expect(NO_END, `width ${width}: line ends with ${text.at(-1)}: ${text}`).not.toContain(text.at(-1));
        const advance = line.runs.reduce((sum, run) => sum + (run.positions ?? []).reduce((s, p) => s + p.xAdvance, 0), 0);
        expect(advance, `width ${width}: ${text}`).toBeLessThanOrEqual(width + 0.5);
        expect(text).not.toContain('-');
      }
      if (width === widths[0]) {
        const { bytes } = await drawTaggedPdf(laidOut.layout, { title: 'zh', author: '', subject: '', creator: '', producer: '', lang: 'zh-Hans', date: new Date(0), describeLink: (h: string) => h } as never);
        // Subset-embedded: a few hundred characters of a 10 MB font stay small.
        expect(bytes.length).toBeLessThan(150_000);
      }
    }
  });

  it('prints every Chinese handout of the default toolkit by the same rules, each under 400 kB', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    const han = toolkit!.locales.filter((l) => new Intl.Locale(l.lang).maximize().script?.startsWith('Han'));
    // The default toolkit has a Chinese locale; this test is about it.
    expect(han.map((l) => l.lang)).toContain('zh-Hans');
    const jobs = listHandoutJobs(toolkit!).filter((job) => han.some((l) => l.code === job.locale));
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const { page } = resolveJob(toolkit!, job);
      const file = join(builtDefault, handoutPath(job.locale, page.handout.file, job.paper));
      expect(statSync(file).size, file).toBeLessThanOrEqual(MAX_BYTES);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const printed = text.split('\n').map((l) => l.trim()).filter((l) => /\p{Script=Han}/u.test(l));
      expect(printed.length, file).toBeGreaterThan(10);
      for (const line of printed) {
        expect(NO_START, `${file}: line starts with ${line[0]}: ${line}`).not.toContain(line[0]);
        expect(NO_END, `${file}: line ends with ${line.at(-1)}: ${line}`).not.toContain(line.at(-1));
      }
    }
  });
});
