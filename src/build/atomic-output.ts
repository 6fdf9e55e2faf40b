import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod, readdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { checkOutputFolder, makeMarker, OUTPUT_MARKER, readMarker } from './output-guard.ts';
import { lockOutput } from './output-lock.ts';
import { onInterrupt } from './interrupt.ts';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';

/** A staging folder beside the output; `commit` swaps it in, `discard` removes it. */
export interface Staging {
  dir: string;
  /** The real output folder the staging folder replaces. */
  target: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** What the staging folder needs to know to protect the user's folders. */
export interface StagingOptions {
  contentDir: string;
  cacheDir: string;
  /** Written into the marker file. */
  version: string;
  /** Told when another build holds the lock and this one waits. */
  onWait?: (pid: number) => void;
  /** Told when a folder left by an interrupted build is cleaned up. */
  onCleanup?: (message: string) => void;
}

/**
 * Checks `--out` (see output-guard.ts), takes its lock, removes what killed builds left, and
 * creates a staging folder next to the real output (same file system, so the swap is a rename).
 * A failed or interrupted build discards it; the previous output is never touched.
 */
export async function createStaging(outDir: string, options: StagingOptions): Promise<Staging> {
  const first = checkOutputFolder(outDir, options);
  const names = siblingNames(first.target);
  const lock = await writable(first.parent, async () => {
    mkdirSync(first.parent, { recursive: true });
    return lockOutput(names.lock, { onWait: options.onWait });
  });
  let dropInterrupt = onInterrupt(() => lock.release());
  try {
    recoverAndClean(first.target, names, options.onCleanup);
    // Checked again under the lock: another build may have swapped meanwhile.
    const { target } = checkOutputFolder(outDir, options);
    const dir = `${names.staging}${process.pid}-${randomBytes(4).toString('hex')}`;
    // Note: not mkdtemp, which makes the folder 0700; mkdir applies the user's umask (0755 usually).
    mkdirSync(dir, { mode: 0o777 });
    const interrupted = () => {
      rmSync(dir, { recursive: true, force: true });
      lock.release();
    };
    dropInterrupt();
    dropInterrupt = onInterrupt(interrupted);
    const done = () => {
      dropInterrupt();
      lock.release();
    };
    return {
      dir,
      target,
      async commit() {
        try {
          writeFileSync(join(dir, OUTPUT_MARKER), `${JSON.stringify(makeMarker(target, options.contentDir, options.version), null, 2)}\n`);
          await normaliseModes(dir);
          checkOutputFolder(outDir, options);
          const old = `${names.old}${process.pid}`;
          swap(dir, target, old);
          done();
          await rm(old, { recursive: true, force: true });
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          done();
          throw error;
        }
      },
      async discard() {
        await rm(dir, { recursive: true, force: true });
        done();
      },
    };
  } catch (error) {
    dropInterrupt();
    lock.release();
    throw error;
  }
}

/** Runs `run`, turning "not allowed to write here" into a message about the output folder. */
async function writable<T>(parent: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new KitpressError(`Cannot write the output: the folder ${parent} is read-only or not yours (${code}). Nothing was changed.`, 'Choose an output folder you are allowed to write to, for example `--out dist` in your own folder.');
    }
    throw error;
  }
}

/**
 * Puts `dir` at `target` (exported for its test), moving the old output to `old` first. Both renames are synchronous,
 * so no signal handler runs between them; if the second fails, the old output is put back.
 * Note: Node has no rename-exchange; a SIGKILL between the two renames leaves the old output
 * at `old`, and the next build puts it back (recoverAndClean).
 */
export function swap(dir: string, target: string, old: string): void {
  const exists = statSafe(target) !== undefined;
  if (exists) renameSync(target, old);
  try {
    renameSync(dir, target);
  } catch (error) {
    if (exists) renameSync(old, target);
    throw error;
  }
}

/** The names of the lock, staging and old folders that belong to one output folder. */
function siblingNames(target: string) {
  const base = join(target, '..', `.${basename(target)}.kitpress-`);
  return { lock: `${base}lock`, staging: `${base}staging-`, old: `${base}old-`, prefix: `.${basename(target)}.kitpress-`, legacy: `.${basename(target)}-building-` };
}

/**
 * Under the lock, nothing else builds into this output, so staging and old folders beside it
 * were left by a killed build: put a lost old output back, then remove the rest.
 */
function recoverAndClean(target: string, names: ReturnType<typeof siblingNames>, tell?: (message: string) => void): void {
  const parent = join(target, '..');
  const siblings = readdirSync(parent);
  const olds = siblings.filter((name) => name.startsWith(`${names.prefix}old-`));
  if (!statSafe(target)) {
    const lost = olds.map((name) => join(parent, name)).find((path) => readMarker(path));
    if (lost) {
      renameSync(lost, target);
      tell?.(`put back the previous output that an interrupted build had moved aside (${basename(lost)})`);
    }
  }
  for (const name of siblings) {
    const ours = name.startsWith(`${names.prefix}staging-`) || name.startsWith(`${names.prefix}old-`);
    // Kitpress 0.1 staged into `.dist-building-XXXXXX` (mkdtemp): those are ours too.
    const legacy = name.startsWith(names.legacy) && /^[A-Za-z0-9]{6}$/.test(name.slice(names.legacy.length));
    if (!ours && !legacy) continue;
    const path = join(parent, name);
    rmSync(path, { recursive: true, force: true });
    tell?.(`removed ${name}, left by an interrupted build`);
  }
}

/** Gives every file and folder the modes the user's umask allows (0644 and 0755 usually). */
async function normaliseModes(dir: string): Promise<void> {
  const folderMode = statSync(dir).mode & 0o777;
  const fileMode = folderMode & 0o666;
  const walk = async (folder: string): Promise<void> => {
    await chmod(folder, folderMode);
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) await chmod(path, fileMode);
    }
  };
  await walk(dir);
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
