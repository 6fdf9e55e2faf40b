import type { Diagnostic } from '../../core/diagnostics/diagnostic.ts';
import type { SiteModel, SiteRoute } from '../site-model.ts';
import type { VirtualSite } from './virtual-site.ts';

/** The part of the site model the pages read, with the problems the dev server shows. */
export function toVirtualSite(model: SiteModel, problems: readonly Diagnostic[] = [], root = 'content', options: { dev?: boolean } = {}): VirtualSite {
  // Note: Vite's dev client is a module script and injects styles, which the site's CSP forbids;
  // the dev server's pages go without it (the built site keeps it).
  const frame = (route: SiteRoute): SiteRoute => (options.dev ? { ...route, csp: '' } : route);
  return {
    routes: model.routes.map(frame),
    notFound: frame(model.notFound),
    quickExitScript: model.quickExitScript,
    problems: problems.map((d) => ({
      where: `${root}/${d.place.file}:${d.place.line}:${d.place.column}`,
      severity: d.severity,
      message: d.message,
      hint: d.hint,
    })),
  };
}
