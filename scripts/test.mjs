// `npm test`: the type check and the test run side by side (the type check alone took a second
// and a half before the first test started). Fails if either fails. Run by npm, which puts
// node_modules/.bin on the PATH.
//   npm test [-- vitest arguments]
import { spawn } from 'node:child_process';

const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => {
      console.error(`npm test: cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const [typecheck, tests] = await Promise.all([
  run('tsc', ['-p', 'tsconfig.json', '--noEmit']),
  run('vitest', ['run', ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error('npm test: the type check failed (npm run typecheck shows it alone)');
process.exitCode = typecheck || tests;
