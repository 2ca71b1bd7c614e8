/**
 * `.vscode/settings.json`, generated from the schemas' x-files: the YAML extension then checks and
 * completes each data file against the schema of its kind as the contributor types. Written by
 * `npm run editor-settings` (node lib/js/editor-settings.js [data folders...]); a test checks the
 * committed file is exactly what this makes, so it cannot drift from the schemas.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { SchemaSet } from './model.js';
import { readSchemaSet } from './read.js';

/** The settings for data folders at `dataRoots` (relative to the repository), schemas in ./schemas. */
export function editorSettings(schemas: SchemaSet, dataRoots: readonly string[]): string {
  const mapping = Object.fromEntries(
    schemas.kinds.flatMap((kind) =>
      kind.files ? [[`./schemas/${kind.schemaFile}`, dataRoots.map((root) => `${root}/${kind.files}`)]] : [],
    ),
  );
  const settings = {
    'yaml.schemas': mapping,
    'yaml.validate': true,
    'yaml.completion': true,
    // The toolkit's `fmt` is the one formatter of the data.
    'yaml.format.enable': false,
    'files.eol': '\n',
    'files.insertFinalNewline': true,
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2, 'editor.rulers': [100] },
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const roots = process.argv.slice(2);
  await writeFile('.vscode/settings.json', editorSettings(await readSchemaSet(), roots.length > 0 ? roots : ['data']));
}
