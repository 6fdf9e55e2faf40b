#!/usr/bin/env node
// The `kitpress` command. It loads the TypeScript sources through tsx, so there is no compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
