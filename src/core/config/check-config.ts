import { decodeText } from '../text-encoding.ts';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { configSchema, type Config } from './schema.ts';
import { RESERVED_LOCALE_CODES } from '../reserved-names.ts';
import { parseYaml, positionOf, validateYaml } from './yaml-source.ts';
import { AA_TEXT, BRAND_PAIRS, contrastRatio } from '../contrast.ts';
import { assetProblem } from '../resolve/check-images.ts';
import { CONFIG_FILE } from './read-config.ts';
import { rememberConfigUrls } from './config-urls.ts';

/** Parses and validates the bytes of `kitpress.yaml` (see `readConfig`); `undefined` on any error. */
export function checkConfig(bytes: Buffer, contentDir: string, diagnostics: Diagnostics): Config | undefined {
  const text = decodeText(bytes, CONFIG_FILE, diagnostics);
  if (text === undefined) return undefined;
  const source = parseYaml(text, CONFIG_FILE, diagnostics, 'config-yaml');
  if (!source) return undefined;
  const config = validateYaml(source, configSchema, diagnostics, 'config-invalid');
  if (!config) return undefined;

  const before = diagnostics.list.length;
  const codes = config.locales.map((l) => l.code);
  if (!codes.includes(config.defaultLocale)) {
    diagnostics.report('config-invalid', `defaultLocale: "${config.defaultLocale}" is not one of the locales (${codes.join(', ')})`, positionOf(source, ['defaultLocale']));
  }
  codes.forEach((code, i) => {
    if ((RESERVED_LOCALE_CODES as readonly string[]).includes(code)) {
      diagnostics.report('config-invalid', `locales.${i}.code: "${code}" is a name Kitpress uses for its own files and kits`, positionOf(source, ['locales', i, 'code']), `Use the language's code (en, es, pt-BR); ${RESERVED_LOCALE_CODES.join(', ')} are reserved.`);
    }
  });
  reportDuplicates(codes, (i) => positionOf(source, ['locales', i, 'code']), 'locale code', diagnostics);
  reportDuplicates(config.hotlines.map((h) => h.id), (i) => positionOf(source, ['hotlines', i, 'id']), 'hotline id', diagnostics);
  reportDuplicates(config.sources.map((s) => s.id), (i) => positionOf(source, ['sources', i, 'id']), 'source id', diagnostics);
  config.hotlines.forEach((hotline, i) => {
    if (!hotline.label[config.defaultLocale]) {
      diagnostics.report('config-invalid', `hotlines.${i}.label: needs a label in the default locale "${config.defaultLocale}"`, positionOf(source, ['hotlines', i, 'label']));
    }
  });
  const files = [
    ...(config.branding.logo ? [{ path: ['branding', 'logo', 'file'], file: config.branding.logo.file, what: 'logo' }] : []),
    ...(config.branding.customCss ? [{ path: ['branding', 'customCss'], file: config.branding.customCss, what: 'stylesheet' }] : []),
  ];
  for (const { path, file, what } of files) {
    const problem = assetProblem(file, contentDir, what);
    if (problem) diagnostics.report(what === 'logo' ? problem.rule : 'config-invalid', `${path.join('.')}: ${problem.message}`, positionOf(source, path), 'Put the file into the assets folder of the content, or correct its name.');
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
  if (diagnostics.list.length !== before) return undefined;
  const urls: Array<{ url: string | undefined; path: PropertyKey[] }> = [
    { url: config.organisation.url, path: ['organisation', 'url'] },
    { url: config.licence.contentUrl, path: ['licence', 'contentUrl'] },
    ...config.hotlines.map((h, i) => ({ url: h.url, path: ['hotlines', i, 'url'] })),
    ...config.sources.map((s, i) => ({ url: s.url, path: ['sources', i, 'url'] })),
  ];
  rememberConfigUrls(config, urls.flatMap(({ url, path }) => (url ? [{ url, key: path.join('.'), position: positionOf(source, path) }] : [])));
  return config;
}

function reportDuplicates(values: string[], where: (i: number) => ReturnType<typeof positionOf>, what: string, diagnostics: Diagnostics): void {
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) diagnostics.report('config-invalid', `The ${what} "${value}" is used twice`, where(i), `Give each ${what} its own value.`);
  });
}
