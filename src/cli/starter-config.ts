import { FONT_FAMILIES, type FontFamily } from '../core/model.ts';

/** What `kitpress init` asks: the toolkit's title, the organisation and the languages (source first). */
export interface StarterAnswers {
  title: string;
  org: string;
  locales: string[];
}

/** Languages the starter knows by name, direction and font; any other code gets a placeholder to fix. */
const KNOWN: Record<string, { name: string; dir: 'ltr' | 'rtl'; font: FontFamily; title?: string; description?: string }> = {
  en: { name: 'English', dir: 'ltr', font: 'atkinson-hyperlegible' },
  es: { name: 'Español', dir: 'ltr', font: 'atkinson-hyperlegible', title: 'Preparados para un apagón', description: 'Una guía breve para prepararse para un apagón en casa.' },
  fr: { name: 'Français', dir: 'ltr', font: 'atkinson-hyperlegible' },
  de: { name: 'Deutsch', dir: 'ltr', font: 'atkinson-hyperlegible' },
  pt: { name: 'Português', dir: 'ltr', font: 'atkinson-hyperlegible' },
  ar: { name: 'العربية', dir: 'rtl', font: 'noto-sans-arabic' },
  vi: { name: 'Tiếng Việt', dir: 'ltr', font: 'noto-sans' },
  zh: { name: '简体中文', dir: 'ltr', font: 'noto-sans-sc' },
};

/** A name for kit files from the title: lowercase letters, digits and hyphens. */
export function slugOf(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return slug || 'our-toolkit';
}

const quote = (text: string) => JSON.stringify(text);

/** The starter's `kitpress.yaml`: the required keys first, each with a comment saying what it is. */
export function starterConfig(answers: StarterAnswers, today = new Date().toISOString().slice(0, 10)): string {
  const [source] = answers.locales;
  const locales = answers.locales.map((code, i) => {
    const known = KNOWN[code];
    const title = i === 0 || !known?.title ? answers.title : known.title;
    const description = i === 0 || !known?.description ? 'A short guide to getting ready for a power cut at home.' : known.description;
    return `  - code: ${code}
    name: ${quote(known?.name ?? code)}${known ? '' : '          # To do: the language named in itself, e.g. Français'}
    dir: ${known?.dir ?? 'ltr'}                       # ltr, or rtl for Arabic, Hebrew, Persian, Urdu
    font: ${known?.font ?? 'noto-sans'}${known ? '' : `                # one of: ${FONT_FAMILIES.join(', ')}`}
    title: ${quote(title)}
    description: ${quote(description)}`;
  });
  return `# Kitpress configuration: everything about the toolkit that is not a page.
# docs/authoring.md lists every key. Run \`kitpress check\` after each edit.

# ---- Required ---------------------------------------------------------------

# A short name for file names (lowercase letters, digits and hyphens).
name: ${slugOf(answers.title)}
# The version and date printed on every handout.
version: "0.1"
date: ${today}

site:
  # Where the website will be hosted. A sub-path such as /toolkit/ is fine:
  # every link and the dev server use it.
  url: https://example.org/${slugOf(answers.title)}/

organisation:
  name: ${quote(answers.org)}
  # url: https://example.org/
  # email: hello@example.org

# The language pages are written in first; others translate it.
defaultLocale: ${source}

# One entry per language. A page missing in a language shows the
# ${source} page with a notice, so you can translate one page at a time.
locales:
${locales.join('\n')}

# ---- Optional ---------------------------------------------------------------

# Paper sizes of the PDF handouts: letter, a4 or both.
paper: [letter, a4]

# Services to contact. Numbers and addresses live ONLY here; pages name them
# as :hotline[id]. This one is a placeholder: replace it with a real service.
hotlines:
  - id: helpline
    url: https://example.org/help
    primary: true                 # shown in the help box and on every handout
    label:
      ${source}: Example helpline (replace with a real service)
    description:
      ${source}: A placeholder. Put the name, number and hours of a real service here.

# Where facts come from; pages cite them as :cite[id].
sources: []

licence:
  code: MIT
  content: CC BY 4.0

# Your organisation's look, without editing CSS (files go in assets/).
# \`kitpress check\` says when a colour is too light for its text.
# branding:
#   logo:
#     file: logo.svg              # SVG or PNG in assets/
#     alt:
#       ${source}: ${answers.org}
#   primary: "#16324f"            # header and buttons; white text on it
#   accent: "#0a4d99"             # links, on the light page
#   quickExit: false              # or url: https://... and label:, for where "Leave this site" goes
#   footer:
#     ${source}: One more line in every page footer.
#   customCss: custom.css         # loaded after the theme
`;
}
