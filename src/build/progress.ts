/** Prints one line per build stage with how long it took. */
export interface Progress {
  /** Runs a stage, printing `name ... 1.23 s` when it ends. */
  stage<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** A detail line under the current stage. */
  info(message: string): void;
}

/** Progress on a stream (stderr by default); `quiet` prints nothing. */
export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WritableStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const write = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  return {
    async stage(name, run) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const result = await run();
      const used = process.cpuUsage(cpu);
      write(`${name.padEnd(28, ' ')} ${((performance.now() - start) / 1000).toFixed(2)} s${process.env.KITPRESS_STAGE_CPU ? `  ${((used.user + used.system) / 1e6).toFixed(2)} CPU-s` : ''}`);
      return result;
    },
    info: (message) => write(`  ${message}`),
  };
}
