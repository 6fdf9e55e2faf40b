/**
 * The "Save this toolkit on this device" and "Remove it" buttons of the downloads page
 * (src/site/offline-save.ts draws them). Nothing is registered or cached until the reader presses
 * "Save"; "Remove it" unregisters the worker and deletes its caches.
 */
export function initOfflineSave(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-offline-save]');
  if (!box) return;
  const can = /^https?:$/.test(location.protocol) && 'serviceWorker' in navigator && 'caches' in window;
  if (!can) return;
  const data = box.dataset;
  const save = box.querySelector<HTMLButtonElement>('[data-offline-action="save"]')!;
  const remove = box.querySelector<HTMLButtonElement>('[data-offline-action="remove"]')!;
  const status = box.querySelector<HTMLElement>('[data-offline-status]')!;
  const scope = new URL(data.scope ?? '/', location.href).href;
  const say = (text: string | undefined) => {
    status.textContent = text ?? '';
  };

  const refresh = async () => {
    const saved = (await navigator.serviceWorker.getRegistrations()).some((r) => r.scope === scope);
    save.hidden = saved;
    remove.hidden = !saved;
  };

  save.addEventListener('click', async () => {
    save.disabled = true;
    say(data.saving);
    try {
      const registration = await navigator.serviceWorker.register(data.worker!, { scope });
      await activated(registration);
      say(data.saved);
    } catch {
      say(data.failed);
    } finally {
      save.disabled = false;
      await refresh();
      (remove.hidden ? save : remove).focus();
    }
  });

  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      for (const registration of await navigator.serviceWorker.getRegistrations()) {
        if (registration.scope === scope) await registration.unregister();
      }
      const prefix = data.cachePrefix ?? '';
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
      say(data.removed);
    } catch {
      say(data.failed);
    } finally {
      remove.disabled = false;
      await refresh();
      (save.hidden ? remove : save).focus();
    }
  });

  box.hidden = false;
  void refresh();
}

/** Resolves once the worker has installed (every file stored) and is active; rejects if installing failed. */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      if (!worker) return reject(new Error('no worker'));
      if (worker.state === 'activated') return resolve();
      if (worker.state === 'redundant') return reject(new Error('install failed'));
      worker.addEventListener('statechange', check, { once: true });
    };
    check();
  });
}
