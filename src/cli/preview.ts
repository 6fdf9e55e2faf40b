import { resolve } from 'node:path';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { startPreviewServer } from '../site/preview-server.ts';

/** Serves a built site (`kitpress preview`) under its base path on 127.0.0.1 until Ctrl+C; gives the exit code. */
export async function runPreview(options: { out: string; port: number; host: string }): Promise<number> {
  let server;
  try {
    server = await startPreviewServer(resolve(options.out), { host: options.host, port: options.port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new KitpressError(`Port ${options.port} is in use.`, 'Pick another with --port, or --port 0 for any free port.');
    throw new KitpressError(`There is no built site in ${options.out}.`, 'Build it first with `kitpress build` (or give the folder with --out).');
  }
  process.stdout.write(`Kitpress preview of ${options.out}: ${server.url}\n  Served as a host should: base path, CSP and caching headers. Stop with Ctrl+C.\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await server.close();
  return 0;
}
