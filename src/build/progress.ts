/** Prints one line per build stage with how long it took. */
export interface Progress {
  /** Runs a stage, printing `name ... 1.23 s` when it ends. */
  stage<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** A detail line under the current stage. */
  info(message: string): void;
}

/**
 * Samples the whole process's resident memory (worker threads included) every 100 ms while a
 * stage runs; gives the peak seen, in MB, when stopped.
 */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
  };
}

/**
 * Progress on a stream (stderr by default); `quiet` prints nothing. KITPRESS_STAGE_CPU adds each
 * stage's CPU-s (whole process), KITPRESS_STAGE_RSS its peak resident memory (whole process).
 */
export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WritableStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const write = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  return {
    async stage(name, run) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const peak = process.env.KITPRESS_STAGE_RSS ? sampleRss() : undefined;
      const result = await run();
      const used = process.cpuUsage(cpu);
      const cpuText = process.env.KITPRESS_STAGE_CPU ? `  ${((used.user + used.system) / 1e6).toFixed(2)} CPU-s` : '';
      const rssText = peak ? `  ${Math.round(peak())} MB peak` : '';
      write(`${name.padEnd(28, ' ')} ${((performance.now() - start) / 1000).toFixed(2)} s${cpuText}${rssText}`);
      return result;
    },
    info: (message) => write(`  ${message}`),
  };
}
