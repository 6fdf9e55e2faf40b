import { describe, expect, it } from 'vitest';
import { allowSource, dropSource } from '../../src/kit/csp.ts';
import { formatPolicy, inlineHash, parsePolicy } from '../../src/core/content-security-policy.ts';
import { buildTime } from '../../src/kit/deterministic-zip.ts';
import { relativeHref, resolveUrl, type LinkScope } from '../../src/kit/resolve-url.ts';
import { rewriteCssUrls } from '../../src/kit/rewrite-css.ts';
import { pageForKit, preparePage, rewriteHtml } from '../../src/kit/rewrite-html.ts';

const siteFiles = ['index.html', 'signs/index.html', 'es/index.html', 'es/signs/index.html', '_astro/site.css', '_astro/font.woff2', 'pdf/en/a-letter.pdf', 'pdf/es/a-letter.pdf', '404.html', 'Mi archivo (ñ).txt'];

/** A Spanish-only kit: es/ is lifted to the top, English stays on the hosted site. */
function spanishScope(): LinkScope {
  const kitFiles = new Map<string, string>([
    ['es/index.html', 'index.html'],
    ['es/signs/index.html', 'signs/index.html'],
    ['_astro/site.css', '_astro/site.css'],
    ['_astro/font.woff2', '_astro/font.woff2'],
    ['pdf/es/a-letter.pdf', 'pdf/es/a-letter.pdf'],
    ['Mi archivo (ñ).txt', 'Mi archivo (ñ).txt'],
  ]);
  return { siteUrl: new URL('https://example.org/safer-online/'), siteFiles: new Set(siteFiles), kitFiles, missing: [] };
}

describe('resolveUrl', () => {
  const href = (url: string, from = 'es/signs/index.html', scope = spanishScope()) => {
    const target = resolveUrl(url, from, scope);
    return target.kind === 'keep' ? `keep ${url}` : `${target.kind} ${target.href}`;
  };

  it('makes root-absolute URLs page-relative, ending pages in index.html', () => {
    expect(href('/safer-online/es/')).toBe('kit ../index.html');
    expect(href('/safer-online/es/signs/#what')).toBe('kit index.html#what');
    expect(href('/safer-online/es/signs')).toBe('kit index.html');
    expect(href('/safer-online/_astro/site.css')).toBe('kit ../_astro/site.css');
    expect(href('/safer-online/_astro/site.css?v=2')).toBe('kit ../_astro/site.css');
    expect(href('../')).toBe('kit ../index.html');
    expect(href('https://example.org/safer-online/es/')).toBe('kit ../index.html');
  });

  it('sends pages the kit does not hold to the hosted site', () => {
    expect(href('/safer-online/')).toBe('hosted https://example.org/safer-online/');
    expect(href('/safer-online/signs/#x')).toBe('hosted https://example.org/safer-online/signs/#x');
    expect(href('/safer-online/pdf/en/a-letter.pdf')).toBe('hosted https://example.org/safer-online/pdf/en/a-letter.pdf');
    expect(href('/safer-online')).toBe('hosted https://example.org/safer-online');
  });

  it('leaves other sites, fragments and non-web schemes alone', () => {
    for (const url of ['https://example.com/x', '#main', 'mailto:a@example.org', 'tel:911', 'data:image/png;base64,AA==', 'javascript:void 0', '']) {
      expect(href(url)).toBe(`keep ${url}`);
    }
    expect(href('//cdn.example.com/x.js')).toBe('hosted https://cdn.example.com/x.js');
    expect(href('/elsewhere/')).toBe('hosted https://example.org/elsewhere/');
  });

  it('encodes file names and collects internal URLs that name nothing', () => {
    expect(href('/safer-online/Mi%20archivo%20(%C3%B1).txt')).toBe(`kit ../${encodeURIComponent('Mi archivo (ñ).txt')}`);
    const scope = spanishScope();
    expect(href('/safer-online/es/nope/', 'es/index.html', scope)).toBe('hosted https://example.org/safer-online/es/nope/');
    expect(scope.missing).toEqual([{ from: 'es/index.html', url: '/safer-online/es/nope/' }]);
  });

  it('computes relative hrefs between kit paths', () => {
    expect(relativeHref('index.html', 'index.html')).toBe('index.html');
    expect(relativeHref('a/b/index.html', 'neutral.html')).toBe('../../neutral.html');
  });
});

describe('rewriteCssUrls', () => {
  const up = (url: string) => (url.startsWith('/') ? `X${url}` : url);

  it('rewrites url() in every form and @import, leaving comments and other strings', () => {
    const css = `@import "/a.css";@import url(/b.css);a{background:url(/c.png)}b{background:URL( '/d.png' )}/* url(/e.png) */c::after{content:"url(/f.png)"}d{src:url(data:font/woff2;base64,AA)}`;
    expect(rewriteCssUrls(css, up)).toBe(`@import "X/a.css";@import url("X/b.css");a{background:url("X/c.png")}b{background:url("X/d.png")}/* url(/e.png) */c::after{content:"url(/f.png)"}d{src:url(data:font/woff2;base64,AA)}`);
  });

  it('quotes what needs quoting and keeps text it does not change byte for byte', () => {
    expect(rewriteCssUrls('a{b:url(/x)}', () => 'my "file".png')).toBe('a{b:url("my \\"file\\".png")}');
    const same = 'a{b:url( x.png )} /* x */ c{d:"e"}';
    expect(rewriteCssUrls(same, (u) => u)).toBe(same);
  });
});

describe('preparePage and pageForKit', () => {
  /** The same page in a kit that holds every locale at the site's own paths. */
  function allScope(): LinkScope {
    return { siteUrl: new URL('https://example.org/safer-online/'), siteFiles: new Set(siteFiles), kitFiles: new Map(siteFiles.map((f) => [f, f])), missing: [] };
  }
  const html =
    '<!doctype html><html><head><link rel="stylesheet" href="/safer-online/_astro/site.css" integrity="sha384-x" crossorigin><style>@font-face{src:url(/safer-online/_astro/font.woff2)}</style></head>' +
    '<body><a href="/safer-online/signs/">English</a><a href="/safer-online/es/">Inicio</a><a data-quick-exit data-neutral-url="https://www.example.com/" href="https://www.example.com/">Salir</a>' +
    '<script type="module" src="/safer-online/_astro/x.js"></script><div style="background:url(/safer-online/_astro/font.woff2)"></div></body></html>';

  it('parses a page once and gives each kit what a fresh rewrite gives it, whatever kit came first', () => {
    const fresh = (scope: LinkScope, neutralHref: string) => rewriteHtml(html, { path: 'es/signs/index.html', scope, neutralHref, dropped: new Set() });
    const prepared = preparePage(html, 'es/signs/index.html');
    const kits = [
      [spanishScope(), '../neutral.html'],
      [allScope(), '../../neutral.html'],
      [spanishScope(), '../neutral.html'],
    ] as const;
    const outs = kits.map(([scope, neutralHref]) => {
      const dropped = new Set<string>();
      const out = pageForKit(prepared, { scope, neutralHref, dropped });
      expect([...dropped]).toEqual(['script /safer-online/_astro/x.js']);
      return out;
    });
    expect(outs[0]).toBe(fresh(spanishScope(), '../neutral.html'));
    expect(outs[1]).toBe(fresh(allScope(), '../../neutral.html'));
    expect(outs[2]).toBe(outs[0]);
    // The Spanish kit sends English to the hosted site; the kit of every locale keeps it inside.
    expect(outs[0]).toContain('<a href="https://example.org/safer-online/signs/">English</a>');
    expect(outs[1]).toContain('<a href="../../signs/index.html">English</a>');
    expect(outs[1]).toContain('href="../../neutral.html">Salir</a>');
    expect(outs[1]).not.toContain('integrity');
  });
});

describe('rewriteHtml', () => {
  const page = (html: string, path = 'es/signs/index.html') => {
    const dropped = new Set<string>();
    const scope = spanishScope();
    const out = rewriteHtml(html, { path, scope, neutralHref: '../neutral.html', dropped });
    return { out, dropped, missing: scope.missing };
  };

  it('rewrites links, resources, srcset, inline styles and meta refresh', () => {
    const { out } = page(
      '<!doctype html><html><head><meta http-equiv="refresh" content="0;url=/safer-online/es/"><link rel="stylesheet" href="/safer-online/_astro/site.css" integrity="sha384-x" crossorigin><style>@font-face{src:url(/safer-online/_astro/font.woff2)}</style></head>' +
        '<body><a href="/safer-online/es/">Inicio</a><img src="/safer-online/_astro/font.woff2" srcset="/safer-online/_astro/font.woff2 1x, /safer-online/_astro/site.css 2x" alt=""><div style="background:url(/safer-online/_astro/font.woff2)"></div></body></html>',
    );
    expect(out).toContain('content="0;url=../index.html"');
    expect(out).toContain('<link rel="stylesheet" href="../_astro/site.css">');
    expect(out).toContain('src:url("../_astro/font.woff2")');
    expect(out).toContain('<a href="../index.html">');
    expect(out).toContain('srcset="../_astro/font.woff2 1x, ../_astro/site.css 2x"');
    expect(out).toContain('style="background:url(&#x22;../_astro/font.woff2&#x22;)"');
  });

  it('keeps canonical and alternate links absolute to the hosted site', () => {
    const { out } = page('<html><head><link rel="canonical" href="https://example.org/safer-online/es/signs/"><link rel="alternate" hreflang="en" href="/safer-online/signs/"></head></html>');
    expect(out).toContain('<link rel="canonical" href="https://example.org/safer-online/es/signs/">');
    expect(out).toContain('<link rel="alternate" hreflang="en" href="https://example.org/safer-online/signs/">');
  });

  it('drops module scripts, module preloads and a marked service worker registration (and its CSP hash)', () => {
    // Note: the site no longer registers its worker on every page (only on "Save"), but a page built so keeps working.
    const script = "if('serviceWorker' in navigator){navigator.serviceWorker.register('/safer-online/sw.js')}";
    const hash = inlineHash(script);
    const { out, dropped } = page(
      `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'sha256-keep' ${hash}; worker-src 'self'"><script type="module" src="/safer-online/_astro/x.js"></script><link rel="modulepreload" href="/safer-online/_astro/y.js"><script data-kitpress-sw>${script}</script><script>classic()</script></head></html>`,
    );
    expect(out).not.toContain('type="module"');
    expect(out).not.toContain('modulepreload');
    expect(out).not.toContain('serviceWorker');
    expect(out).not.toContain(hash);
    expect(out.replaceAll('&#x27;', "'")).toContain("script-src 'sha256-keep'; worker-src 'self'");
    expect(out).toContain('<script>classic()</script>');
    expect([...dropped]).toEqual(['script /safer-online/_astro/x.js', 'link /safer-online/_astro/y.js']);
  });

  it('leaves out the offer to save the hosted site on this device', () => {
    const { out } = page('<html><body><h1>Downloads</h1><section hidden data-offline-save data-worker="/safer-online/sw.js"><h2>Save</h2><button type="button">Save this toolkit on this device</button></section><p>after</p></body></html>');
    expect(out).not.toContain('data-offline-save');
    expect(out).not.toContain('Save this toolkit');
    expect(out).toContain('<p>after</p>');
  });

  it('points the quick exit at the kit neutral page', () => {
    const { out, missing } = page('<html><body><a href="https://www.google.com/search?q=weather" data-quick-exit data-neutral-url="https://www.google.com/search?q=weather">Leave</a></body></html>');
    expect(out).toContain('<a href="../neutral.html" data-quick-exit="" data-neutral-url="../neutral.html">');
    expect(missing).toEqual([]);
  });
});

describe('CSP and build time', () => {
  it('adds and removes sources, falling back to default-src', () => {
    const policy = parsePolicy("default-src 'self'; script-src 'sha256-a'");
    allowSource(policy, 'script-src', "'sha256-b'");
    allowSource(policy, 'worker-src', "'self'");
    dropSource(policy, 'script-src', "'sha256-a'");
    expect(formatPolicy(policy)).toBe("default-src 'self'; script-src 'sha256-b'; worker-src 'self'");
  });

  it('takes SOURCE_DATE_EPOCH, else the toolkit date at midnight UTC', () => {
    expect(buildTime('2026-11-22', {}).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(buildTime('2026-11-22', { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});
