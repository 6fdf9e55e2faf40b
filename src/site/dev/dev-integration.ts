import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { writeFonts } from '../fonts.ts';
import { BRAND_CSS, brandStylesheet } from '../chrome.ts';
import type { Toolkit } from '../../core/model.ts';
import { writeFile } from 'node:fs/promises';
import { siteIntegration } from '../astro/integration.ts';
import { RESOLVED_VIRTUAL_SITE_ID } from '../astro/virtual-site.ts';
import { basePath } from '../urls.ts';
import { createDevSession, type DevSession, type Printer } from './dev-session.ts';
import { previewHandout } from './handout-preview.ts';

/** Options of the live preview. */
export interface DevOptions {
  contentDir: string;
  cacheDir: string;
  /** Where the terminal report goes (default stderr). */
  print?: Printer;
  /** How the content folder is named in messages (default: as given). */
  contentLabel?: string;
  /** Called after each reload with how long the re-read took. */
  onReload?: (result: { ok: boolean; ms: number; file: string }) => void;
}

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.avif': 'image/avif' };

/**
 * The live preview as an Astro integration: the site integration, fed by a dev session that
 * re-reads the content on every edit, plus the files a build would write (fonts, images,
 * handouts rendered on demand). A broken edit prints its problems and shows them on the page;
 * the server keeps running and keeps the last good pages.
 */
export async function devIntegration(options: DevOptions): Promise<{ integration: AstroIntegration; siteUrl: string }> {
  const print = options.print ?? ((text: string) => process.stderr.write(`${text}\n`));
  const label = options.contentLabel ?? relative(process.cwd(), options.contentDir) ?? 'content';
  const session = await createDevSession(options.contentDir, print, label || '.');
  const workDir = join(options.cacheDir, 'dev');
  const staticDir = join(workDir, 'static');
  const files = servedFiles(staticDir);
  await files.update(session.toolkit);
  const integration = siteIntegration({
    siteUrl: session.toolkit.siteUrl,
    workDir,
    source: { current: () => session.site },
    plugins: [devServerPlugin(session, options, files, print)],
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The pages live in the Kitpress folder, Astro's root is the work folder: Vite may serve both.
        // Note: kitpress.yaml is not an Astro watch file, which would restart the server; the session re-reads it.
        updateConfig({ vite: { server: { fs: { allow: [join(import.meta.dirname, '../../..'), workDir, options.contentDir] } } } });
      },
    },
  });
  return { integration, siteUrl: session.toolkit.siteUrl };
}

function devServerPlugin(session: DevSession, options: DevOptions, files: ServedFiles, print: Printer): Plugin {
  const staticDir = files.dir;
  const base = basePath(session.toolkit.siteUrl);
  const contentDir = normalize(options.contentDir);
  return {
    name: 'kitpress:dev-server',
    configureServer(server) {
      server.watcher.add(contentDir);
      let timer: NodeJS.Timeout | undefined;
      let changed = '';
      server.watcher.on('all', (_event, file) => {
        if (!normalize(file).startsWith(contentDir + sep)) return;
        changed = file;
        clearTimeout(timer);
        // Editors write a file in several steps: wait for the last.
        timer = setTimeout(() => void reload(server, session, changed, options, print, files), 30);
      });
      server.middlewares.use(async (req, res, next) => {
        try {
          // Note: Astro's base middleware may already have cut the base path from req.url.
          const raw = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
          const path = decodeURIComponent(new URL(raw, 'http://x').pathname);
          if (!path.startsWith(base)) return next();
          const inSite = path.slice(base.length);
          if (inSite.startsWith('pdf/') && inSite.endsWith('.pdf')) {
            const pdf = await previewHandout(session.toolkit, inSite, contentDir, options.cacheDir);
            if (!pdf) return next();
            res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.bytes.byteLength, 'cache-control': 'no-cache' });
            return res.end(Buffer.from(pdf.bytes));
          }
          const file = inSite.startsWith('fonts/') || inSite === BRAND_CSS ? safeJoin(staticDir, inSite) : inSite.startsWith('assets/') ? safeJoin(join(contentDir, 'assets'), inSite.slice('assets/'.length)) : undefined;
          if (!file) return next();
          const info = await stat(file).catch(() => undefined);
          if (!info?.isFile()) return next();
          res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-cache' });
          createReadStream(file).pipe(res);
        } catch (error) {
          print(`error: ${error instanceof Error ? error.message : String(error)}`);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('Kitpress could not make this file; the terminal says why.');
        }
      });
    },
  };
}

async function reload(server: ViteDevServer, session: DevSession, file: string, options: DevOptions, print: Printer, files: ServedFiles): Promise<void> {
  try {
    const before = basePath(session.toolkit.siteUrl);
    const result = await session.reload();
    if (basePath(session.toolkit.siteUrl) !== before) print('note: site.url changed its path; restart the dev server to serve under the new one.');
    await files.update(session.toolkit);
    invalidateSite(server);
    print(`re-read ${relative(options.contentDir, file)} in ${result.ms.toFixed(0)} ms; the browser reloads`);
    options.onReload?.({ ...result, file });
  } catch (error) {
    // Never let a failed re-read end the server: say it, and keep the last pages.
    print(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Makes the pages import the new site on their next render, and tells the browser to reload.
 * Only the virtual module is loaded again; the pages that import it are evaluated again from
 * their compiled code (compiling the .astro files again would take most of a reload).
 */
function invalidateSite(server: ViteDevServer): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const start = environment.moduleGraph.getModuleById(RESOLVED_VIRTUAL_SITE_ID);
    if (!start) continue;
    environment.moduleGraph.invalidateModule(start, undefined, timestamp, true);
    if (!isRunnableDevEnvironment(environment)) continue;
    // The virtual module and every module that imports it, up to the pages, are evaluated again.
    const seen = new Set<typeof start>();
    const stack = [start];
    while (stack.length) {
      const mod = stack.pop()!;
      if (seen.has(mod)) continue;
      seen.add(mod);
      const evaluated = mod.id ? environment.runner.evaluatedModules.getModuleById(mod.id) : undefined;
      if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
      stack.push(...mod.importers);
    }
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

/** The files the dev server serves beside the pages: the fonts and the branding stylesheet. */
interface ServedFiles {
  dir: string;
  /** Writes what changed since the last call (fonts only when the locales' fonts change). */
  update(toolkit: Toolkit): Promise<void>;
}

function servedFiles(dir: string): ServedFiles {
  let fonts = '';
  let brand: string | undefined;
  return {
    dir,
    async update(toolkit) {
      const families = [...new Set(toolkit.locales.map((l) => l.font))].sort();
      if (families.join() !== fonts) {
        // Every slice of a font cut by the text it prints: the text changes with each edit.
        await writeFonts(dir, families, 'all');
        fonts = families.join();
      }
      const css = brandStylesheet(toolkit) ?? '/* No branding colours. */\n';
      if (css !== brand) {
        await writeFile(join(dir, BRAND_CSS), css);
        brand = css;
      }
    },
  };
}

function safeJoin(root: string, path: string): string | undefined {
  const file = normalize(join(root, path));
  return file.startsWith(normalize(root) + sep) ? file : undefined;
}
