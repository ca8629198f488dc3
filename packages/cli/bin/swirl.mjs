#!/usr/bin/env node
// Published entry point: runs the compiled CLI. In this repository use `pnpm swirl`, which runs from source.
await import('../dist/bin.js');
