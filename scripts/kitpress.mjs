#!/usr/bin/env node
// The `kitpress` command. Node 22 runs the TypeScript sources by stripping their types, so there
// is no compile step; the JSX handout templates are compiled by esbuild (src/pdf/module-hooks.ts) only when a PDF is rendered.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  // Note: checked before any .ts import, which an older Node cannot load.
  process.stderr.write(`kitpress needs Node 22.18 or newer (this is Node ${process.versions.node}). Run it through npm, which uses the Node that \`npm ci\` installs: \`npm run build\`, \`npm run check\` or \`npx kitpress --help\`.\n`);
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
