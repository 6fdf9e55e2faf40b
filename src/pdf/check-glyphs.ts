import { createRequire } from 'node:module';
import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import type { FontFamily, Inline, Locale, SourcePosition, Toolkit } from '../core/model.ts';
import { walk, walkInlines } from '../core/walk.ts';
import { fontFiles, fontNames, fontStack } from './font-files.ts';
import { hotlineContacts } from './print-text.ts';

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): GlyphFont };
const opened = new Map<FontFamily, GlyphFont>();

/** Interface strings that appear on printed handouts. */
const PRINTED_UI = ['getHelp', 'pageXofY', 'handoutFooter', 'scanToOpen', 'notes', 'cutAlongLines', 'draftFooter', 'listenFor', 'calloutImportant', 'calloutWorried', 'callPhone', 'textSms'];

function covered(stack: FontFamily[], char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return stack.some((family) => {
    let font = opened.get(family);
    if (!font) opened.set(family, (font = fontkit.openSync(fontFiles[family].regular)));
    return font.hasGlyphForCodePoint(codePoint);
  });
}

/** The text a run of inlines prints, as far as fonts are concerned (hotline numbers included). */
function runText(inlines: readonly Inline[], locale: Locale): string {
  let text = '';
  walkInlines(inlines, (inline) => {
    if (inline.type === 'text' || inline.type === 'code') text += inline.value;
    else if (inline.type === 'hotline') {
      const hotline = locale.hotlines.find((h) => h.id === inline.id);
      if (hotline) text += hotline.label + hotlineContacts(hotline, inline.show, locale.ui).join(' ');
    } else if (inline.type === 'citation') text += locale.sources.find((s) => s.id === inline.id)?.name ?? '';
  });
  return text;
}

/** The families that have a glyph for every one of the characters, best first (the locale's own stack aside). */
function coveringFamilies(chars: string[]): FontFamily[] {
  return (Object.keys(fontFiles) as FontFamily[]).filter((family) => chars.every((char) => covered([family], char)));
}

/**
 * Reports the characters of printed handouts that no embeddable font has: one diagnostic per
 * file and font stack, listing them, at the first place one occurs, with a hint naming a font
 * that covers them. react-pdf would otherwise draw them in a non-embedded Helvetica (garbage).
 */
export function checkGlyphs(toolkit: Toolkit, diagnostics: Diagnostics): void {
  const missing = new Map<string, { chars: string[]; place: SourcePosition; stack: FontFamily[]; locale: Locale }>();
  // Note: a handout's text repeats few characters, so each is looked up once per font stack.
  const known = new Map<string, Map<string, boolean>>();
  const check = (text: string, stack: FontFamily[], place: SourcePosition, locale: Locale) => {
    const stackKey = stack.join(',');
    const printable = known.get(stackKey) ?? new Map<string, boolean>();
    known.set(stackKey, printable);
    for (const char of text) {
      let ok = printable.get(char);
      if (ok === undefined) printable.set(char, (ok = /\s|\u00ad|\u061c|\u200e/.test(char) || covered(stack, char)));
      if (ok) continue;
      const key = `${place.file}\0${stack.join(',')}`;
      const entry = missing.get(key) ?? { chars: [], place, stack, locale };
      missing.set(key, entry);
      if (!entry.chars.includes(char)) entry.chars.push(char);
    }
  };
  for (const locale of toolkit.locales) {
    const pages = locale.pages.filter((page) => page.handout);
    if (pages.length === 0) continue;
    const chrome = fontStack(locale.font);
    const config = { file: 'kitpress.yaml', line: 1, column: 1 };
    check(PRINTED_UI.map((key) => locale.ui[key] ?? '').join(''), chrome, { file: `ui/${locale.code}.yaml`, line: 1, column: 1 }, locale);
    check([toolkit.organisation.name, locale.title, ...locale.hotlines.filter((h) => h.primary).map((h) => h.label)].join(''), chrome, config, locale);
    for (const page of pages) {
      const textLocale = toolkit.locales.find((l) => l.code === page.contentLocale) ?? locale;
      const body = fontStack(textLocale.font);
      check(`${page.title}${page.handout?.title ?? ''}`, chrome, { file: page.file, line: 1, column: 1 }, locale);
      // Each run is checked at its own line (an item's, a point's), nested blocks included.
      walk(page.blocks, {
        enter(block) {
          if (block.type === 'image') check(block.alt, body, block.position, locale);
          else if (block.type === 'hotline-list') check(locale.hotlines.map((h) => `${h.label}${h.description}${h.hours ?? ''}`).join(''), body, block.position, locale);
          else if (block.type === 'source-list') check(locale.sources.map((s) => `${s.name}${s.title ?? ''}`).join(''), body, block.position, locale);
        },
        run: (run) => check(runText(run.inlines, locale), body, run.position, locale),
      });
    }
  }
  for (const { chars, place, stack, locale } of missing.values()) {
    const cover = coveringFamilies(chars)[0];
    diagnostics.report('glyph-missing', { chars, code: locale.code, fonts: stack, cover: cover && { font: cover, name: fontNames[cover] } }, place);
  }
}
