import { describe, expect, it } from 'vitest';
import { pluralUi } from '../../src/core/plural.ts';
import { formatBytes } from '../../src/core/format.ts';

describe('interface strings with a count', () => {
  const ui = { pagesCount: '{count} pages', 'pagesCount.one': '{count} page' };
  it('uses the singular form for one and the general form otherwise', () => {
    expect(pluralUi(ui, 'en', 'pagesCount', 1)).toBe('{count} page');
    expect(pluralUi(ui, 'en', 'pagesCount', 2)).toBe('{count} pages');
  });
  it('falls back to the general form for a language without that category', () => {
    expect(pluralUi({ pagesCount: '{count} trang' }, 'vi', 'pagesCount', 1)).toBe('{count} trang');
    expect(pluralUi(ui, 'ar', 'pagesCount', 2)).toBe('{count} pages');
  });
  it('formats file sizes in the reader language', () => {
    expect(formatBytes(34_000, 'en')).toBe('34 kB');
    expect(formatBytes(1_797_000, 'en')).toBe('1.8 MB');
  });
});
