#!/usr/bin/env node
// The `kitpress` command. Node 22 runs the TypeScript sources by stripping their types, so there
// is no compile step; the JSX handout templates load through tsx only when a PDF is rendered.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
