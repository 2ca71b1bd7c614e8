#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/js/ (npm run compile). `build` and `validate` start
// without V8's optimising compiler, and turn it on for a large data folder (src/cli/tiering.ts).
import { setFlagsFromString } from 'node:v8';

if (process.argv[2] === 'build' || process.argv[2] === 'validate') setFlagsFromString('--no-opt');
const { main } = await import('../lib/js/cli.js');

process.exitCode = await main(process.argv);
