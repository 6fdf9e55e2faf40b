import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { configSchema, type Config } from './schema.ts';
import { parseYaml, positionOf, validateYaml } from './yaml-source.ts';
import { AA_TEXT, BRAND_PAIRS, contrastRatio } from '../contrast.ts';

/** The configuration file's name inside the content folder. */
export const CONFIG_FILE = 'kitpress.yaml';

/** Reads and validates `kitpress.yaml`; problems are reported, and `undefined` returned on any error. */
export async function readConfig(contentDir: string, diagnostics: Diagnostics): Promise<Config | undefined> {
  let text: string;
  try {
    text = await readFile(join(contentDir, CONFIG_FILE), 'utf8');
  } catch {
    diagnostics.report('config-missing', `No ${CONFIG_FILE} in the content folder`, { file: CONFIG_FILE, line: 0, column: 0 });
    return undefined;
  }
  const source = parseYaml(text, CONFIG_FILE, diagnostics, 'config-yaml');
  if (!source) return undefined;
  const config = validateYaml(source, configSchema, diagnostics, 'config-invalid');
  if (!config) return undefined;

  const before = diagnostics.list.length;
  const codes = config.locales.map((l) => l.code);
  if (!codes.includes(config.defaultLocale)) {
    diagnostics.report('config-invalid', `defaultLocale: "${config.defaultLocale}" is not one of the locales (${codes.join(', ')})`, positionOf(source, ['defaultLocale']));
  }
  reportDuplicates(codes, (i) => positionOf(source, ['locales', i, 'code']), 'locale code', diagnostics);
  reportDuplicates(config.hotlines.map((h) => h.id), (i) => positionOf(source, ['hotlines', i, 'id']), 'hotline id', diagnostics);
  reportDuplicates(config.sources.map((s) => s.id), (i) => positionOf(source, ['sources', i, 'id']), 'source id', diagnostics);
  config.hotlines.forEach((hotline, i) => {
    if (!hotline.label[config.defaultLocale]) {
      diagnostics.report('config-invalid', `hotlines.${i}.label: needs a label in the default locale "${config.defaultLocale}"`, positionOf(source, ['hotlines', i, 'label']));
    }
  });
  const files = [
    ...(config.branding.logo ? [{ path: ['branding', 'logo', 'file'], file: config.branding.logo.file }] : []),
    ...(config.branding.customCss ? [{ path: ['branding', 'customCss'], file: config.branding.customCss }] : []),
  ];
  for (const { path, file } of files) {
    if (!existsSync(join(contentDir, 'assets', file))) diagnostics.report('config-invalid', `${path.join('.')}: there is no file content/assets/${file}`, positionOf(source, path), 'Put the file into the assets folder of the content, or correct its name.');
  }
  for (const key of ['primary', 'accent'] as const) {
    const colour = config.branding[key];
    if (!colour) continue;
    for (const pair of BRAND_PAIRS[key]) {
      const ratio = contrastRatio(colour, pair.with);
      if (ratio < AA_TEXT) {
        diagnostics.report('config-contrast', `branding.${key}: "${colour}" with ${pair.what} (${pair.with}) has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ${AA_TEXT}:1`, positionOf(source, ['branding', key]));
      }
    }
  }
  return diagnostics.list.length === before ? config : undefined;
}

function reportDuplicates(values: string[], where: (i: number) => ReturnType<typeof positionOf>, what: string, diagnostics: Diagnostics): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) diagnostics.report('config-invalid', `The ${what} "${value}" is used twice`, where(i), `Give each ${what} its own value.`);
  });
}
