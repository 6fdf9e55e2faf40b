// The worker thread of `buildPages`: builds the site with Astro once and posts how it went.
import { parentPort, workerData } from 'node:worker_threads';
import { KitpressError } from '../../core/diagnostics/diagnostic.ts';
import type { AstroThreadReply } from './build-pages.ts';
import { runAstro, type AstroBuild } from './run-astro.ts';

let reply: AstroThreadReply;
try {
  await runAstro(workerData as AstroBuild);
  reply = { done: true };
} catch (error) {
  // runAstro turns whatever Astro throws into a KitpressError; anything else is a bug here.
  const e = error instanceof KitpressError ? error : new KitpressError(`The website could not be built: ${error instanceof Error ? error.message : String(error)}`, 'This is most likely a bug in Kitpress, not in your content. Please report it with this message.');
  reply = { done: false, message: e.message, hint: e.hint, diagnostics: e.diagnostics };
}
parentPort!.postMessage(reply);
