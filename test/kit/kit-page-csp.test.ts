import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readToolkit } from '../../src/core/read-toolkit.ts';
import { neutralPage } from '../../src/kit/neutral-page.ts';
import { startPage } from '../../src/kit/start-page.ts';
import { planKits } from '../../src/kit/kit-layout.ts';
import { parsePolicy } from '../../src/core/content-security-policy.ts';
import { contentSecurityPolicy, QUICK_EXIT_SCRIPT } from '../../src/site/quick-exit.ts';
import { fixtures } from '../helpers/paths.ts';

/** The policy of a page's CSP meta tag, and the hash of each inline style. */
function pagePolicy(html: string) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  const policy = new Map(parsePolicy((meta?.[1] ?? '').replaceAll('&#39;', "'")));
  return { found: !!meta, policy, styles, scripts: /<script\b/.test(html) };
}

describe("the kit's own pages carry the site's Content-Security-Policy", async () => {
  const { toolkit } = await readToolkit(join(fixtures, 'core', 'minimal', 'content'));
  // The page's links are not what this test checks: every site path is "in the kit" at its own place.
  const everyPath = new (class extends Map<string, string> {
    override get(path: string) {
      return path;
    }
  })();
  const site = new Map(parsePolicy(contentSecurityPolicy(QUICK_EXIT_SCRIPT)));
  const pages = {
    'START-HERE.html': startPage({ toolkit: toolkit!, plan: planKits(toolkit!)[0]!, handouts: [], layout: everyPath }),
    'neutral.html': neutralPage(toolkit!.locales[0]!),
  };
  it.each(Object.entries(pages))('%s', (_name, html) => {
    const { found, policy, styles, scripts } = pagePolicy(html);
    expect(found).toBe(true);
    // Every directive of the site, with the same sources, except scripts (none here) and the inline style's hash.
    expect([...policy.keys()].sort()).toEqual([...site.keys()].sort());
    for (const [name, sources] of site) {
      if (name === 'script-src') expect(policy.get(name)).toEqual(["'none'"]);
      else if (name === 'style-src') expect(policy.get(name)).toEqual([...sources, ...styles]);
      else expect(policy.get(name), name).toEqual(sources);
    }
    expect(styles.length).toBe(1);
    expect(scripts).toBe(false);
  });
});
