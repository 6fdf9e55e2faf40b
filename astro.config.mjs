// `astro build` and `astro dev` in the Kitpress folder: the Kitpress integration reads the
// content folder and sets every Astro setting, so this gives the same site as `kitpress build`.
// Pass another content folder with kitpress({ content: '../our-toolkit' }).
import { defineConfig } from 'astro/config';
import { kitpress } from './src/build/astro-integration.ts';

// Kitpress sends nothing anywhere: Astro's usage report is switched off before Astro records it.
// Note: Astro prints its notice about telemetry before it reads this file, once per machine;
// `kitpress build` and `kitpress dev` switch it off before Astro starts, so they never print it.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  integrations: [kitpress()],
});
