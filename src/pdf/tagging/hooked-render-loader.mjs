// Module loader hooks (Node's `module.register()`): serve the hooked copy of @react-pdf/render
// from memory at one URL, so nothing is written into node_modules. Plain JavaScript, because
// hooks run on Node's loader thread before any TypeScript loader could apply to this file.

/** The URLs served from memory, with their source. */
const served = new Map();

/** Receives `{ url, source }` from `register(…, { data })`. */
export function initialize(data) {
  served.set(data.url, data.source);
}

/** Answers the hooked URL from memory; every other module loads as usual. */
export async function load(url, context, nextLoad) {
  const source = served.get(url);
  if (source !== undefined) return { format: 'module', source, shortCircuit: true };
  return nextLoad(url, context);
}
