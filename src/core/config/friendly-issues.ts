import type { z } from 'zod';
import leven from 'leven';

/** Examples shown with a message, by key path (`*` for a list index or any key). */
const EXAMPLES: [pattern: string, example: string][] = [
  ['name', 'name: safer-online'],
  ['version', 'version: "1.0"'],
  ['date', 'date: 2026-11-22'],
  ['site.url', 'url: https://example.org/toolkit/'],
  ['organisation.name', 'name: Example Community Network'],
  ['organisation.url', 'url: https://example.org/'],
  ['organisation.email', 'email: hello@example.org'],
  ['defaultLocale', 'defaultLocale: en'],
  ['paper', 'paper: [letter, a4]'],
  ['locales', 'locales:\n  - code: en\n    name: English\n    title: Our toolkit\n    description: What it is for.'],
  ['locales.*.code', 'code: es'],
  ['locales.*.name', 'name: Español'],
  ['locales.*.dir', 'dir: rtl'],
  ['locales.*.font', 'font: noto-sans'],
  ['locales.*.title', 'title: Our toolkit'],
  ['locales.*.description', 'description: A short guide for parents.'],
  ['hotlines.*.id', 'id: helpline'],
  ['hotlines.*.phone', 'phone: 1-800-000-0000'],
  ['hotlines.*.sms', 'sms: "233733"'],
  ['hotlines.*.url', 'url: https://example.org/help'],
  ['hotlines.*.label', 'label:\n  en: Example helpline'],
  ['hotlines.*.label.*', 'en: Example helpline'],
  ['sources.*.id', 'id: example-report'],
  ['sources.*.url', 'url: https://example.org/report'],
  ['branding.primary', 'primary: "#16324f"'],
  ['branding.accent', 'accent: "#0a4d99"'],
  ['branding.logo', 'logo:\n  file: logo.svg\n  alt:\n    en: Example Community Network'],
  ['branding.quickExit', 'quickExit: false   (or url: https://example.org/ and label)'],
  ['title', 'title: Signs to watch for'],
  ['description', 'description: What this page is about, in one sentence.'],
  ['order', 'order: 3'],
  ['handout.kind', 'kind: checklist'],
  ['handout.file', 'file: signs-checklist'],
  ['handout.pages', 'pages: 2'],
  ['translation.review', 'review: draft'],
];

/** What a kind of value is called in a message. */
const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (one "- " item per line, or [a, b])',
  object: 'a group of keys, one per line, indented',
  record: 'a group of keys, one per line, indented',
  date: 'a date (YYYY-MM-DD)',
  literal: 'a fixed value',
};

const matches = (pattern: string, path: readonly PropertyKey[]) => {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === String(path[i]));
};

/** An example for a key, if there is one: `e.g. date: 2026-11-22`. */
export function exampleFor(path: readonly PropertyKey[]): string | undefined {
  const named = path.filter((p) => typeof p === 'string' || typeof p === 'number');
  const hit = EXAMPLES.find(([pattern]) => matches(pattern, named));
  return hit?.[1];
}

function kindOf(expected: string): string {
  return KINDS[expected] ?? expected;
}

/** The keys a schema allows at a path (for "did you mean"). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'nonoptional' || def.type === 'readonly') node = def.innerType;
      else if (def.type === 'pipe') node = def.in;
      else return;
    }
  };
  for (const part of path) {
    unwrap();
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(part)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'union') node = (def.options as unknown[]).find((o) => (o as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'object');
    else return [];
    if (!node) return [];
  }
  unwrap();
  const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** The closest allowed key to a mistyped one, when it is near enough to be a typo. */
export function closestKey(typed: string, allowed: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of allowed) {
    const distance = leven(typed.toLowerCase(), key.toLowerCase());
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/**
 * Turns a zod issue into a sentence an author understands: what the key should hold, and an
 * example. Never zod's own words ("Invalid input", "nonoptional", "record").
 */
export function describeIssue(issue: z.core.$ZodIssue, present: boolean): string {
  const example = exampleFor(issue.path);
  const withExample = (text: string) => (example ? `${text}, e.g. ${example.includes('\n') ? `\n${example}` : example}` : text);
  switch (issue.code) {
    case 'invalid_type':
      if (!present || issue.expected === 'nonoptional') return withExample(`is required: write ${kindOf(issue.expected === 'nonoptional' ? 'string' : issue.expected)} here`);
      return withExample(`should be ${kindOf(issue.expected)}`);
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'regex') return `should be ${issue.message}`;
      if (issue.format === 'url') return withExample('should be a web address starting with https://');
      if (issue.format === 'email') return withExample('should be an e-mail address');
      if (issue.format === 'date') return withExample('should be a date written YYYY-MM-DD');
      return withExample(`is not a valid ${issue.format}`);
    case 'too_small':
      if (issue.origin === 'array') return withExample(`needs at least ${String(issue.minimum)} item(s)`);
      if (issue.origin === 'string') return withExample('must not be empty');
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_union': {
      // The first branch that got past the type says most about what was meant.
      const inner = issue.errors.flat().find((i) => i.code !== 'invalid_type') ?? issue.errors.flat()[0];
      if (inner && !(inner.code === 'invalid_union')) return describeIssue({ ...inner, path: issue.path } as z.core.$ZodIssue, present);
      return withExample('has a value of the wrong kind');
    }
    case 'invalid_key':
      return 'has a key that is not a language code such as en, es or pt-BR';
    case 'invalid_element':
      return withExample('has an item of the wrong kind');
    case 'custom':
      return issue.message && !/^Invalid/.test(issue.message) ? `should be ${issue.message}` : withExample('has a value that is not allowed');
    default:
      return withExample('has a value of the wrong kind');
  }
}
