/**
 * Registers the service worker (`web/public/sw.js`), which keeps the app shell — and the last answers of the
 * few API reads a form session needs — so the app opens again without a network. Browsers allow service
 * workers only on https or localhost; on plain http over a LAN the app still works online, and the outbox
 * (IndexedDB) still keeps every submission across reloads, but a reload without network cannot open the app.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(async () => {
        await navigator.serviceWorker.ready;
        // Requests made before the worker took control were not seen by it; ask again through it, so that the
        // session check is on the device before the network goes.
        if (navigator.serviceWorker.controller) await fetch('/api/auth/me', { credentials: 'same-origin' });
        else
          navigator.serviceWorker.addEventListener(
            'controllerchange',
            () => void fetch('/api/auth/me', { credentials: 'same-origin' }).catch(() => undefined),
            { once: true },
          );
      })
      .catch((err: unknown) => console.warn('kitout: service worker not registered', err));
  });
}
