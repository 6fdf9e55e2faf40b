import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import { ContentErrors } from '../site/dev/dev-session.ts';
import { devIntegration } from '../site/dev/dev-integration.ts';
import { astroRoot } from '../site/astro/run-astro.ts';
import { basePath } from '../site/urls.ts';

/** Options of `kitpress dev`. */
export interface DevCommandOptions {
  content: string;
  cache: string;
  port: number;
  host: string;
}

/**
 * Starts the live preview: Astro's dev server on `host` (127.0.0.1), under the site's base
 * path; prints the address; runs until Ctrl+C. Gives the exit code.
 */
export async function runDev(options: DevCommandOptions): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const contentDir = resolve(options.content);
  const cacheDir = resolve(options.cache);
  let preview;
  try {
    preview = await devIntegration({ contentDir, cacheDir, contentLabel: relative(process.cwd(), contentDir) || '.' });
  } catch (error) {
    if (error instanceof ContentErrors) throw new KitpressError('The content has errors, so the preview cannot start.', 'Fix the errors listed above (npm run check), then start it again. Once it runs, a broken edit no longer stops it.', error.diagnostics);
    throw error;
  }
  // Astro's root is a work folder in the cache: Astro writes `.astro/` and Vite's cache there, not into Kitpress.
  const root = join(cacheDir, 'dev', 'root');
  await mkdir(root, { recursive: true });
  const { dev } = await import('astro');
  const server = await dev({
    configFile: false,
    root,
    srcDir: join(astroRoot, 'src'),
    publicDir: join(root, 'public'),
    logLevel: 'warn',
    server: { host: options.host, port: options.port },
    integrations: [preview.integration],
  });
  const base = basePath(preview.siteUrl);
  const url = `http://${options.host}:${server.address.port}${base}`;
  process.stdout.write(`Kitpress preview: ${url}\n  Edit the content and the browser reloads. Stop with Ctrl+C.\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  return 0;
}
