import { z } from 'zod';
import { FONT_FAMILIES } from '../model.ts';

/** Text in several languages: a map from locale code to text. */
const localized = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a locale code such as en or es'), z.string().min(1));

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const localeSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a locale code such as en, es or pt-BR'),
  name: z.string().min(1),
  /** BCP 47 tag for `lang` attributes and PDF metadata when it is not the code with its likely script (src/core/language-tag.ts). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as zh-Hans or pt-BR').optional(),
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  font: z.enum(FONT_FAMILIES).default('atkinson-hyperlegible'),
  title: z.string().min(1),
  description: z.string().min(1),
});

const hotlineSchema = z
  .strictObject({
    id: z.string().regex(slugPattern, 'lowercase letters, digits and hyphens'),
    // Note: letters are the keypad's (1-800-CALL-FBI); links dial their digits.
    phone: z.string().regex(/^[0-9+][0-9A-Z ()-]*[0-9A-Z]$/, 'a phone number of digits, spaces and hyphens (keypad letters in capitals)').optional(),
    sms: z.string().regex(/^[0-9+][0-9 -]*$/, 'a number to text').optional(),
    smsBody: z.string().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    primary: z.boolean().default(false),
    label: localized,
    description: localized.optional(),
    hours: localized.optional(),
  })
  .refine((h) => h.phone || h.sms || h.url, { message: 'a hotline needs a phone, sms or url' });

const sourceSchema = z.strictObject({
  id: z.string().regex(slugPattern, 'lowercase letters, digits and hyphens'),
  name: z.string().min(1),
  title: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** When the page at `url` was read (YYYY-MM-DD), so a reader knows how current the fact is. */
  read: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
});

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as # and six hex digits, e.g. "#16324f" (in quotes)');
const assetFile = (example: string) => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, `a file name in content/assets/, e.g. ${example}`).refine((f) => !f.split('/').includes('..'), 'a file inside content/assets/');

/** How an organisation makes the toolkit its own, without editing CSS. */
const brandingSchema = z.strictObject({
  /** Shown in the site header and on the kit's start page; SVG or PNG in content/assets/. */
  logo: z.strictObject({ file: assetFile('logo.svg').refine((f) => /\.(svg|png)$/i.test(f), 'an .svg or .png file'), alt: localized }).optional(),
  /** The header and button colour (white text is drawn on it). */
  primary: hexColour.optional(),
  /** The link colour (drawn on the light page background). */
  accent: hexColour.optional(),
  /** Where "Leave this site" goes, with its words; `false` for topics that do not need it. */
  quickExit: z.union([z.literal(false), z.strictObject({ url: z.url({ protocol: /^https?$/ }), label: localized.optional() })]).optional(),
  /** One more line in every page footer. */
  footer: localized.optional(),
  /** A stylesheet in content/assets/, loaded after the theme, for what these settings do not cover. */
  customCss: assetFile('custom.css').refine((f) => f.endsWith('.css'), 'a .css file').optional(),
});

/** The schema of `kitpress.yaml`. */
export const configSchema = z.strictObject({
  name: z.string().regex(slugPattern, 'lowercase letters, digits and hyphens, e.g. safer-online'),
  // Note: a number (1.2) is read as text; a map or a list is refused, never printed as [object Object].
  version: z.union([z.string().min(1), z.number()]).transform(String),
  date: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
  site: z.strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .refine((u) => !/["'<>`\s\\]/.test(u), 'an address without quotes, angle brackets, spaces or backslashes')
      .refine((u) => !/^https?:\/\/[^/]*@/i.test(u), 'an address without a user name or password (user:pass@)')
      .refine((u) => !/[?#]/.test(u), 'an address without a ?query or #fragment')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  }),
  organisation: z.strictObject({
    name: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }).optional(),
    email: z.email().optional(),
    phone: z.string().optional(),
  }),
  licence: z
    .strictObject({ code: z.string().default('MIT'), content: z.string().default('CC BY 4.0'), contentUrl: z.url({ protocol: /^https?$/ }).optional() })
    .default({ code: 'MIT', content: 'CC BY 4.0' }),
  defaultLocale: z.string(),
  paper: z.array(z.enum(['letter', 'a4'])).min(1).default(['letter', 'a4']),
  locales: z.array(localeSchema).min(1),
  hotlines: z.array(hotlineSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  branding: brandingSchema.default({}),
});

/** The configuration as an author writes it. */
export type ConfigInput = z.input<typeof configSchema>;
/** The configuration after validation and defaults. */
export type Config = z.infer<typeof configSchema>;

/** Front matter of a page. */
export const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
  handout: z
    .strictObject({
      kind: z.enum(['checklist', 'tips', 'conversation']),
      file: z.string().regex(slugPattern, 'lowercase letters, digits and hyphens, e.g. signs-checklist'),
      pages: z.number().int().min(1).max(20),
      title: z.string().min(1).optional(),
    })
    .optional(),
  translation: z
    .strictObject({
      review: z.enum(['draft', 'reviewed']),
      // Note: YAML reads an unquoted all-digit hash as a number; accept it (a lost leading zero only makes it look outdated).
      source: z.coerce.string().regex(/^[0-9a-f]{8,64}$/, 'the version `kitpress translate accept` writes (let the command write it)').optional(),
    })
    .optional(),
  /** Words the wording check may not flag on this page, where they are meant (`lint: { allow: [boys] }`). */
  lint: z.strictObject({ allow: z.array(z.string().min(1)).min(1) }).optional(),
});

/** Front matter after validation. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** An interface strings file (`content/ui/<locale>.yaml`). */
export const uiSchema = z.record(z.string(), z.string());
