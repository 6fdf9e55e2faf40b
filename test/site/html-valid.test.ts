import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDefault } from '../helpers/paths.ts';
import { htmlFiles, runVnu } from './site-tools.ts';

describe('the built default site, checked by the Nu Html Checker', () => {
  it('has no HTML errors on any page', async () => {
    const files = await htmlFiles(builtDefault);
    expect(files.length).toBeGreaterThan(5);
    const errors = await runVnu(files.map((file) => join(builtDefault, file)));
    expect(errors).toEqual([]);
  });
});
