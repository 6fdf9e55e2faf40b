import { cac } from 'cac';
import { resolve } from 'node:path';
import { runInterruptCleanups } from '../build/interrupt.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';

// Note: every other module loads inside the command that needs it, so `--help`, `--version` and
// the start of `check` never load Astro, react-pdf or Workbox (see docs/performance.md).

const HELP_FOOTER = `Examples:
  kitpress build                         build dist/ from ./content
  kitpress build --content ../my-kit --out ../my-kit-site
  kitpress check                         check the content and print every problem
  kitpress status --strict               translation report; any gap exits 1`;

/** On Ctrl-C or SIGTERM, removes the staging folder and the lock, then exits (130 or 143). */
function exitOnInterrupt(): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      runInterruptCleanups();
      process.stderr.write(`\nInterrupted (${signal}): nothing was built; the previous output was left as it was.\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/** Runs the command line and gives the exit code; it never throws for bad input. */
export async function main(argv: string[]): Promise<number> {
  const cli = cac('kitpress');
  let exitCode = 0;
  cli.option('--content <dir>', 'Content folder to read', { default: 'content' });

  cli
    .command('build', 'Check the content and build the site, PDF handouts and offline kits')
    .option('--out <dir>', 'Output folder; replaced only when the build succeeds', { default: 'dist' })
    .option('--cache <dir>', 'Cache for unchanged handouts', { default: '.kitpress-cache' })
    .option('--workers <n>', 'PDF worker threads (default: one per core; 0 renders in the main thread)')
    .option('--quiet', 'Print only problems')
    .action(async (options: { content: string; out: string; cache: string; workers?: string; quiet?: boolean }) => {
      const [{ build }, { createProgress }, { printDiagnostics }] = await Promise.all([import('../build/pipeline.ts'), import('../build/progress.ts'), import('./print.ts')]);
      const progress = createProgress({ quiet: options.quiet ?? false });
      const stopListening = exitOnInterrupt();
      const result = await build({
        contentDir: options.content,
        outDir: options.out,
        cacheDir: options.cache,
        progress,
        ...(options.workers !== undefined ? { workers: Math.max(0, Number(options.workers)) } : {}),
      });
      stopListening();
      printDiagnostics(result.diagnostics.sorted(), options.content);
      if (!options.quiet) process.stderr.write(`Built ${result.handouts.length} handouts and ${result.kits.length} kits into ${resolve(options.out)}\n`);
    });

  cli
    .command('check', 'Check the content and print every problem as file:line:col')
    .action(async (options: { content: string }) => {
      const [{ readToolkit }, { printDiagnostics, printGrades }] = await Promise.all([import('../core/read-toolkit.ts'), import('./print.ts')]);
      const { toolkit, diagnostics } = await readToolkit(options.content);
      if (toolkit) {
        // Loaded after the read: the font tables and retext are needed only for content that was read.
        const [{ checkGlyphs }, { lintToolkit }, { HANDOUT_GRADE_TARGET }] = await Promise.all([import('../pdf/check-glyphs.ts'), import('../core/lint/lint-toolkit.ts'), import('../core/lint/lint-page.ts')]);
        // The handout writer's font check runs here too, so a missing glyph shows before a build.
        checkGlyphs(toolkit, diagnostics);
        const grades = await lintToolkit(toolkit, diagnostics);
        printDiagnostics(diagnostics.sorted(), options.content);
        printGrades(grades, HANDOUT_GRADE_TARGET);
      } else printDiagnostics(diagnostics.sorted(), options.content);
      const errors = diagnostics.list.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.list.filter((d) => d.severity === 'warning').length;
      process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
      if (errors) exitCode = 1;
    });

  cli
    .command('status', 'Report translation status per locale')
    .option('--strict', 'Exit 1 on any missing, outdated or draft translation or missing string')
    .action(async (options: { content: string; strict?: boolean }) => {
      const { runStatus } = await import('./status.ts');
      exitCode = await runStatus(options.content, options.strict ?? false);
    });

  cli.help((sections) => [...sections, { body: HELP_FOOTER }]);
  cli.version('0.1.0');

  try {
    cli.parse(['node', 'kitpress', ...argv], { run: false });
    if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
      if (cli.args.length > 0) throw new KitpressError(`Unknown command "${cli.args[0]}".`, 'Run `kitpress --help` to see the commands.');
      cli.outputHelp();
      return 1;
    }
    await cli.runMatchedCommand();
    return exitCode;
  } catch (error) {
    const { printError } = await import('./print.ts');
    return printError(error, typeof cli.options.content === 'string' ? cli.options.content : 'content');
  }
}
