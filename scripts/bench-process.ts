/**
 * Whole-process timing for `npm run bench`: wall time, CPU seconds (user + system, the
 * process and every process it started) and peak RSS, read from GNU time.
 * Note: GNU time counts only the children that were waited for. Chromium's renderer and GPU
 * processes are not waited for by the process that started them (they outlive it, reparented),
 * so GNU time alone counted less than half of Chromium's CPU. Every timed command therefore runs
 * under scripts/bench-reap.pl, a child subreaper that waits for every descendant.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One timed run of a command. */
export interface ProcessTiming {
  wallS: number;
  /** Undefined when GNU time is not installed. */
  cpuS: number | undefined;
  rssMb: number | undefined;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const PERL = '/usr/bin/perl';
const REAP = join(import.meta.dirname, 'bench-reap.pl');

/** Runs `command args` to its end and times it; throws with its stderr when it exits with another code than `exitCode` (default 0). */
export function timeProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; exitCode?: number } = {}): ProcessTiming {
  const scratch = mkdtempSync(join(tmpdir(), 'kitpress-bench-time-'));
  const record = join(scratch, 'time.txt');
  const timed = existsSync(GNU_TIME);
  const reaped = existsSync(PERL) ? [PERL, REAP] : [];
  const start = performance.now();
  const run = timed
    ? spawnSync(GNU_TIME, ['-f', '%e %U %S %M', '-o', record, ...reaped, command, ...args], { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - start) / 1000;
  try {
    if (run.status !== (options.exitCode ?? 0)) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-3000)}`);
    if (!timed) return { wallS, cpuS: undefined, rssMb: undefined, stderr: run.stderr };
    const [elapsed, user, system, rssKb] = readFileSync(record, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallS: elapsed!, cpuS: user! + system!, rssMb: rssKb! / 1024, stderr: run.stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians of several timings of the same thing. */
export function medianTiming(runs: ProcessTiming[]): { wallS: number; cpuS: number | undefined; rssMb: number | undefined } {
  const cpu = runs.flatMap((r) => (r.cpuS === undefined ? [] : [r.cpuS]));
  const rss = runs.flatMap((r) => (r.rssMb === undefined ? [] : [r.rssMb]));
  return { wallS: median(runs.map((r) => r.wallS)), cpuS: cpu.length ? median(cpu) : undefined, rssMb: rss.length ? Math.max(...rss) : undefined };
}
