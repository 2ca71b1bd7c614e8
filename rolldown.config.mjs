// `npm run compile`: the toolkit from src/ into lib/js/, as a few ES modules instead of one per
// source file. Loading the CLI's 117 modules one by one (and `yaml`'s and `commander`'s CommonJS
// files through Node's CommonJS loader) was a tenth of a small build (bench/README.md).
//
// Each entry keeps its name and its exports: the CLI, the modules a worker thread loads by file
// name (startWorker('./writer-thread.js', import.meta.url) finds its sibling), the query module a
// worker imports by its own URL, the two scripts npm runs, and the stages the thread tests drive.
// Chunks shared between entries sit beside them, so every compiled file is two folders below the
// package root, as every source file is: `new URL('../../schemas/', import.meta.url)` means the
// same from either.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    cli: 'src/cli/main.ts',
    build: 'src/build/index.ts',
    validate: 'src/validate/index.ts',
    thread: 'src/build/thread.ts',
    'writer-thread': 'src/build/writer-thread.ts',
    'helper-thread': 'src/validate/helper-thread.ts',
    'query-run': 'src/query/run.ts',
    precompile: 'src/schema/precompile.ts',
    'editor-settings': 'src/schema/editor-settings.ts',
  },
  platform: 'node',
  // Oxigraph loads its WebAssembly beside its own files. Ajv's compiler is loaded only when no
  // precompiled validator matches (createRequire), so everything of Ajv's stays one copy in
  // node_modules: its code generator recognises its own classes, and a second copy's would not.
  external: [/^node:/, 'oxigraph', /^ajv(-formats)?(\/|$)/],
  output: {
    dir: 'lib/js',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
    cleanDir: true,
  },
});
