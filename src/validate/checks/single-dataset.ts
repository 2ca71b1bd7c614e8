import { diagnosticAt, FILE_START } from '../../diagnostics.js';
import { recordsOf } from '../../model/catalog.js';
import type { Check } from './context.js';
import { placeOf } from './context.js';

/** A release describes itself once: exactly one dataset record. */
export const singleDataset: Check = {
  name: 'single-dataset',
  run(context) {
    const datasets = recordsOf(context.catalog, 'dataset');
    const files = context.schemas.byKind.get('dataset')?.files ?? 'dataset.yaml';
    if (datasets.length === 0) {
      return [
        diagnosticAt({ file: files, pointer: '', start: FILE_START }, 'DATASET_MISSING', `the data folder has no ${files}`, {
          hint: `add ${files} with the dataset's title, version, licence and base IRI`,
        }),
      ];
    }
    const [first, ...others] = datasets;
    return others.map((other) =>
      diagnosticAt(placeOf(context, other), 'DATASET_MULTIPLE', 'a second dataset description', {
        related: first ? [{ file: first.origin.file, start: FILE_START, message: 'the first is here' }] : [],
      }),
    );
  },
};
