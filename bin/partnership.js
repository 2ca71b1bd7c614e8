#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/ (npm run compile).
import { main } from '../lib/js/cli.js';

process.exitCode = await main(process.argv);
