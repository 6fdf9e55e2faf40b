import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleId } from '../../../src/core/diagnostics/catalogue.ts';

/** One broken input: how to spoil a copy of a fixture toolkit, and what the author must be told. */
export interface Case {
  name: string;
  spoil: (dir: string) => void;
  rule: RuleId;
  /** `file:line:col` relative to the content folder; a pattern where the place depends on the layout. */
  at: string | RegExp;
}

/** Adds text (or bytes) at the end of a file. */
export const append = (file: string, text: string | Buffer) => (dir: string) => appendFileSync(join(dir, file), text);

/** Replaces text in a file; a fixture without that text is a broken case, not a pass. */
export const replace = (file: string, from: string | RegExp, to: string) => (dir: string) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the fixture has no ${String(from)} in ${file}`);
  writeFileSync(join(dir, file), next);
};

/** Writes a file (text or bytes), making its folder. */
export const write = (file: string, text: string | Buffer) => (dir: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};

/** Removes a file. */
export const remove = (file: string) => (dir: string) => rmSync(join(dir, file));

/** Writes a file into the content's assets folder. */
export const asset = (name: string, text: string) => write(join('assets', name), text);

/** Runs several spoiling steps in turn. */
export const both = (...steps: Array<(dir: string) => void>) => (dir: string) => steps.forEach((step) => step(dir));

/** A YAML alias bomb: 9^3 copies of two strings from a few lines. */
export const bomb = 'a: &a ["x", "x"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';

/** An SVG document around some markup. */
export const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`;
