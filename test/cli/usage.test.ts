import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closest } from '../../src/cli/usage.ts';

const noStackTrace = /^\s+at /m;

describe('a mistyped command line is a usage error (exit 2), never "a bug"', () => {
  const cases: Array<[string[], RegExp]> = [
    [['biuld'], /Unknown command "biuld"\. Did you mean "build"\?/],
    [['chekc'], /Unknown command "chekc"\. Did you mean "check"\?/],
    [['publish'], /Unknown command "publish"\./],
    [['build', 'serve'], /"kitpress build" takes no argument, but got "serve"/],
    [['build', '--watch'], /Unknown option "--watch"/],
    [['build', '--qiuet'], /Unknown option "--qiuet"\. Did you mean "--quiet"\?/],
    [['check', '--contnet', 'x'], /Unknown option "--contnet"\. Did you mean "--content"\?/],
    // Note: `-3` reads as short options; still a usage error, never a build with -3 workers.
    [['build', '--workers', '-3'], /--workers must be a whole number|Unknown option "-3"/],
    [['build', '--workers', 'two'], /--workers must be a whole number, not "two"/],
    [['build', '--workers', '1.5'], /--workers must be a whole number, not "1.5"/],
    [['build', '--out'], /The option --out <dir> needs a value/],
  ];
  it.each(cases)('kitpress %j', (args, message) => {
    const run = runCli(args);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('hint: ');
    expect(run.stderr).not.toContain('bug');
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.code).toBe(2);
  });

  it('suggests only close names', () => {
    expect(closest('biuld', ['build', 'check', 'status'])).toBe('build');
    expect(closest('publish', ['build', 'check', 'status'])).toBeUndefined();
    expect(closest('--qu', ['--quiet', '--out'])).toBe('--quiet');
  });
});

describe('--help and --version do not load the build', () => {
  it.each([['--version'], ['--help'], ['build', '--help']])('kitpress %s', (...args) => {
    const run = spawnSync(process.execPath, ['--import', join(repoRoot, 'test/cli/record-imports.mjs'), join(repoRoot, 'scripts/kitpress.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/kitpress/);
    const imported = run.stderr.split('\n').filter((line) => line.startsWith('imported '));
    // The hook sees the modules, so an empty list would mean the test measures nothing.
    expect(imported.some((line) => line.includes('src/cli/main.ts'))).toBe(true);
    const heavy = imported.filter((line) => /node_modules\/(astro|@react-pdf|remark-|unified|retext-|pdfkit|workbox)|src\/(build\/pipeline|core\/read-toolkit|pdf|site|kit)\//.test(line));
    expect(heavy).toEqual([]);
  });
});

describe('--quiet', () => {
  it('check --quiet prints no reading grades and no info lines', () => {
    const run = runCli(['check', '--quiet', '--content', join(repoRoot, 'content'), '--cache', join(repoRoot, 'test/output/cache')]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Reading level');
    expect(run.stderr).not.toContain('Laid out');
    expect(run.stderr).not.toMatch(/ {2}info {2}/);
  });
});
