import { tempDir } from '../helpers/temp-dir.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';

const hook = pathToFileURL(join(repoRoot, 'src/build/typescript-cache.mjs')).href;

/** A project with one TypeScript module, `src/greet.ts`, and a cache folder beside it. */
function project() {
  const root = tempDir('ts-cache');
  mkdirSync(join(root, 'src'));
  const module = join(root, 'src', 'greet.ts');
  const write = (word: string) => writeFileSync(module, `interface Greeting { word: string }\nconst greeting: Greeting = { word: '${word}' };\nconsole.log(greeting.word);\nif (process.env.THROW) throw new Error('from greet');\n`);
  write('hello');
  const cache = join(root, 'cache', 'modules');
  /** Imports the module through the hook, in a process of its own. */
  const run = (env: Record<string, string> = {}, dir = cache, options = '', after = '') =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `import { installTypeScriptCache } from ${JSON.stringify(hook)}; installTypeScriptCache(${JSON.stringify(dir)}, { root: ${JSON.stringify(root)}${options} }); await import(${JSON.stringify(pathToFileURL(module).href)}); ${after}`], { encoding: 'utf8', env: { ...process.env, ...env } });
  const kept = () => readdirSync(cache).filter((f) => f.endsWith('.js'));
  return { root, cache, write, run, kept };
}

describe('installTypeScriptCache', () => {
  it('strips a module once, keeps it, and serves what it kept while the source is the same', () => {
    const { cache, run, kept } = project();
    const first = run();
    expect(first.stdout).toBe('hello\n');
    // Node's notice that stripTypeScriptTypes is experimental is not shown to the person building.
    expect(first.stderr).toBe('');
    expect(kept()).toHaveLength(1);
    const code = readFileSync(join(cache, kept()[0]!), 'utf8');
    expect(code).not.toContain('interface');
    // Types become spaces, so every line and column stays where it was.
    expect(code).toMatch(/^const greeting {11}= \{ word: 'hello' \};$/m);

    // What is kept is what runs: changed in the cache, it is served as it is.
    writeFileSync(join(cache, kept()[0]!), "console.log('served from the cache');\n");
    expect(run().stdout).toBe('served from the cache\n');
  });

  it('strips a changed source again instead of serving the old one', () => {
    const { write, run, kept } = project();
    run();
    write('changed');
    expect(run().stdout).toBe('changed\n');
    expect(kept()).toHaveLength(2);
  });

  it('keeps the line and column of an error in the source', () => {
    const { run } = project();
    run();
    const failed = run({ THROW: '1' });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/greet\.ts:4:\d+/);
  });

  it('with atExit, keeps what it stripped only when the cache folder was made by the time the process ends', () => {
    const { cache, run } = project();
    // A build of content with errors makes no cache folder: nothing is left behind.
    expect(run({}, cache, ', atExit: true').stdout).toBe('hello\n');
    expect(existsSync(join(cache, '..'))).toBe(false);
    // A build that made its cache folder keeps the stripped modules in it.
    run({}, cache, ', atExit: true', `(await import('node:fs')).mkdirSync(${JSON.stringify(join(cache, '..'))});`);
    expect(readdirSync(cache).filter((f) => f.endsWith('.js'))).toHaveLength(1);
  });

  it('still runs the module when the cache folder cannot be written', () => {
    const { root, run } = project();
    // A file where the folder should be: nothing can be made under it, even by root.
    writeFileSync(join(root, 'not-a-folder'), '');
    const blocked = run({}, join(root, 'not-a-folder', 'modules'));
    expect(blocked.status).toBe(0);
    expect(blocked.stdout).toBe('hello\n');
  });
});
