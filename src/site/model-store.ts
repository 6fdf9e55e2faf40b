import type { SiteModel } from './site-model.ts';

// Note: Astro bundles the pages and imports the bundle in this same process (see
// astro/dist/core/build/default-prerenderer.js), so a module-level variable here would be
// a different copy from the pages' one; a process-global is shared by both.
const KEY = '__kitpress';

type Store = { [KEY]?: SiteModel };

/** Puts the model where the Astro pages can read it, for the length of one site build. */
export function setSiteModel(model: SiteModel): void {
  (globalThis as Store)[KEY] = model;
}

/** Removes the model once the site is built. */
export function clearSiteModel(): void {
  delete (globalThis as Store)[KEY];
}

/** The model of the site being built; pages call this, and fail loudly outside a Kitpress build. */
export function getSiteModel(): SiteModel {
  const model = (globalThis as Store)[KEY];
  if (!model) throw new Error('The Kitpress site model is not set: build the site with `kitpress build`, not `astro build`.');
  return model;
}
