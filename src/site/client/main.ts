// The site's one script, bundled into a classic script by src/site/client-script.ts.
// Every part looks for its own elements and does nothing on a page without them.
import { initOfflineSave } from './offline-save.ts';
import { initSearch } from './search.ts';

// Note: `currentScript` is set only while a classic script first runs; the index files sit beside this one.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

initOfflineSave(document);
initSearch(document, scriptUrl);
