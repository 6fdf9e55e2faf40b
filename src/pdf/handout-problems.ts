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
      diagnostics.report('handout-timeout', { handout: describeJob(page, job), seconds: timeoutSeconds }, pageStart(page));
      return false;
    }
    for (const line of result.overlong ?? []) {
      const place = line.position ?? pageStart(page);
      const key = `${job.locale} ${place.file}:${place.line}:${place.column} ${line.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.report('handout-line-too-wide', { handout: describeJob(page, job), text: line.text, width: line.width, room: line.room, sheet: line.sheet }, place);
    }
    if (!result.fits) {
      diagnostics.report(
        'handout-overflow',
        { handout: describeJob(page, job), budget: page.handout.pageBudget, fontSize: result.fontSize, pages: result.pages, overBy: result.overBy },
        result.overflowAt ?? pageStart(page),
      );
      return false;
    }
    if (!result.pdfUa) diagnostics.report('handout-untagged', { handout: describeJob(page, job), problem: result.tagProblems[0] }, pageStart(page));
    return true;
  });
}
