import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { openFieldDatabase } from './offline/field-database.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

// The service worker keeps the app itself on the phone, so it opens without a connection.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .catch((error: unknown) =>
      console.warn('The offline copy of the app is not available:', error),
    );
  // A new release took over (its worker dropped the old release's files): load the new app now,
  // before this page asks for a file that is gone. Recorded work is in IndexedDB, not the page.
  if (navigator.serviceWorker.controller)
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
}

const db = await openFieldDatabase();
// Ask the browser not to evict queued writes and photos under storage pressure.
void navigator.storage?.persist?.().catch(() => undefined);

createRoot(root).render(
  <StrictMode>
    <App db={db} />
  </StrictMode>,
);
