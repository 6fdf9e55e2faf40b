/**
 * Names Kitpress gives to folders and pages of its own at the site root. A page file or a
 * locale code with one of these names would be overwritten by them, so the reader refuses it.
 */
export const RESERVED_SLUGS = ['pdf', 'kits', 'fonts', 'assets', '_astro', 'js', 'downloads', 'search', '404', 'index'] as const;

/** Kit ids that are not locale codes: `<name>-all.zip` holds every locale. */
export const RESERVED_LOCALE_CODES = ['all', ...RESERVED_SLUGS] as const;
