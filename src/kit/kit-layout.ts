import { KitpressError } from '../core/diagnostics/diagnostic.ts';
import type { Locale, Toolkit } from '../core/model.ts';
import type { SiteFile } from './site-files.ts';

/** Names of the files a kit adds at its top folder (besides the licences). */
export const kitPageNames = { start: 'START-HERE.html', neutral: 'neutral.html', zipCheck: 'kit-check.css', checksums: 'SHA256SUMS' } as const;

/** One kit to make: a single locale, or every locale. */
export interface KitPlan {
  /** A locale code, or `all`. */
  id: string;
  /** Locales whose pages and handouts the kit holds. */
  locales: Locale[];
  /** Locale the kit's own pages (start page, neutral page) are written in. */
  ui: Locale;
  /** Name of the kit's one top folder, e.g. `safer-online-en`. */
  top: string;
}

/** The kits of a toolkit: one per locale, then `all`. */
export function planKits(toolkit: Toolkit): KitPlan[] {
  const defaultLocale = toolkit.locales.find((l) => l.isDefault) ?? toolkit.locales[0]!;
  const single = toolkit.locales.map((locale) => ({ id: locale.code, locales: [locale], ui: locale, top: `${toolkit.name}-${locale.code}` }));
  return [...single, { id: 'all', locales: toolkit.locales, ui: defaultLocale, top: `${toolkit.name}-all` }];
}

/**
 * Which site files a kit holds, and where each goes inside the kit's top folder.
 * A single-locale kit of a non-default locale moves that locale's folder to the top,
 * so every kit opens the same way: `index.html` beside `START-HERE.html`.
 */
export function layoutKit(plan: KitPlan, files: SiteFile[]): Map<string, string> {
  const codes = new Set(plan.locales.map((l) => l.code));
  const lift = plan.locales.length === 1 && !plan.locales[0]!.isDefault ? `${plan.locales[0]!.code}/` : '';
  const layout = new Map<string, string>();
  const owners = new Map<string, string>();
  // The source-language PDFs a kit's pages offer for the pages they show untranslated.
  const fallbackPdfs = new Set(plan.locales.flatMap((l) => l.pages.filter((p) => p.fallback && p.handout).map((p) => `pdf/${p.contentLocale}/${p.handout!.file}-`)));
  const offered = (path: string) => [...fallbackPdfs].some((prefix) => path.startsWith(prefix));
  for (const file of files) {
    const { role } = file;
    const wanted = role.kind === 'shared' || ((role.kind === 'page' || role.kind === 'pdf' || role.kind === 'locale-asset') && codes.has(role.locale)) || (role.kind === 'pdf' && offered(file.path));
    if (!wanted) continue;
    const inKit = lift && role.kind !== 'pdf' && file.path.startsWith(lift) ? file.path.slice(lift.length) : file.path;
    const clash = owners.get(inKit);
    if (clash) throw new KitpressError(`The ${plan.id} kit would hold two files at ${inKit}: ${clash} and ${file.path}.`, 'Rename one of the two in the site (a page slug must not match a shared file of the site root).');
    owners.set(inKit, file.path);
    layout.set(file.path, inKit);
  }
  return layout;
}
