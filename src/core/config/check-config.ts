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
    diagnostics.report('config-invalid', { case: 'default-locale', value: config.defaultLocale, codes }, positionOf(source, ['defaultLocale']));
  }
  codes.forEach((code, i) => {
    if ((RESERVED_LOCALE_CODES as readonly string[]).includes(code)) {
      diagnostics.report('config-invalid', { case: 'reserved-code', index: i, code, reserved: RESERVED_LOCALE_CODES }, positionOf(source, ['locales', i, 'code']));
    }
  });
  reportDuplicates(codes, (i) => positionOf(source, ['locales', i, 'code']), 'locale code', diagnostics);
  reportDuplicates(config.hotlines.map((h) => h.id), (i) => positionOf(source, ['hotlines', i, 'id']), 'hotline id', diagnostics);
  reportDuplicates(config.sources.map((s) => s.id), (i) => positionOf(source, ['sources', i, 'id']), 'source id', diagnostics);
  config.hotlines.forEach((hotline, i) => {
    if (!hotline.label[config.defaultLocale]) {
      diagnostics.report('config-invalid', { case: 'label-missing', index: i, locale: config.defaultLocale }, positionOf(source, ['hotlines', i, 'label']));
    }
  });
  const files = [
    ...(config.branding.logo ? [{ path: ['branding', 'logo', 'file'], file: config.branding.logo.file, what: 'logo' }] : []),
    ...(config.branding.customCss ? [{ path: ['branding', 'customCss'], file: config.branding.customCss, what: 'stylesheet' }] : []),
  ];
  for (const { path, file, what } of files) {
    const problem = assetProblem(file, contentDir, what);
    if (!problem) continue;
    const key = path.join('.');
    if (what === 'logo') diagnostics.report(problem.rule, { ...problem.issue, key }, positionOf(source, path));
    else diagnostics.report('config-invalid', { ...problem.issue, case: 'asset', key }, positionOf(source, path));
  }
  for (const key of ['primary', 'accent'] as const) {
    const colour = config.branding[key];
    if (!colour) continue;
    for (const pair of BRAND_PAIRS[key]) {
      const ratio = contrastRatio(colour, pair.with);
      if (ratio < AA_TEXT) {
        diagnostics.report('config-contrast', { key, colour, against: pair.what, againstColour: pair.with, ratio, needs: AA_TEXT }, positionOf(source, ['branding', key]));
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
    if (values.indexOf(value) !== i) diagnostics.report('config-invalid', { case: 'duplicate', what, value }, where(i));
  });
}
