// `astro build` and `astro dev` in the Kitpress folder: the Kitpress integration reads the
// content folder and sets every Astro setting, so this gives the same site as `kitpress build`.
// Pass another content folder with kitpress({ content: '../our-toolkit' }).
import { defineConfig } from 'astro/config';
import { kitpress } from './src/build/astro-integration.ts';

export default defineConfig({
  integrations: [kitpress()],
});
