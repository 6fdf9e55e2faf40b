import { describe, expect, it } from 'vitest';
import { rangeCovers } from '../../src/site/fonts.ts';

const sorted = (chars: number[]) => Uint32Array.from(new Set(chars)).sort();

describe('rangeCovers', () => {
  it('says whether a unicode-range holds one of the characters', () => {
    const chars = sorted([0x41, 0x4e2d, 0x6587]);
    expect(rangeCovers('U+4E00-4E2C, U+4E2D', chars)).toBe(true);
    expect(rangeCovers('U+4E00-4E2C', chars)).toBe(false);
    expect(rangeCovers('U+0000-0040', chars)).toBe(false);
    expect(rangeCovers('U+0041', chars)).toBe(true);
    expect(rangeCovers('U+6588-9FFF', chars)).toBe(false);
    expect(rangeCovers('U+6000-6587', chars)).toBe(true);
    expect(rangeCovers('U+0000-FFFF', sorted([]))).toBe(false);
  });

  it('agrees with looking at every character, on random text and ranges', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round += 1) {
      const chars = Array.from({ length: random(50) }, () => random(0x10000));
      const parts = Array.from({ length: 1 + random(5) }, () => {
        const from = random(0x10000);
        const to = from + random(0x800);
        return random(3) === 0 ? [from, from] : [from, to];
      });
      const range = parts.map(([from, to]) => (from === to ? `U+${from!.toString(16)}` : `U+${from!.toString(16)}-${to!.toString(16)}`)).join(', ');
      const expected = chars.some((c) => parts.some(([from, to]) => c >= from! && c <= to!));
      expect(rangeCovers(range, sorted(chars))).toBe(expected);
    }
  });
});
