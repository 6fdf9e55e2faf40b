#!/usr/bin/env node
// The `kitpress` command. Node 22 runs the TypeScript sources by stripping their types, so there
// is no compile step; the JSX handout templates are compiled by esbuild (src/pdf/module-hooks.ts) only when a PDF is rendered.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  // Note: checked before any .ts import, which an older Node cannot load.
  process.stderr.write(`kitpress needs Node 22.18 or newer (this is Node ${process.versions.node}). Run it through npm, which uses the Node that \`npm ci\` installs: \`npm run build\`, \`npm run check\` or \`npx kitpress --help\`.\n`);
  process.exit(1);
}
const argv = process.argv.slice(2);
// Kitpress's own TypeScript is served stripped of types from the cache folder (see
// src/build/typescript-cache.mjs): by a build or the dev server, which keep what they strip if
// they made the cache folder, and by any command once a build has made it.
const cacheDir = cacheOption(argv);
const asksHelp = argv.some((arg) => /^(-h|--help|-v|--version)$/.test(arg));
if (commandOf(argv) === 'build' && !asksHelp) {
  // A build runs in a child process whose allocator gives freed memory back (see src/build/tuned-allocator.mjs).
  const tuned = await import('../src/build/tuned-allocator.mjs');
  if (tuned.wantsTunedChild()) await tuned.runInTunedChild(import.meta.filename, argv);
  tuned.endWithParent();
}
if ((['build', 'dev'].includes(commandOf(argv)) && !asksHelp) || existsSync(join(cacheDir, 'content'))) {
  (await import('../src/build/typescript-cache.mjs')).installTypeScriptCache(join(cacheDir, 'modules'), { atExit: true });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(argv);

/** The command named on the command line: its first word that is neither an option nor an option's value. */
function commandOf(args) {
  for (let i = 0; i < args.length; i += 1) {
    if (!args[i].startsWith('-')) return args[i];
    if (/^--(content|out|cache|workers|port)$/.test(args[i])) i += 1;
  }
  return undefined;
}

/** The `--cache` folder the command line gives (`--cache <dir>` or `--cache=<dir>`), else the default one. */
function cacheOption(args) {
  for (const [i, arg] of args.entries()) {
    if (arg === '--cache' && args[i + 1]) return args[i + 1];
    if (arg.startsWith('--cache=')) return arg.slice('--cache='.length);
  }
  return '.kitpress-cache';
}
