import { z } from 'zod';

/** Text in several languages: a map from locale code to text. */
const localized = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a locale code such as en or es'), z.string().min(1));

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const localeSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a locale code such as en, es or pt-BR'),
  name: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  font: z.enum(['atkinson-hyperlegible', 'noto-sans', 'noto-sans-arabic', 'noto-sans-sc']).default('atkinson-hyperlegible'),
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

/** The schema of `kitpress.yaml`. */
export const configSchema = z.strictObject({
  name: z.string().regex(slugPattern, 'lowercase letters, digits and hyphens, e.g. safer-online'),
  version: z.coerce.string(),
  date: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]),
  site: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  }),
  organisation: z.strictObject({
    name: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }).optional(),
    email: z.email().optional(),
    phone: z.string().optional(),
  }),
  licence: z
    .strictObject({ code: z.string().default('MIT'), content: z.string().default('CC BY 4.0'), contentUrl: z.url().optional() })
    .default({ code: 'MIT', content: 'CC BY 4.0' }),
  defaultLocale: z.string(),
  paper: z.array(z.enum(['letter', 'a4'])).min(1).default(['letter', 'a4']),
  locales: z.array(localeSchema).min(1),
  hotlines: z.array(hotlineSchema).default([]),
  sources: z.array(sourceSchema).default([]),
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
});

/** Front matter after validation. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** An interface strings file (`content/ui/<locale>.yaml`). */
export const uiSchema = z.record(z.string(), z.string());
