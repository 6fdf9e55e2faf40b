import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import type { SourcePosition, Toolkit } from '../core/model.ts';
import { describeJob, resolveJob, type HandoutJob, type HandoutPage, type RenderedHandout } from './handout-job.ts';

/** Where a problem with a whole handout is reported when no line can be named: the page's first block. */
function pageStart(page: HandoutPage): SourcePosition {
  return page.blocks[0]?.position ?? { file: page.file, line: 1, column: 1 };
}

/**
 * Reports what is wrong with printed handouts, the same way for `kitpress check` and the build:
 * a render that timed out (`handout-timeout`), a handout over its page budget at the smallest
 * body size (`handout-overflow`), a line whose text runs past its room (`handout-line-too-wide`)
 * and a tagged handout that fails its accessibility check (`handout-untagged`, a warning).
 * Gives, for each job, whether its PDF can be written (false when it timed out or overflows).
 */
export function reportHandoutProblems(toolkit: Toolkit, jobs: readonly HandoutJob[], results: ReadonlyArray<RenderedHandout | undefined>, diagnostics: Diagnostics, timeoutSeconds: number): boolean[] {
  // A line too wide is reported once per place and text, not once per paper size, when both papers cut it.
  const seen = new Set<string>();
  return jobs.map((job, index) => {
    const result = results[index];
    const { page } = resolveJob(toolkit, job);
    if (!result) {
      diagnostics.report('handout-timeout', `The handout ${describeJob(page, job)} did not finish printing within ${timeoutSeconds} s`, pageStart(page));
      return false;
    }
    for (const line of result.overlong ?? []) {
      const place = line.position ?? pageStart(page);
      const key = `${job.locale} ${place.file}:${place.line}:${place.column} ${line.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const shown = line.text.length > 60 ? `${line.text.slice(0, 57)}...` : line.text;
      diagnostics.report('handout-line-too-wide', `In the handout ${describeJob(page, job)}, the text "${shown}" is ${line.width} pt wide but its line has ${line.room} pt, so it would be cut off at the edge (sheet ${line.sheet})`, place);
    }
    if (!result.fits) {
      diagnostics.report(
        'handout-overflow',
        `The handout ${describeJob(page, job)} does not fit its budget of ${page.handout.pageBudget} page(s) at ${result.fontSize} pt, the smallest body size: it needs ${result.pages}, about ${result.overBy ?? '?'} pt of text (${Math.ceil((result.overBy ?? 0) / (result.fontSize * 1.4))} lines) too many`,
        result.overflowAt ?? pageStart(page),
      );
      return false;
    }
    if (!result.pdfUa) diagnostics.report('handout-untagged', `The handout ${describeJob(page, job)} is tagged but fails its accessibility check (${result.tagProblems[0] ?? 'not checked'}), so it does not claim PDF/UA`, pageStart(page));
    return true;
  });
}
