import type { Element } from 'hast';
import type { Locale, Toolkit } from '../core/model.ts';
import { h } from './render/h.ts';
import type { Urls } from './urls.ts';

/** Attributes the offline-save section and its script share. Note: keep in step with src/site/client/offline-save.ts. */
export const offlineSaveAttributes = {
  /** Marks the section; the kits leave it out (a kit is offline already). */
  section: 'data-offline-save',
  /** Where the total size of what is saved goes, filled in once the service worker exists. */
  size: 'data-offline-size',
} as const;

/** The worker file at the site root. Note: the same name as `serviceWorkerFiles.worker` in src/kit. */
const WORKER = 'sw.js';

/**
 * "Use this website without internet on this device": the hosted site stores itself only when the
 * reader asks. The section says what is stored and how to remove it, and holds a "Save" and a
 * "Remove it" button. It is `hidden` until the site's script finds a browser that can do it,
 * on http(s) only; without JavaScript nothing is offered and nothing is stored.
 */
export function offlineSaveSection(toolkit: Toolkit, locale: Locale, urls: Urls): Element {
  const ui = locale.ui;
  return h('section', {
    hidden: true,
    ariaLabelledby: 'offline-save',
    className: ['offline-save'],
    dataOfflineSave: '',
    dataWorker: urls.href(WORKER),
    dataScope: urls.base,
    // Note: Workbox names its caches `<cacheId>-precache-…` and `<cacheId>-runtime-…`, with the toolkit name as cacheId.
    dataCachePrefix: `${toolkit.name}-`,
    dataSaving: ui.offlineSaving,
    dataSaved: ui.offlineSaved,
    dataRemoved: ui.offlineRemoved,
    dataFailed: ui.offlineFailed,
  },
    h('h2', { id: 'offline-save' }, ui.offlineSaveTitle),
    h('p', {}, ui.offlineSaveWhat, ' ', h('span', { dataOfflineSize: '' })),
    h('p', {}, ui.offlineSaveWho),
    h('p', {}, ui.offlineSaveRemove),
    h('p', { className: ['offline-buttons'] },
      h('button', { type: 'button', className: ['button'], dataOfflineAction: 'save', hidden: true }, ui.offlineSaveButton),
      h('button', { type: 'button', className: ['button', 'button-secondary'], dataOfflineAction: 'remove', hidden: true }, ui.offlineRemoveButton)),
    h('p', { className: ['offline-status'], role: 'status', dataOfflineStatus: '' }),
  );
}
