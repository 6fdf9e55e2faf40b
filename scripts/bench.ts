/**
 * `npm run bench`: every speed figure of issue 16 with its anchor and ratio, measured side by
 * side in one run (Kitpress and each anchor alternating, medians of BENCH_RUNS runs, default 3):
 * whole-process wall time and CPU seconds (user + system, children included), peak RSS.
 * BENCH_SCALE=0 skips the generated 20-locale content; `--details` adds the older per-writer parts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolkit } from '../src/core/read-toolkit.ts';
import { listHandoutJobs, resolveJob } from '../src/pdf/handout-job.ts';
import { astroBin, makeBareAstro } from './bench-bare-astro.ts';
import { guidePrintList, hasChromium, printList, warmChromiumTimes } from './bench-chromium.ts';
import { kitFontBytes } from './bench-kit-fonts.ts';
import { median, medianTiming, timeProcess, type ProcessTiming } from './bench-process.ts';
import { makeScaleContent } from './bench-scale-content.ts';
import { describeDevReload, devReloadTimes } from './bench-dev-reload.ts';
import { pageUrl } from '../src/pdf/site-url.ts';
import { guidePath } from '../src/core/outputs.ts';
import { warmKitpressTimes } from './bench-warm-handouts.ts';

const repoRoot = join(import.meta.dirname, '..');
const kitpress = join(repoRoot, 'scripts/kitpress.mjs');
const node = process.execPath;
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const root = mkdtempSync(join(tmpdir(), 'kitpress-bench-'));
const rows = {
  // Each row is printed as soon as it is measured, so a long run shows its figures as it goes.
  push(row: string[]): void {
    process.stdout.write(`| ${row.join(' | ')} |\n`);
  },
};
const notes: string[] = [];

const s = (t: { wallS: number; cpuS: number | undefined }) => `${t.wallS.toFixed(2)} s wall, ${t.cpuS === undefined ? 'n/a' : t.cpuS.toFixed(2)} CPU-s`;
const ratio = (a: { wallS: number; cpuS: number | undefined }, b: { wallS: number; cpuS: number | undefined }) =>
  `${(a.wallS / b.wallS).toFixed(2)}x wall, ${a.cpuS && b.cpuS ? (a.cpuS / b.cpuS).toFixed(2) : 'n/a'}x CPU`;
const pct = (a: { wallS: number; cpuS: number | undefined }, b: { wallS: number; cpuS: number | undefined }) =>
  `${((100 * a.wallS) / b.wallS).toFixed(0)}% wall, ${a.cpuS && b.cpuS ? ((100 * a.cpuS) / b.cpuS).toFixed(0) : 'n/a'}% CPU`;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** `kitpress build`, timed, with the progress lines (not --quiet: they say what was redone). */
function build(content: string, out: string, cache: string): ProcessTiming {
  return timeProcess(node, [kitpress, 'build', '--content', content, '--out', out, '--cache', cache]);
}

/** The progress lines of a build that say what was done again and what was reused. */
function redone(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => /^ {2}\S/.test(l) && /rendered|built by|rebuilt|unchanged|from cache|reused|kits?\b.*(zip|rebuilt)/.test(l) && !/ info /.test(l))
    .map((l) => l.trim())
    .join('; ');
}

/** Restores `dir` to a fresh copy of the default content. */
function freshContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(repoRoot, 'content'), dir, { recursive: true });
}

/** Changes the first paragraph of the default locale's first handout page; gives its path. */
function changeOneParagraph(content: string, toolkit: NonNullable<Awaited<ReturnType<typeof readToolkit>>['toolkit']>): string {
  const locale = toolkit.locales.find((l) => l.isDefault)!;
  const page = locale.pages.find((p) => p.handout && !p.fallback)!;
  const file = join(content, page.file);
  const text = readFileSync(file, 'utf8');
  const body = text.indexOf('\n---', 3) + 4;
  const match = /\n\n([A-Z][^\n]+)\n/.exec(text.slice(body));
  if (!match) throw new Error(`No paragraph found in ${page.file}`);
  const at = body + match.index + 2 + match[1]!.length;
  writeFileSync(file, `${text.slice(0, at)} This sentence was added by the bench.${text.slice(at)}`);
  return page.file;
}

process.stdout.write(`| figure | Kitpress | anchor | ratio |\n| --- | --- | --- | --- |\n`);
try {
  const { toolkit } = await readToolkit(join(repoRoot, 'content'));
  if (!toolkit) throw new Error('The default content has errors: run `npm run check`.');
  const jobs = listHandoutJobs(toolkit);
  const content = join(root, 'content');
  freshContent(content);

  // A reference build, for the anchors' pages and stylesheet.
  log('reference build');
  const ref = join(root, 'ref');
  build(content, join(ref, 'out'), join(ref, 'cache'));
  const bare = join(root, 'bare-astro');
  const barePages = await makeBareAstro(join(ref, 'out'), bare);
  const list = join(root, 'print-list.json');
  // What a user would print instead: each handout's web page, and every page each guide holds.
  const guidePages = guidePrintList(toolkit);
  writeFileSync(list, JSON.stringify([...printList(toolkit, jobs), ...guidePages]));
  const chromium = hasChromium();
  if (!chromium) notes.push('Chromium figures skipped: no /usr/bin/chromium (apt-get install chromium).');

  const t = { bare: [] as ProcessTiming[], clean: [] as ProcessTiming[], print: [] as ProcessTiming[], noPdf: [] as ProcessTiming[], noop: [] as ProcessTiming[], edit: [] as ProcessTiming[] };
  let editNote = '';
  let editedFile = '';
  for (let i = 0; i < runs; i += 1) {
    log(`run ${i + 1} of ${runs}`);
    rmSync(join(bare, 'dist'), { recursive: true, force: true });
    rmSync(join(bare, '.astro-cache'), { recursive: true, force: true });
    t.bare.push(timeProcess(node, [astroBin, 'build', '--silent'], { cwd: bare, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }));
    freshContent(content);
    const out = join(root, 'out');
    const cache = join(root, 'cache');
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    t.clean.push(build(content, out, cache));
    if (chromium) t.print.push(timeProcess(node, [join(repoRoot, 'scripts/bench-chromium.ts'), join(ref, 'out'), new URL(toolkit.siteUrl).pathname, list, join(root, 'chromium-pdf')]));
    // Everything but the PDFs: the handouts and facilitator guides from the cache, every other stage from scratch.
    for (const entry of readdirSync(cache)) if (entry !== 'pdf' && entry !== 'guides') rmSync(join(cache, entry), { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    t.noPdf.push(build(content, out, cache));
    t.noop.push(build(content, out, cache));
    editedFile = changeOneParagraph(content, toolkit);
    const edit = build(content, out, cache);
    t.edit.push(edit);
    editNote = redone(edit.stderr);
  }

  const bareT = medianTiming(t.bare);
  const cleanT = medianTiming(t.clean);
  const noPdfT = medianTiming(t.noPdf);
  const noopT = medianTiming(t.noop);
  const editT = medianTiming(t.edit);
  const fmt = `${toolkit.locales.length} locales, ${barePages} site pages, ${jobs.length} handouts`;
  // The anchor prints each handout's web page and the pages of each guide; any other PDF the build writes is named here.
  const builtPdfs = readdirSync(join(ref, 'out', 'pdf'), { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
  const printed = new Set([...jobs.map((job) => `${job.locale}/${resolveJob(toolkit, job).page.handout.file}-${job.paper}.pdf`), ...toolkit.locales.flatMap((l) => toolkit.paper.map((paper) => guidePath(l.code, paper).replace(/^pdf\//, '')))]);
  const others = builtPdfs.filter((file) => !printed.has(file)).sort();
  if (others.length > 0) notes.push(`the Chromium anchor leaves out ${others.length} PDF(s) Kitpress writes: ${others.slice(0, 8).join(', ')}${others.length > 8 ? ', …' : ''}`);
  const guides = toolkit.locales.filter((l) => l.pages.length > 0).length * toolkit.paper.length;
  const anchorPrints = `the ${jobs.length} handouts and the ${guidePages.length} pages of the ${guides} guides`;
  rows.push(['everything but the PDFs (handout and guide PDF caches warm, rest from scratch)', s(noPdfT), `bare astro build of the same ${barePages} pages: ${s(bareT)}`, `${ratio(noPdfT, bareT)} (goal <= 1.5x)`]);
  if (chromium) {
    const printT = medianTiming(t.print);
    const assembled = { wallS: bareT.wallS + printT.wallS, cpuS: bareT.cpuS !== undefined && printT.cpuS !== undefined ? bareT.cpuS + printT.cpuS : undefined };
    rows.push([`clean build (${fmt})`, s(cleanT), `bare astro build + Chromium printing ${anchorPrints} (${s(printT)}): ${s(assembled)}`, `${ratio(cleanT, assembled)} (goal <= 1x)`]);
  } else rows.push([`clean build (${fmt})`, s(cleanT), 'bare astro build (no Chromium)', ratio(cleanT, bareT)]);
  rows.push(['no-op rebuild (nothing changed)', s(noopT), `the clean build`, `${pct(noopT, cleanT)} (goal <= 10%)`]);
  rows.push([`one English paragraph changed (${editedFile})`, s(editT), 'the clean build', `${pct(editT, cleanT)} (goal <= 25%)`]);
  notes.push(`redone after the paragraph change: ${editNote || 'n/a'}`);
  notes.push(`peak RSS: clean build ${cleanT.rssMb?.toFixed(0) ?? 'n/a'} MB, bare astro ${bareT.rssMb?.toFixed(0) ?? 'n/a'} MB`);

  // Handouts, warm, in process: Kitpress's renderer and Chromium's page.pdf() side by side.
  log('warm handouts');
  const warmRuns = 5;
  const ours = await warmKitpressTimes(toolkit, jobs, warmRuns);
  if (chromium) {
    const theirs = await warmChromiumTimes(toolkit, join(ref, 'out'), jobs, warmRuns);
    const faster = ours.filter((ms, i) => ms < theirs.tagged[i]!).length;
    rows.push([
      `one handout, warm, in process (median of ${jobs.length} medians of ${warmRuns})`,
      `${median(ours).toFixed(0)} ms`,
      `Chromium page.pdf() of its web page, warm: ${median(theirs.tagged).toFixed(0)} ms tagged (${median(theirs.plain).toFixed(0)} ms untagged)`,
      `${(median(ours) / median(theirs.tagged)).toFixed(2)}x; faster on ${faster} of ${jobs.length} (goal < 1x)`,
    ]);
  } else rows.push(['one handout, warm, in process', `${median(ours).toFixed(0)} ms`, 'Chromium: skipped (not installed)', '']);

  // Start-up.
  log('start-up');
  const empty = join(root, 'empty');
  mkdirSync(empty);
  const startUp = (args: string[], exitCode = 0) => medianTiming(Array.from({ length: Math.max(3, runs) }, () => timeProcess(node, [kitpress, ...args], { exitCode })));
  const nodeT = medianTiming(Array.from({ length: 3 }, () => timeProcess(node, ['-e', '0'])));
  rows.push(['kitpress --help', s(startUp(['--help'])), `node -e 0: ${s(nodeT)}`, 'goal <= 0.5 s']);
  rows.push(['kitpress --version', s(startUp(['--version'])), '', 'goal <= 0.5 s']);
  rows.push(['kitpress check, start-up (a folder without kitpress.yaml: loads, reads nothing)', s(startUp(['check', '--content', empty], 1)), '', 'goal <= 0.5 s']);
  rows.push(['kitpress check of the default content', s(startUp(['check', '--content', content])), '', '']);

  // Fonts in each kit.
  const kits = readdirSync(join(root, 'out', 'kits')).filter((f) => f.endsWith('.zip')).sort();
  rows.push(['fonts in each kit', kits.map((k) => `${k.replace(/^.*-(\w+)\.zip$/, '$1')} ${(kitFontBytes(join(root, 'out', 'kits', k)) / 1000).toFixed(0)} kB`).join(', '), 'what its pages link', '']);

  // The dev server: one sentence saved, until the page is served with it.
  log('dev server reload');
  freshContent(content);
  {
    const locale = toolkit.locales.find((l) => l.isDefault)!;
    const page = locale.pages.find((p) => p.handout && !p.fallback)!;
    const path = new URL(pageUrl(toolkit, locale, page)).pathname;
    const dev = await devReloadTimes(kitpress, content, join(root, 'dev-cache'), page.file, path, Math.max(5, runs));
    rows.push([`kitpress dev: one sentence of ${page.file} saved`, describeDevReload(dev), '', 'goal <= 1 s']);
  }

  // Scale: generated content, clean builds.
  if (process.env.BENCH_SCALE !== '0') {
    for (const locales of [1, 5, 20]) {
      log(`scale ${locales}x50`);
      const dir = join(root, `scale-${locales}`);
      const pages = makeScaleContent(join(dir, 'content'), locales, 50);
      const run = build(join(dir, 'content'), join(dir, 'out'), join(dir, 'cache'));
      const stages = [...run.stderr.matchAll(/^(\S[\w ]+?)\s{2,}(\d+\.\d+) s$/gm)].map(([, name, secs]) => `${name} ${((1000 * Number(secs)) / pages).toFixed(1)}`).join(', ');
      rows.push([`${locales} x 50 pages (${pages} pages)`, `${((1000 * run.wallS) / pages).toFixed(0)} ms wall/page, ${run.cpuS === undefined ? 'n/a' : ((1000 * run.cpuS) / pages).toFixed(0)} CPU-ms/page, peak ${run.rssMb?.toFixed(0) ?? 'n/a'} MB`, `stages, ms/page: ${stages}`, locales === 20 ? 'goal: linear, <= 800 MB' : '']);
      rmSync(dir, { recursive: true, force: true });
    }
  } else notes.push('scale figures skipped (BENCH_SCALE=0)');

  process.stdout.write(`\nMedians of ${runs} alternating runs; CPU-s = user + system of the process and its children.\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

if (process.argv.includes('--details')) await import('./bench-details.ts');
