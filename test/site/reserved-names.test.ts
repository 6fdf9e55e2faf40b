import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '../../src/core/reserved-names.ts';
import { SITE_ROOT_FOLDERS } from '../../src/site/build-routes.ts';

describe('reserved names', () => {
  it('the reader refuses a page named like every folder the site makes at its root (js/, search/ were found only by the writer)', () => {
    expect(SITE_ROOT_FOLDERS.filter((name) => !(RESERVED_SLUGS as readonly string[]).includes(name))).toEqual([]);
  });
});
