/**
 * Failures that are nobody's bug: a refused request (exit 2) or a machine that
 * would not do what was asked (exit 4). They reach the user as one line naming
 * the path and the cause, never as "internal error" with a stack trace, which
 * stays for real faults in the toolkit (exit 3).
 */
import path from 'node:path';
import { EXIT } from './diagnostics.js';

/** The request cannot be honoured as given (e.g. an --out that is not a release): exit 2. */
export class UsageFault extends Error {
  readonly exitCode = EXIT.usage;
}

/** The machine refused (a lock held, a damaged file, a limit reached): exit 4. */
export class EnvironmentFault extends Error {
  readonly exitCode = EXIT.environment;
}

/** Plain words for the error codes a file system gives; the code itself follows in brackets. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'something is already there',
  ENOTEMPTY: 'the folder is not empty',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'input/output error',
  EBUSY: 'the resource is busy',
  EXDEV: 'the paths are on different devices',
};

const VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  rmdir: 'remove the folder',
  rm: 'remove',
  unlink: 'remove',
  rename: 'rename',
  symlink: 'create the link',
  link: 'create',
  scandir: 'list the folder',
  opendir: 'list the folder',
  stat: 'look at',
  lstat: 'look at',
  access: 'reach',
  readlink: 'read the link',
  realpath: 'resolve',
};

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** An error from the operating system (a Node system error: `code` like EACCES), as opposed to a bug. */
export function isSystemError(error: unknown): error is SystemError & Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && code in CAUSES;
}

/** The cause of a system error in words, with its code: `permission denied (EACCES)`. */
export function systemCause(error: SystemError): string {
  return `${CAUSES[error.code] ?? 'system error'} (${error.code})`;
}

/** `cannot open data/x.yaml: permission denied (EACCES)`, with the path as the user would write it. */
export function describeSystemError(error: SystemError & Error, cwd: string): string {
  const shown = (p: string) => {
    const relative = path.relative(cwd, p);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
  };
  const verb = (error.syscall && VERBS[error.syscall]) ?? 'use';
  const where = error.path ? ` ${shown(error.path)}${error.dest ? ` as ${shown(error.dest)}` : ''}` : '';
  return `cannot ${verb}${where}: ${systemCause(error)}`;
}
