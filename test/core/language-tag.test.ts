import { describe, expect, it } from 'vitest';
import { languageTag } from '../../src/core/language-tag.ts';

// What a screen reader, a browser's font choice and a PDF reader see as the language of a
// locale: its code, with the script named where the code alone leaves it open.
describe('language tag of a locale', () => {
  it('names the script of Chinese, Simplified by default and Traditional for Taiwan and Hong Kong', () => {
    expect(languageTag('zh')).toBe('zh-Hans');
    expect(languageTag('zh-CN')).toBe('zh-Hans-CN');
    expect(languageTag('zh-TW')).toBe('zh-Hant-TW');
    expect(languageTag('zh-HK')).toBe('zh-Hant-HK');
  });

  it('keeps a code that already names its script, and languages written in one script', () => {
    expect(languageTag('zh-Hant')).toBe('zh-Hant');
    expect(languageTag('en')).toBe('en');
    expect(languageTag('pt-BR')).toBe('pt-BR');
    expect(languageTag('ar')).toBe('ar');
    expect(languageTag('vi')).toBe('vi');
  });

  it('uses the tag the configuration gives', () => {
    expect(languageTag('zh', 'zh-Hant')).toBe('zh-Hant');
    expect(languageTag('sr', 'sr-Latn')).toBe('sr-Latn');
  });
});
