import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { basePath } from '../urls.ts';
import { ASTRO_SETTINGS } from './astro-settings.ts';
import { resolveFromKitpress } from './resolve-from-kitpress.ts';
import { virtualSitePlugin, type SiteSource } from './virtual-site.ts';

/** What the site integration needs: the site's address, the pages, and where Astro may work. */
export interface SiteIntegrationOptions {
  /** The toolkit's `siteUrl`. */
  siteUrl: string;
  /** Gives the prepared site each time the pages ask for it. */
  source: SiteSource;
  /** A folder of this run alone where Astro writes its working files (caches, the bundle it prerenders from). */
  workDir: string;
  /** More Vite plugins (the dev server adds its own). */
  plugins?: import('vite').PluginOption[];
  /** More Astro hooks (the dev server and `astro build` add theirs). */
  hooks?: AstroIntegration['hooks'];
}

/**
 * The Kitpress site as an Astro integration: it sets the site address and base path, the
 * shared settings, and a Vite plugin serving the prepared pages as `virtual:kitpress/site`.
 * Astro's working files go into `workDir`, never into the Kitpress folder.
 */
export function siteIntegration(options: SiteIntegrationOptions): AstroIntegration {
  const { siteUrl, source, workDir } = options;
  const extra = options.hooks ?? {};
  return {
    name: 'kitpress',
    hooks: {
      ...extra,
      'astro:config:setup': async (params) => {
        await mkdir(workDir, { recursive: true });
        params.updateConfig({
          ...ASTRO_SETTINGS,
          site: siteUrl,
          base: basePath(siteUrl),
          cacheDir: pathToFileURL(join(workDir, 'cache/')),
          build: { ...ASTRO_SETTINGS.build, server: pathToFileURL(join(workDir, 'server/')) },
          vite: { ...ASTRO_SETTINGS.vite, cacheDir: join(workDir, 'vite'), plugins: [resolveFromKitpress(workDir), virtualSitePlugin(source), ...(options.plugins ?? [])] },
        });
        await extra['astro:config:setup']?.(params);
      },
      'astro:config:done': async (params) => {
        // Note: an adapter that keeps the server folder is the only way to tell Astro where to put
        // the bundle it prerenders from; without one, that goes into `.astro/` of the working folder.
        params.setAdapter({
          name: 'kitpress-static',
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static', preserveBuildServerDir: true },
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
        await extra['astro:config:done']?.(params);
      },
    },
  };
}
