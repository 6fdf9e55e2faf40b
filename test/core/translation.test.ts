import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { translationStatus } from '../../src/core/translation-status.ts';
import { fixtures, defaultContent } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';

const outdated = join(fixtures, 'translation', 'outdated', 'content');

describe('translations that fall behind their source', () => {
  it('reports a translation whose recorded source hash no longer matches as outdated', async () => {
    const { toolkit, diagnostics } = await readToolkit(outdated);
    const es = toolkit!.locales.find((l) => l.code === 'es')!;
    const home = es.pages.find((p) => p.slug === '')!;
    expect(home.translation).toMatchObject({ review: 'draft', sourceHash: '0123abcd0000', outdated: true });
    const warning = diagnostics.list.find((d) => d.ruleId === 'translation-outdated' && d.place.file === 'es/index.md');
    expect(warning?.message).toContain('0123abcd0000');
    // Reported where the translation records its source, so the author lands on the line to change.
    expect(warning?.place).toEqual({ file: 'es/index.md', line: 7, column: 11 });
    expect(warning?.message).toContain(toolkit!.locales[0]!.pages[0]!.sourceHash);
  });

  it('warns when a translated handout has a different number of items, naming both files and lines', async () => {
    const { diagnostics } = await readToolkit(outdated);
    const warning = diagnostics.list.find((d) => d.ruleId === 'translation-structure');
    expect(warning).toMatchObject({ severity: 'warning', place: { file: 'es/signs.md', line: 9, column: 1 } });
    expect(warning!.message).toContain('2 item(s)');
    expect(warning!.message).toContain('en/signs.md:11');
    expect(warning!.message).toContain('3 item(s)');
  });

  it('builds a missing page at the locale as a fallback in the source language', async () => {
    const { toolkit } = await readToolkit(outdated);
    const es = toolkit!.locales.find((l) => l.code === 'es')!;
    const help = es.pages.find((p) => p.slug === 'help')!;
    expect(help).toMatchObject({ locale: 'es', contentLocale: 'en', fallback: true, title: 'Help' });
    const { diagnostics } = await readToolkit(outdated);
    const notice = diagnostics.list.find((d) => d.ruleId === 'translation-missing');
    expect(notice).toMatchObject({ severity: 'info', place: { file: 'en/help.md', line: 1, column: 1 } });
    expect(notice!.message).toContain('es/help.md');
  });

  it('falls back to the default locale for a missing interface string, and lists it', async () => {
    const { toolkit, uiFiles, diagnostics, builtInUi } = await readToolkit(outdated);
    const es = toolkit!.locales.find((l) => l.code === 'es')!;
    expect(es.ui.home).toBe('Inicio');
    expect(es.ui.next).toBe('Next');
    const status = translationStatus(toolkit!, uiFiles, diagnostics, builtInUi).find((s) => s.code === 'es')!;
    expect(status.missingStrings).toContain('next');
    expect(status.missingStrings).not.toContain('home');
    expect(status.missing).toEqual(['es/help.md']);
    expect(status.outdated.sort()).toEqual(['es/index.md', 'es/signs.md']);
  });

  it('status exits 0 normally and 1 with --strict when there are gaps', () => {
    const plain = runCli(['status', '--content', outdated]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('outdated: es/index.md, es/signs.md');
    expect(plain.stdout).toMatch(/missing interface strings: .*\bnext\b/);
    const strict = runCli(['status', '--strict', '--content', outdated]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('es have gaps');
  });
});

describe('the default content translations', () => {
  it('are current, complete in interface strings, and marked as drafts', async () => {
    const { toolkit, uiFiles, diagnostics, builtInUi } = await readToolkit(defaultContent);
    const statuses = translationStatus(toolkit!, uiFiles, diagnostics, builtInUi).filter((s) => !s.isDefault);
    expect(statuses.map((s) => s.code).sort()).toEqual(['ar', 'es', 'vi', 'zh']);
    for (const status of statuses) {
      expect(status.outdated, status.code).toEqual([]);
      expect(status.missingStrings, status.code).toEqual([]);
      expect(status.structureWarnings, status.code).toBe(0);
      expect(status.handoutsComplete, status.code).toBe(status.handouts);
      expect(status.drafts.length, status.code).toBe(status.translated.length);
    }
    expect(statuses.find((s) => s.code === 'es')!.missing).toEqual([]);
  });

  it('names every language in itself', async () => {
    const { toolkit } = await readToolkit(defaultContent);
    expect(Object.fromEntries(toolkit!.locales.map((l) => [l.code, l.name]))).toEqual({ en: 'English', es: 'Español', ar: 'العربية', vi: 'Tiếng Việt', zh: '简体中文' });
    expect(toolkit!.locales.find((l) => l.code === 'ar')!.dir).toBe('rtl');
  });
});
