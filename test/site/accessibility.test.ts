import { describe, expect, it } from 'vitest';
import { builtDefault } from '../helpers/paths.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { htmlFiles, pageAddress, runPa11y } from './site-tools.ts';

describe('the built default site, checked by pa11y-ci (axe and HTML_CodeSniffer, WCAG 2 AA)', () => {
  it('has no accessibility issue on any page', async () => {
    const server = await startStaticServer(builtDefault, '/safer-online/');
    try {
      const urls = (await htmlFiles(builtDefault)).map((file) => pageAddress(server.url, file));
      const issues = await runPa11y(urls);
      expect(issues.map((i) => `${i.url.slice(server.origin.length)} ${i.runner ?? ''} ${i.code}: ${i.message} (${i.selector ?? ''})`)).toEqual([]);
    } finally {
      await server.close();
    }
    // Note: about 1 s a page; the default site now has a search page per locale and every page in ar and vi.
  }, 600_000);
});
