import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerBuild } from './build.js';
import { registerDiff } from './diff.js';
import { registerQuery } from './query.js';
import { registerServe } from './serve.js';
import { registerValidate } from './validate.js';

export type CommandRegistration = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** One file per command; each registers itself on the program. */
export const COMMANDS: readonly CommandRegistration[] = [registerValidate, registerBuild, registerDiff, registerQuery, registerServe];
