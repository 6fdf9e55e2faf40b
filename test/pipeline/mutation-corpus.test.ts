import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/core/diagnostics/catalogue.ts';
import { fixtures, repoRoot } from '../helpers/paths.ts';
import { kitchenCases } from './corpus/kitchen-cases.ts';
import { minimalCases } from './corpus/minimal-cases.ts';
import { outputCases } from './corpus/output-cases.ts';
import type { Case } from './corpus/spoil.ts';
import { snapshotTree } from './tree-snapshot.ts';

/**
 * The mutation corpus: broken copies of two fixture toolkits (kitchen fire safety, and the minimal
 * one), each run through the real CLI as `check` and then `build` into a copy of a good earlier
 * output. Each case must name its rule at its file:line:col, show no stack trace, and leave the old
 * output byte-identical when the build fails; and `check` must exit 0 exactly when `build` succeeds.
 * Note: one good build per fixture first; every case then builds with the same cache, so a case
 * that check rejects fails at the build's read stage in about a second.
 */

const script = join(repoRoot, 'scripts/kitpress.mjs');
const work = mkdtempSync(join(tmpdir(), 'kitpress-corpus-'));
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bases = {
  kitchen: join(fixtures, 'kitchen-fire'),
  minimal: join(fixtures, 'core', 'minimal', 'content'),
} as const;
type Base = keyof typeof bases;

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs the CLI without blocking, so several cases run at once. */
function kitpress(args: string[], cwd = work): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, KITPRESS_DEBUG: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on('error', (error) => resolve({ code: null, stderr: `${stderr}\n(could not run: ${error.message})` }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const every: Array<{ c: Case; base: Base }> = [...kitchenCases.map((c) => ({ c, base: 'kitchen' as const })), ...minimalCases.map((c) => ({ c, base: 'minimal' as const }))];
// While working on some cases: KITPRESS_CORPUS_ONLY=<a pattern of their names> runs only those.
const only = process.env.KITPRESS_CORPUS_ONLY;
const content = only ? every.filter(({ c }) => new RegExp(only).test(c.name)) : every;
const outputs = only ? outputCases.filter((o) => new RegExp(only).test(o.name)) : outputCases;

/** How each content case ended, filled in by the case tests, read by the property test. */
const verdicts: Array<{ name: string; check: number | null; build: number | null }> = [];
const stack = /^\s+at .+[(:]\d+/m;

beforeAll(async () => {
  // One good build of each fixture: the output every case starts from.
  for (const [base, dir] of Object.entries(bases)) {
    const built = await kitpress(['build', '--quiet', '--content', dir, '--out', join(work, `${base}-out`), '--cache', cache]);
    if (built.code !== 0) throw new Error(`the ${base} fixture does not build:\n${built.stderr}`);
  }
}, 600_000);

describe('the mutation corpus', () => {
  it(`holds at least 80 broken inputs (${every.length} content, ${outputCases.length} output folders)`, () => {
    expect(every.length + outputCases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(every.map(({ c, base }) => `${base} ${c.name}`)).size).toBe(every.length);
  });
});

// Note: the cases run a few at a time (vitest's maxConcurrency); each spawns check, then build.
describe.concurrent('each broken input: check names it at its place, build agrees and leaves the old output alone', () => {
  it.each(content.map(({ c, base }, index) => [`${base}: ${c.name}`, c, base, index] as const))('%s', { timeout: 600_000 }, async (name, c, base, index) => {
    const dir = join(work, `case-${index}`);
    cpSync(bases[base], join(dir, 'content'), { recursive: true });
    c.spoil(join(dir, 'content'));
    const out = join(dir, 'out');
    cpSync(join(work, `${base}-out`), out, { recursive: true });
    const before = snapshotTree(out);
    const check = await kitpress(['check', '--content', 'content', '--cache', cache], dir);
    const build = await kitpress(['build', '--content', 'content', '--out', 'out', '--cache', cache], dir);
    verdicts.push({ name, check: check.code, build: build.code });

    const severity = catalogue[c.rule].severity;
    // The rule, at its place, as `content/file:line:col  severity  message  rule`.
    const lines = check.stderr.split('\n').filter((line) => line.endsWith(`  ${c.rule}`) && line.includes(`  ${severity}  `));
    const places = lines.map((line) => line.slice('content/'.length, line.indexOf('  ')));
    const where = typeof c.at === 'string' ? places.includes(c.at) : places.some((place) => (c.at as RegExp).test(place));
    expect(where, `check gave no ${c.rule} at ${String(c.at)}; it printed:\n${check.stderr}`).toBe(true);
    expect(check.code, check.stderr).toBe(severity === 'error' ? 1 : 0);
    for (const run of [check, build]) {
      expect(run.stderr).not.toMatch(stack);
      expect(run.stderr).not.toContain('a bug in Kitpress');
    }
    // Check predicts the build: same verdict, and a failed build names the same rule at the same place.
    expect(build.code === 0, build.stderr).toBe(check.code === 0);
    if (build.code !== 0) {
      expect(build.code).toBe(1);
      for (const line of lines) expect(build.stderr).toContain(line);
      expect(snapshotTree(out), 'a failed build changed the previous output').toEqual(before);
    } else expect(existsSync(join(out, '.kitpress-output.json'))).toBe(true);
  });

  it.each(outputs.map((o, index) => [o.name, o, index] as const))('output folder: %s is refused and nothing is touched', { timeout: 600_000 }, async (_name, o, index) => {
    const dir = join(work, `output-${index}`);
    mkdirSync(dir);
    cpSync(bases.kitchen, join(dir, 'content'), { recursive: true });
    const caseCache = join(dir, 'cache');
    cpSync(cache, caseCache, { recursive: true });
    const out = o.prepare(dir, join(dir, 'content'), caseCache);
    const check = await kitpress(['check', '--content', join(dir, 'content'), '--cache', caseCache], dir);
    expect(check.code, check.stderr).toBe(0);
    // Taken after the check, which may fill the cache.
    const before = snapshotTree(dir);
    const build = await kitpress(['build', '--content', join(dir, 'content'), '--out', out, '--cache', caseCache], dir);
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toMatch(/Refusing to use .+ as the output folder: /);
    expect(build.stderr).toMatch(o.reason);
    expect(build.stderr).not.toMatch(stack);
    expect(snapshotTree(dir), 'a refused build changed files').toEqual(before);
  });
});

describe('the property', () => {
  it('check exits 0 exactly when build succeeds, for every content case', () => {
    expect(verdicts.length).toBe(content.length);
    const disagree = verdicts.filter((v) => (v.check === 0) !== (v.build === 0));
    const figure = `check and build agree on ${verdicts.length - disagree.length} of ${verdicts.length} content cases`;
    mkdirSync(join(repoRoot, 'test/output'), { recursive: true });
    writeFileSync(join(repoRoot, 'test/output/mutation-corpus.txt'), `${figure}\n`);
    expect(disagree.map((v) => v.name), figure).toEqual([]);
  });
});
