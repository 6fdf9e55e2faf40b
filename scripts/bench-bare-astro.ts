/**
 * The anchor for the site: a bare Astro project with the same pages (each built page's
 * `<main>` text and its stylesheet), made in a temporary folder and built with the same Astro.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';

const repoRoot = join(import.meta.dirname, '..');

/** The Astro command line of the installed Astro. */
export const astroBin = join(repoRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * Writes a bare Astro project into `dir` from a built Kitpress site: one `.astro` page per
 * built page (its title, language and `<main>`), and the site's stylesheets in one file.
 * Gives the number of pages.
 */
export async function makeBareAstro(builtSite: string, dir: string): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const css = (await glob('_astro/*.css', { cwd: builtSite })).sort().map((f) => readFileSync(join(builtSite, f), 'utf8'));
  writeFileSync(join(dir, 'src/site.css'), css.join('\n'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', trailingSlash: 'always', cacheDir: './.astro-cache', build: { format: 'directory' }, compressHTML: true, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare-astro", "private": true, "type": "module" }\n');
  const pages = (await glob('**/*.html', { cwd: builtSite, ignore: ['kits/**', 'pdf/**'] })).sort();
  for (const page of pages) {
    const html = readFileSync(join(builtSite, page), 'utf8');
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
    const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'en';
    const route = page === '404.html' ? '404.astro' : page.replace(/index\.html$/, 'index.astro');
    const file = join(dir, 'src/pages', route);
    mkdirSync(dirname(file), { recursive: true });
    const depth = route.split('/').length - 1;
    const cssImport = `${'../'.repeat(depth + 1)}site.css`;
    writeFileSync(file, `---\nimport '${cssImport}';\nconst title = ${JSON.stringify(title)};\nconst main = ${JSON.stringify(main)};\n---\n<html lang=${JSON.stringify(lang)}><head><meta charset="utf-8"><title>{title}</title></head><body><main set:html={main}></main></body></html>\n`);
  }
  return pages.length;
}
