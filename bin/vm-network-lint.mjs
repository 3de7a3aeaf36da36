#!/usr/bin/env node
// Entry point of `npx vm-network-lint`: loads the TypeScript CLI through tsx's API (no build step) and exits
// with its status (0 valid, 1 invalid manifests, 2 bad usage).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/vm-network-lint.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
