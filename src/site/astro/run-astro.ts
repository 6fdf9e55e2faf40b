import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitpressError } from '../../core/diagnostics/diagnostic.ts';
import { siteIntegration } from './integration.ts';

/** The Kitpress folder: where `src/pages` live (Astro's root is a work folder of each build). */
export const astroRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What one Astro build of the site needs. */
export interface AstroBuild {
  /** The toolkit's `siteUrl`. */
  siteUrl: string;
  /** A folder of this build alone: Astro's root and working folder. */
  root: string;
  /** A file of `root` holding the prepared site (a `VirtualSite` as JSON). */
  siteFile: string;
  outDir: string;
}

/** Builds the pages of the site in `siteFile` with Astro into `outDir`; whatever Astro throws becomes a KitpressError. */
export async function runAstro(build: AstroBuild): Promise<void> {
  // Astro would otherwise send anonymous usage data: a build must not talk to the network.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    // Loaded only when a page must be built: a build with every page cached never loads Astro.
    const { build: astroBuild } = await import('astro');
    await astroBuild({
      // Note: the settings come from the integration alone, so `astro build` (astro.config.mjs) gives the same site.
      configFile: false,
      root: build.root,
      srcDir: join(astroRoot, 'src'),
      publicDir: join(build.root, 'public'),
      outDir: build.outDir,
      logLevel: 'warn',
      mode: 'production',
      integrations: [siteIntegration({ siteUrl: build.siteUrl, source: { file: build.siteFile }, workDir: build.root })],
    });
  } catch (error) {
    if (error instanceof KitpressError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitpressError(`The website could not be built: ${reason}`, 'This is most likely a bug in Kitpress, not in your content. Please report it with this message.');
  }
}
