import { Diagnostics, formatDiagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic.ts';
import type { Block, Toolkit } from '../../core/model.ts';
import { handoutPath, type HandoutFile } from '../../core/outputs.ts';
import type { PageCache } from '../../core/read-pages.ts';
import { readToolkit } from '../../core/read-toolkit.ts';
import { lintPage } from '../../core/lint/lint-page.ts';
import { checkGlyphs } from '../../pdf/check-glyphs.ts';
import { buildSiteModel } from '../build-routes.ts';
import type { SiteModel } from '../site-model.ts';
import { toVirtualSite } from '../astro/to-virtual-site.ts';
import type { VirtualSite } from '../astro/virtual-site.ts';

/** What the dev server knows about the content: the last good model and the problems of the last read. */
export interface DevSession {
  /** The last toolkit without errors (the pages keep showing it while an edit is broken). */
  readonly toolkit: Toolkit;
  readonly model: SiteModel;
  /** The site the pages read, with the problems banner. */
  readonly site: VirtualSite;
  /** Reads the content again (only changed pages are parsed); prints the problems; keeps the old model on errors. */
  reload(): Promise<{ ok: boolean; ms: number }>;
}

/** Where the session prints its report (the terminal). */
export type Printer = (text: string) => void;

/** The content could not be read even once: nothing to show. */
export class ContentErrors extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super('The content has errors');
    this.diagnostics = diagnostics;
  }
}

/**
 * Starts a dev session: reads the content once (refusing to start on errors), then re-reads
 * it on every edit; unchanged pages are neither parsed nor linted again.
 */
export async function createDevSession(contentDir: string, print: Printer, root = 'content'): Promise<DevSession> {
  const cache: PageCache = new Map();
  const lints = new WeakMap<Block[], Diagnostic[]>();
  const first = await readToolkit(contentDir, { cache });
  if (!first.toolkit) throw new ContentErrors(first.diagnostics.sorted());
  let toolkit = first.toolkit;
  let model = buildSiteModel(toolkit, devHandouts(toolkit));
  let problems = await checked(toolkit, first.diagnostics.list, lints);
  let site = toVirtualSite(model, problems, root, { dev: true });
  printProblems(problems, print, root);
  let pending: Promise<{ ok: boolean; ms: number }> | undefined;
  let again = false;

  const readOnce = async (): Promise<{ ok: boolean; ms: number }> => {
    const start = performance.now();
    const result = await readToolkit(contentDir, { cache });
    let ok = false;
    let extra: Diagnostic[] = [];
    if (result.toolkit) {
      try {
        model = buildSiteModel(result.toolkit, devHandouts(result.toolkit));
        toolkit = result.toolkit;
        ok = true;
      } catch (error) {
        // What the site writer refuses (a page named like a reserved folder) comes with its own message.
        extra = (error as { diagnostics?: Diagnostic[] }).diagnostics ?? [];
        print(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    problems = ok ? await checked(toolkit, result.diagnostics.list, lints) : [...result.diagnostics.list, ...extra].filter((d) => d.severity !== 'info');
    site = toVirtualSite(model, sortDiagnostics(problems), root, { dev: true });
    printProblems(problems, print, root);
    return { ok, ms: performance.now() - start };
  };

  return {
    get toolkit() { return toolkit; },
    get model() { return model; },
    get site() { return site; },
    async reload() {
      // An edit that comes while a read runs is read once more, after it.
      if (pending) {
        again = true;
        return pending;
      }
      pending = (async () => {
        let result = await readOnce();
        while (again) {
          again = false;
          result = await readOnce();
        }
        return result;
      })();
      try {
        return await pending;
      } finally {
        pending = undefined;
      }
    },
  };
}

/** What `check` reports: the reading, the font coverage and the lint (cached per parsed page); no info lines. */
async function checked(toolkit: Toolkit, read: Diagnostic[], lints: WeakMap<Block[], Diagnostic[]>): Promise<Diagnostic[]> {
  const all = new Diagnostics();
  all.list.push(...read);
  checkGlyphs(toolkit, all);
  for (const locale of toolkit.locales) {
    if (!locale.lang.startsWith('en')) continue;
    for (const page of locale.pages.filter((p) => !p.fallback)) {
      let found = lints.get(page.blocks);
      if (!found) {
        const own = new Diagnostics();
        await lintPage(page, own);
        found = own.list;
        lints.set(page.blocks, found);
      }
      all.list.push(...found);
    }
  }
  return sortDiagnostics(all.list.filter((d) => d.severity !== 'info'));
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const all = new Diagnostics();
  all.list.push(...list);
  return all.sorted();
}

function printProblems(problems: Diagnostic[], print: Printer, root: string): void {
  const errors = problems.filter((d) => d.severity === 'error').length;
  const lines = problems.map((d) => formatDiagnostic(d, root));
  lines.push(`${errors} error(s), ${problems.length - errors} warning(s)${errors ? ': the browser shows the last version without errors' : ''}`);
  print(lines.join('\n'));
}

/**
 * The handouts as the dev server lists them: every handout page on every paper, rendered only
 * when opened (see handout-preview.ts). Sizes are unknown before that; the page count is the budget.
 */
export function devHandouts(toolkit: Toolkit): HandoutFile[] {
  return toolkit.locales.flatMap((locale) =>
    locale.pages.flatMap((page) => {
      const handout = page.handout;
      if (!handout) return [];
      return toolkit.paper.map((paper) => ({
        locale: locale.code,
        slug: page.slug,
        kind: handout.kind,
        title: handout.title ?? page.title,
        paper,
        path: handoutPath(locale.code, handout.file, paper),
        bytes: 0,
        pages: handout.pageBudget,
        fontSize: 12,
      }));
    }),
  );
}
