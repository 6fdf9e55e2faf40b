import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endIfParentGone, MALLOC_SETTINGS, wantsTunedChild } from '../../src/build/tuned-allocator.mjs';
import { tempDir } from '../helpers/temp-dir.ts';

const module = pathToFileURL(join(import.meta.dirname, '../../src/build/tuned-allocator.mjs')).href;

/** A command like kitpress.mjs: it runs again in the tuned child, which runs `body`. */
function command(dir: string, body: string): string {
  const script = join(dir, 'command.mjs');
  writeFileSync(
    script,
    `import { wantsTunedChild, runInTunedChild, endWithParent, endIfParentGone } from ${JSON.stringify(module)};
if (wantsTunedChild()) await runInTunedChild(import.meta.filename, process.argv.slice(2));
endWithParent();
${body}
`,
  );
  return script;
}

/** Whether a process still runs: an ended one that nobody has reaped yet (a zombie, state Z) does not. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('a build in a child with a tuned allocator', () => {
  it('runs once, in a child that has the settings and the arguments, and ends with its exit code', () => {
    const script = command(tempDir('kitpress-tuned-'), `process.stdout.write(JSON.stringify({ arena: process.env.MALLOC_ARENA_MAX, mmap: process.env.MALLOC_MMAP_THRESHOLD_, args: process.argv.slice(2) }) + '\\n'); process.exitCode = 3;`);
    const run = spawnSync(process.execPath, [script, 'build', '--out', 'a b'], { encoding: 'utf8', env: { ...process.env, KITPRESS_TUNED_ALLOCATOR: undefined } });
    expect(run.status).toBe(3);
    expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ arena: MALLOC_SETTINGS.MALLOC_ARENA_MAX, mmap: MALLOC_SETTINGS.MALLOC_MMAP_THRESHOLD_, args: ['build', '--out', 'a b'] }]);
  });

  it("keeps an adopter's own setting", () => {
    const script = command(tempDir('kitpress-tuned-'), `process.stdout.write(process.env.MALLOC_ARENA_MAX);`);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, KITPRESS_TUNED_ALLOCATOR: undefined, MALLOC_ARENA_MAX: '1' } });
    expect(run.stdout).toBe('1');
  });

  it('passes SIGTERM on, and ends the child when the command is killed with SIGKILL', async () => {
    const dir = tempDir('kitpress-tuned-');
    const script = command(dir, `process.stdout.write(process.pid + '\\n'); process.on('SIGTERM', () => { process.stdout.write('term\\n'); process.exit(143); }); setInterval(() => {}, 1000);`);
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const parent = spawn(process.execPath, [script], { env: { ...process.env, KITPRESS_TUNED_ALLOCATOR: undefined } });
      let out = '';
      parent.stdout.on('data', (chunk) => (out += chunk));
      const ended = new Promise<number | null>((done) => parent.on('exit', (code) => done(code)));
      while (!/^\d+\n/.test(out)) await new Promise((wait) => setTimeout(wait, 20));
      const child = Number(out.split('\n')[0]);
      expect(child).not.toBe(parent.pid);
      parent.kill(signal);
      const code = await ended;
      if (signal === 'SIGTERM') {
        expect(code).toBe(143);
        expect(out).toContain('term');
      }
      // The child checks every 250 ms; a loaded machine (the whole suite) may take a few seconds more.
      for (let i = 0; i < 200 && alive(child); i += 1) await new Promise((wait) => setTimeout(wait, 50));
      expect(alive(child)).toBe(false);
    }
  });

  it('lets the child stop before its next step once the command was killed, not up to 250 ms later', async () => {
    const dir = tempDir('kitpress-tuned-');
    const go = join(dir, 'go');
    const done = join(dir, 'committed');
    // As a build does before putting its output in place: wait for work to end, check, then commit.
    const script = command(
      dir,
      `import { existsSync, writeFileSync } from 'node:fs';
process.stdout.write(process.pid + '\\n');
while (!existsSync(${JSON.stringify(go)})) await new Promise((wait) => setTimeout(wait, 5));
endIfParentGone();
writeFileSync(${JSON.stringify(done)}, 'yes');`,
    );
    const parent = spawn(process.execPath, [script], { env: { ...process.env, KITPRESS_TUNED_ALLOCATOR: undefined } });
    let out = '';
    parent.stdout.on('data', (chunk) => (out += chunk));
    while (!/^\d+\n/.test(out)) await new Promise((wait) => setTimeout(wait, 20));
    const child = Number(out.split('\n')[0]);
    const ended = new Promise((resolve) => parent.on('exit', resolve));
    parent.kill('SIGKILL');
    await ended;
    writeFileSync(go, '');
    for (let i = 0; i < 200 && alive(child); i += 1) await new Promise((wait) => setTimeout(wait, 50));
    expect(alive(child)).toBe(false);
    expect(existsSync(done)).toBe(false);
    // Outside the tuned child it does nothing.
    endIfParentGone({});
  });

  it('is not wanted again in the child, nor off Linux', () => {
    expect(wantsTunedChild({ KITPRESS_TUNED_ALLOCATOR: '123' }, 'linux')).toBe(false);
    expect(wantsTunedChild({}, 'darwin')).toBe(false);
    expect(wantsTunedChild({}, 'linux')).toBe(true);
  });
});
