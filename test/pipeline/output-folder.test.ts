import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtures } from '../helpers/paths.ts';
import { checkOutputFolder, OUTPUT_MARKER } from '../../src/build/output-guard.ts';
import { swap } from '../../src/build/atomic-output.ts';
import { KitpressError } from '../../src/core/diagnostics/diagnostic.ts';
import { kitpress, startKitpress } from './kitpress-process.ts';
import { snapshotTree, wrongModes } from './tree-snapshot.ts';

const minimal = join(fixtures, 'core', 'minimal', 'content');

/** Whether a process still runs: an ended one nobody has reaped yet (a zombie, state Z) does not. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
const noStackTrace = /^\s+at /m;

/** A folder with a toolkit in `kit/content`, some user files and a project root. */
function makeWork(): string {
  const work = mkdtempSync(join(tmpdir(), 'kitpress-out-'));
  cpSync(minimal, join(work, 'kit', 'content'), { recursive: true });
  mkdirSync(join(work, 'photos'));
  writeFileSync(join(work, 'photos', 'holiday.jpg'), 'not really a photo');
  mkdirSync(join(work, 'repo', '.git'), { recursive: true });
  writeFileSync(join(work, 'repo', 'package.json'), '{"name":"someone-elses-project"}');
  cpSync(minimal, join(work, 'repo', 'content'), { recursive: true });
  mkdirSync(join(work, 'node-project'));
  writeFileSync(join(work, 'node-project', 'package.json'), '{}');
  mkdirSync(join(work, 'git-clone', '.git'), { recursive: true });
  cpSync(minimal, join(work, 'other-toolkit'), { recursive: true });
  writeFileSync(join(work, 'notes.txt'), 'my notes');
  mkdirSync(join(work, 'home', 'me'), { recursive: true });
  writeFileSync(join(work, 'home', 'me', '.profile'), '# mine');
  return work;
}

describe('kitpress build refuses an output folder it did not make, and touches nothing', () => {
  let work: string;
  beforeAll(() => (work = makeWork()));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cases: Array<[string, string, string, string]> = [
    // [case, cwd under work, --out, what the message says]
    ['the content folder', 'kit', 'content', 'it is the content folder'],
    ['a folder inside the content folder', 'kit', 'content/en', 'inside the content folder'],
    ['the folder holding the content (--out .)', 'kit', '.', 'holds the content folder'],
    ['the parent of the current folder (--out ..)', 'kit/content', '..', 'holds the content folder'],
    ['a repository root (--out . in a clone)', 'repo', '.', 'holds the content folder'],
    ['a folder with package.json', 'kit', '../node-project', 'holds package.json'],
    ['a folder with .git', 'kit', '../git-clone', 'holds .git'],
    ['another content folder (kitpress.yaml)', 'kit', '../other-toolkit', 'holds kitpress.yaml'],
    ['a folder of the user\'s files', 'kit', '../photos', 'did not write'],
    ['a file', 'kit', '../notes.txt', 'is a file, not a folder'],
    ['the cache folder', 'kit', 'my-cache', 'it is the cache folder'],
    ['the home folder', 'kit', '../home/me', 'your home folder'],
  ];

  it.each(cases)('refuses %s with exit 1', (_name, cwd, out, says) => {
    const before = snapshotTree(work);
    const content = cwd === 'repo' ? 'content' : join(work, 'kit', 'content');
    const cache = out === 'my-cache' ? 'my-cache' : join(tmpdir(), 'kitpress-unused-cache');
    const run = kitpress(['build', '--content', content, '--out', out, '--cache', cache], { cwd: join(work, cwd), env: { HOME: join(work, 'home', 'me') } });
    expect(run.stderr).toContain('Refusing to use');
    expect(run.stderr).toContain(says);
    expect(run.stderr).toContain('Nothing was changed');
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.stderr).not.toContain('bug');
    expect(run.code).toBe(1);
    expect(snapshotTree(work)).toEqual(before);
  });

  it('refuses the root of the file system', () => {
    expect(() => checkOutputFolder('/', { contentDir: join(work, 'kit', 'content'), cacheDir: join(work, 'cache') })).toThrow(/root of the file system/);
    expect(() => checkOutputFolder('/', { contentDir: join(work, 'kit', 'content'), cacheDir: join(work, 'cache') })).toThrow(KitpressError);
  });

  it('refuses a symlink whose folder is gone', () => {
    symlinkSync(join(work, 'gone'), join(work, 'dangling'));
    expect(() => checkOutputFolder(join(work, 'dangling'), { contentDir: join(work, 'kit', 'content'), cacheDir: join(work, 'cache') })).toThrow(/symbolic link/);
    rmSync(join(work, 'dangling'));
  });

  it('refuses a folder it cannot write beside, with a message and not a bug', () => {
    // Note: root may write into a 0555 folder, so as root a read-only system folder stands in.
    const readOnly = process.getuid?.() === 0 ? '/sys' : join(work, 'locked');
    if (readOnly !== '/sys') {
      mkdirSync(readOnly, { mode: 0o555 });
    }
    const run = kitpress(['build', '--content', join(work, 'kit', 'content'), '--out', join(readOnly, 'kitpress-site'), '--cache', join(work, 'ro-cache')], { cwd: work });
    expect(run.stderr).toContain('read-only or not yours');
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.code).toBe(1);
    expect(existsSync(join(readOnly, 'kitpress-site'))).toBe(false);
  });
});

describe('the swap', () => {
  it('puts the old output back when the new one cannot be moved in', () => {
    const work = mkdtempSync(join(tmpdir(), 'kitpress-swap-'));
    mkdirSync(join(work, 'site'));
    writeFileSync(join(work, 'site', 'index.html'), 'old');
    expect(() => swap(join(work, 'staging-that-vanished'), join(work, 'site'), join(work, '.site.kitpress-old-1'))).toThrow();
    expect(readFileSync(join(work, 'site', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(work)).toEqual(['site']);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('kitpress build owns its output folder', () => {
  let work: string;
  const content = () => join(work, 'kit', 'content');
  const args = (out: string) => ['build', '--content', content(), '--out', out, '--cache', join(work, 'cache')];
  const leftovers = () => readdirSync(work).filter((name) => name.startsWith('.site'));
  beforeAll(() => {
    work = makeWork();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes world-readable files under the umask, and a marker', () => {
    const run = kitpress(args('site'), { cwd: work, umask: '027' });
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.code).toBe(0);
    const marker = JSON.parse(readFileSync(join(work, 'site', OUTPUT_MARKER), 'utf8'));
    expect(marker).toMatchObject({ generator: 'kitpress', content: '../kit/content' });
    expect(wrongModes(join(work, 'site'), 0o640, 0o750)).toEqual([]);
    expect(lstatSync(join(work, 'site')).mode & 0o777).toBe(0o750);
    expect(leftovers()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s removes the staging folder and leaves the old output', async (signal) => {
    const before = snapshotTree(join(work, 'site'));
    // Note: with a warm cache the build can finish before the signal; a cache of its own keeps it busy rendering.
    const build = startKitpress([...args('site').slice(0, -1), join(work, `cache-${signal}`)], work);
    const deadline = Date.now() + 90_000;
    while (!leftovers().some((name) => name.startsWith('.site.kitpress-staging-')) && Date.now() < deadline) await sleep(100);
    expect(leftovers().some((name) => name.startsWith('.site.kitpress-staging-'))).toBe(true);
    await sleep(300);
    build.child.kill(signal);
    const run = await build.done;
    expect(run.code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(run.stderr).toContain('previous output was left as it was');
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(leftovers()).toEqual([]);
    expect(snapshotTree(join(work, 'site'))).toEqual(before);
  });

  it('after a kill, the next build removes the staging folder; a second build waits for the lock; a symlinked --out is followed', async () => {
    const before = snapshotTree(join(work, 'site'));
    const killed = startKitpress(args('site'), work);
    while (!leftovers().some((name) => name.startsWith('.site.kitpress-staging-'))) await sleep(100);
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(leftovers().some((name) => name.startsWith('.site.kitpress-staging-'))).toBe(true);
    // The build runs in a child of the killed process (src/build/tuned-allocator.mjs), which ends
    // itself within about 250 ms: what follows starts once it has (its pid is in the staging folder's name).
    const buildPid = Number(/^\.site\.kitpress-staging-(\d+)-/.exec(leftovers().find((name) => name.startsWith('.site.kitpress-staging-'))!)![1]);
    for (let i = 0; i < 400 && running(buildPid); i += 1) await sleep(50);
    expect(running(buildPid)).toBe(false);
    expect(snapshotTree(join(work, 'site'))).toEqual(before);
    // A staging folder from Kitpress 0.1 (mkdtemp) is removed too.
    mkdirSync(join(work, '.site-building-AbC123'));

    // Another build "holds" the lock: a live process.
    const holder = spawn('sleep', ['120']);
    writeFileSync(join(work, '.site.kitpress-lock'), JSON.stringify({ pid: holder.pid }));
    symlinkSync('site', join(work, 'link'));
    const build = startKitpress(args('link'), work);
    const deadline = Date.now() + 90_000;
    while (!build.stderr().includes('waiting for another build') && Date.now() < deadline) await sleep(100);
    expect(build.stderr()).toContain(`waiting for another build (process ${holder.pid})`);
    await sleep(1000);
    expect(snapshotTree(join(work, 'site'))).toEqual(before);
    holder.kill();
    const run = await build.done;
    expect(run.stderr).not.toMatch(noStackTrace);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/removed \.site\.kitpress-staging-\d+-[0-9a-f]+, left by an interrupted build/);
    expect(lstatSync(join(work, 'link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(work, 'link'))).toBe('site');
    expect(existsSync(join(work, 'site', OUTPUT_MARKER))).toBe(true);
    expect(wrongModes(join(work, 'site'), 0o644, 0o755)).toEqual([]);
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
