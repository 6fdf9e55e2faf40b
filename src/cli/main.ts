import { cac } from 'cac';
import { resolve } from 'node:path';
import { runInterruptCleanups } from '../build/interrupt.ts';
import { didYouMean, parseWorkers, UsageError } from './usage.ts';

// Note: every other module loads inside the command that needs it, so `--help`, `--version` and
// the start of `check` never load Astro, react-pdf or Workbox (see docs/performance.md).

const HELP_FOOTER = `Examples:
  kitpress build                         build dist/ from ./content
  kitpress build --content ../my-kit --out ../my-kit-site
  kitpress check                         check the content and print every problem
  kitpress dev                           live preview at http://127.0.0.1:4321/<base path>
  kitpress preview                       serve the built dist/ as a host would
  kitpress status --strict               translation report; any gap exits 1
  kitpress translate accept es/signs.md  record that a translation is up to date
  kitpress init ../our-toolkit           start a new toolkit`;

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

/** A `--port` value: a whole number from 0 (any free port) to 65535. */
function parsePort(value: string | number): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${value} is not a port number.`, 'Give a whole number from 1 to 65535, or 0 for any free port.');
  return port;
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
    .option('--workers <n>', 'PDF worker threads, a whole number (default: one per core; 0 renders in the main thread)')
    .option('--quiet', 'Print only warnings and errors')
    .action(async (options: { content: string; out: string; cache: string; workers?: unknown; quiet?: boolean }) => {
      const workers = options.workers === undefined ? undefined : parseWorkers(options.workers);
      const [{ build }, { createProgress }, { printDiagnostics }] = await Promise.all([import('../build/pipeline.ts'), import('../build/progress.ts'), import('./print.ts')]);
      const progress = createProgress({ quiet: options.quiet ?? false });
      const stopListening = exitOnInterrupt();
      try {
        const result = await build({ contentDir: options.content, outDir: options.out, cacheDir: options.cache, progress, ...(workers !== undefined ? { workers } : {}) });
        printDiagnostics(result.diagnostics.sorted(), options.content, { quiet: options.quiet });
        if (!options.quiet) process.stderr.write(`Built ${result.handouts.length} handouts and ${result.kits.length} kits into ${resolve(options.out)}\n`);
      } finally {
        stopListening();
      }
    });

  cli
    .command('check', 'Check the content, lay out every handout, and print every problem as file:line:col')
    .option('--fast', 'Skip laying out the handouts: whether each fits its pages and lines is not checked')
    .option('--cache <dir>', 'Cache for laid-out handouts, shared with build', { default: '.kitpress-cache' })
    .option('--workers <n>', 'PDF worker threads, a whole number (default: one per core; 0 renders in the main thread)')
    .option('--quiet', 'Print only warnings and errors')
    .action(async (options: { content: string; cache: string; fast?: boolean; workers?: unknown; quiet?: boolean }) => {
      const quiet = { quiet: options.quiet };
      const workers = options.workers === undefined ? undefined : parseWorkers(options.workers);
      const [{ readToolkit }, { printDiagnostics, printGrades }] = await Promise.all([import('../core/read-toolkit.ts'), import('./print.ts')]);
      const { toolkit, diagnostics } = await readToolkit(options.content);
      const say = (line: string) => {
        if (!options.quiet) process.stderr.write(`${line}\n`);
      };
      if (toolkit) {
        // Loaded after the read: the font tables and retext are needed only for content that was read.
        const [{ checkGlyphs }, { lintToolkit }, { HANDOUT_GRADE_TARGET }] = await Promise.all([import('../pdf/check-glyphs.ts'), import('../core/lint/lint-toolkit.ts'), import('../core/lint/lint-page.ts')]);
        // The handout writer's font check runs here too, so a missing glyph shows before a build.
        checkGlyphs(toolkit, diagnostics);
        const grades = await lintToolkit(toolkit, diagnostics);
        // The build's own printing, through the same cache: what overflows here overflows there.
        if (options.fast) say('Handouts not laid out (--fast): whether each fits its page budget and every line fits its width was not checked.');
        else {
          const { printHandouts, printedLine } = await import('../pdf/write-handouts.ts');
          const printed = await printHandouts({ toolkit, diagnostics, contentDir: resolve(options.content), cacheDir: resolve(options.cache), workers });
          if (printed.jobs.length > 0) say(`Laid out ${printedLine(printed)}`);
        }
        printDiagnostics(diagnostics.sorted(), options.content, quiet);
        if (!options.quiet) printGrades(grades, HANDOUT_GRADE_TARGET);
      } else printDiagnostics(diagnostics.sorted(), options.content, quiet);
      const errors = diagnostics.list.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.list.filter((d) => d.severity === 'warning').length;
      if (!options.quiet || errors || warnings) process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
      if (errors) exitCode = 1;
    });

  cli
    .command('status', 'Report translation status per locale')
    .option('--strict', 'Exit 1 on any missing, outdated or draft translation or missing string')
    .option('--accept <file>', 'First record that this translation (e.g. es/signs.md) is up to date with its source')
    .action(async (options: { content: string; strict?: boolean; accept?: string }) => {
      const { runStatus } = await import('./status.ts');
      exitCode = await runStatus(options.content, options.strict ?? false, options.accept);
    });

  cli
    .command('translate <action> <file>', 'translate accept <locale>/<page>.md: record that a translation is up to date with its source')
    .action(async (action: string, file: string, options: { content: string }) => {
      if (action !== 'accept') throw new UsageError(`Unknown translate action "${action}".${didYouMean(action, ['accept'])}`, 'Use `kitpress translate accept <locale>/<page>.md`, e.g. `kitpress translate accept es/signs.md`.');
      const { acceptTranslation } = await import('../core/translation/accept.ts');
      // Either relative to the content folder (es/signs.md) or a path to the file (content/es/signs.md).
      const contentDir = resolve(options.content);
      const inside = resolve(file).startsWith(`${contentDir}/`) ? resolve(file).slice(contentDir.length + 1) : file;
      const version = await acceptTranslation(contentDir, inside.replace(/\\/g, '/').replace(/^\.\//, ''));
      process.stdout.write(`Accepted ${file}: it translates its source as it is now (${version}).\n`);
    });

  cli
    .command('init <dir>', 'Start a new toolkit: write a small, valid content folder into DIR (new or empty)')
    .option('--title <title>', 'Title of the toolkit')
    .option('--locales <codes>', 'Languages, the source first (default en,es)')
    .option('--org <name>', 'Organisation name')
    .action(async (dir: string, options: { title?: string; locales?: string; org?: string }) => {
      const { runInit } = await import('./init.ts');
      exitCode = await runInit({ dir, ...options });
    });

  cli
    .command('dev', 'Live preview: serve the site on 127.0.0.1 and reload the browser on every edit')
    .option('--cache <dir>', 'Cache for handouts and the preview\'s working files', { default: '.kitpress-cache' })
    .option('--port <n>', 'Port to listen on (0: any free port)', { default: 4321 })
    .action(async (options: { content: string; cache: string; port: string | number }) => {
      const { runDev } = await import('./dev.ts');
      exitCode = await runDev({ content: options.content, cache: options.cache, port: parsePort(options.port), host: '127.0.0.1' });
    });

  cli
    .command('preview', 'Serve the built site under its base path on 127.0.0.1, with the headers a host should send')
    .option('--out <dir>', 'The built site', { default: 'dist' })
    .option('--port <n>', 'Port to listen on (0: any free port)', { default: 4322 })
    .action(async (options: { out: string; port: string | number }) => {
      const { runPreview } = await import('./preview.ts');
      exitCode = await runPreview({ out: options.out, port: parsePort(options.port), host: '127.0.0.1' });
    });

  cli.help((sections) => [...sections, { body: HELP_FOOTER }]);
  cli.version('0.1.0');

  try {
    try {
      cli.parse(['node', 'kitpress', ...argv], { run: false });
    } catch (error) {
      throw usageFromCac(error, cli);
    }
    if (cli.options.help || cli.options.version) return 0;
    if (!cli.matchedCommand) {
      if (cli.args.length > 0) {
        const typed = String(cli.args[0]);
        throw new UsageError(`Unknown command "${typed}".${didYouMean(typed, commandNames(cli))}`, 'Run `kitpress --help` to see the commands.');
      }
      cli.outputHelp();
      return 2;
    }
    try {
      await cli.runMatchedCommand();
    } catch (error) {
      throw usageFromCac(error, cli);
    }
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n  hint: ${error.hint}\n`);
      return 2;
    }
    const { printError } = await import('./print.ts');
    return printError(error, typeof cli.options.content === 'string' ? cli.options.content : 'content');
  }
}

function commandNames(cli: ReturnType<typeof cac>): string[] {
  return cli.commands.map((c) => c.name).filter((name) => name && name !== '@@global@@');
}

/** Turns cac's own errors (unknown option, extra argument, missing value) into usage errors. */
function usageFromCac(error: unknown, cli: ReturnType<typeof cac>): unknown {
  if (!(error instanceof Error) || error.name !== 'CACError') return error;
  const command = cli.matchedCommand;
  const where = command ? `kitpress ${command.name} --help` : 'kitpress --help';
  const unknown = /^Unknown option `(.+)`$/.exec(error.message);
  if (unknown) {
    const options = [...(command?.options ?? []), ...cli.globalCommand.options].flatMap((o) => o.names.map((n) => `--${n}`));
    return new UsageError(`Unknown option "${unknown[1]}".${didYouMean(unknown[1]!, [...new Set(options)])}`, `Run \`${where}\` to see the options.`);
  }
  const unused = /^Unused args: (.+)$/.exec(error.message);
  if (unused) {
    const extra = unused[1]!.replaceAll('`', '').split(', ');
    const first = extra[0]!;
    const asCommand = commandNames(cli).includes(first) ? ` "${first}" is a command of its own: run \`kitpress ${first}\`.` : didYouMean(first, commandNames(cli));
    return new UsageError(`"kitpress ${command?.name}" takes no argument, but got ${extra.map((a) => `"${a}"`).join(', ')}.${asCommand}`, `Options start with --; run \`${where}\`.`);
  }
  const missing = /^option `(.+)` value is missing$/.exec(error.message);
  if (missing) return new UsageError(`The option ${missing[1]} needs a value.`, `For example \`${missing[1]!.replace(/<(\w+)>/, 'VALUE')}\`; run \`${where}\`.`);
  return new UsageError(error.message, `Run \`${where}\`.`);
}
