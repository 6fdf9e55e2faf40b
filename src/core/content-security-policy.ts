import { createHash } from 'node:crypto';

/** A Content-Security-Policy as an ordered list of directives and their sources. */
export type Policy = [name: string, sources: string[]][];

/** The CSP source that allows one inline script or style by its content: `'sha256-…'`. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of every page Kitpress writes, the site's and the kit's own: everything
 * from this site only, no plugins, no other origins. Only the script and style sources differ
 * between pages, so they are the arguments. Note: `'self'` also matches file: URLs when a page is
 * opened from disk in Chromium and Firefox.
 */
export function pagePolicy(scriptSrc: string[], styleSrc: string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    `style-src ${styleSrc.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Splits a policy at `;` into directives, each at whitespace into its name and sources. */
export function parsePolicy(text: string): Policy {
  return text
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!.toLowerCase(), sources]);
}

/** Writes a policy back as text. */
export function formatPolicy(policy: Policy): string {
  return policy.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}
