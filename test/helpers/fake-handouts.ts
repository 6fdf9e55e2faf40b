import type { Toolkit } from '../../src/core/model.ts';
import { handoutPath, type HandoutFile } from '../../src/core/outputs.ts';

/** Handout entries like the PDF writer's, for a toolkit (sizes and page counts made up). */
export function fakeHandouts(toolkit: Toolkit): HandoutFile[] {
  return toolkit.locales.flatMap((locale) =>
    locale.pages.flatMap((page) =>
      page.handout && !page.fallback
        ? toolkit.paper.map((paper, i) => ({
            locale: locale.code,
            slug: page.slug,
            kind: page.handout!.kind,
            title: page.handout!.title ?? page.title,
            paper,
            path: handoutPath(locale.code, page.handout!.file, paper),
            bytes: 84_211 + i * 1000,
            pages: 1 + i,
            fontSize: 11,
          }))
        : [],
    ),
  );
}
