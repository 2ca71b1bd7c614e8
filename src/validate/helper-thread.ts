/**
 * A second thread for the per-file half of validation. Parsing YAML is most of
 * validating a large data folder, and the files do not depend on one another, so
 * with a helper the main thread parses some of them while the helper parses the
 * rest (see validate.ts for the share). This module is both sides: the main
 * thread's handle, and the helper's loop when it runs as the worker.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startWorker } from '../util/threads.js';
import type { RawFile } from '../load/files.js';
import { buildSchemaSet, type JsonSchema, type SchemaSet } from '../schema/model.js';
import { type FileValidation, validateFile } from './file.js';

const ROLE = 'partnership-validate-helper';

interface HelperRequest {
  schemaDocuments: Map<string, JsonSchema>;
  files: readonly RawFile[];
}

export interface ValidationHelper {
  /** The files' validations, in the order given. Rejects only on an internal fault of the helper. */
  validate(files: readonly RawFile[], schemas: SchemaSet): Promise<FileValidation[]>;
  /** Stop the helper if it is still running (after a fault on this side). */
  close(): Promise<void>;
}

/** Start a helper thread (the toolkit runs compiled: see util/threads); it loads its modules while this thread reads the files. */
export function startValidationHelper(): ValidationHelper {
  const worker = startWorker('./helper-thread.js', import.meta.url, { workerData: ROLE });
  let fault: Error | undefined;
  const ended = new Promise<FileValidation[]>((resolve, reject) => {
    worker.once('message', (validations: FileValidation[]) => resolve(validations));
    worker.once('error', (error) => reject((fault = error)));
    worker.once('exit', (code) => reject((fault ??= new Error(`the validation helper stopped (exit code ${code}) before answering`))));
  });
  // Nobody awaits `ended` when the caller gives up before asking: do not let that be an unhandled rejection.
  ended.catch(() => undefined);
  return {
    validate(files, schemas) {
      if (fault) return Promise.reject(fault);
      const request: HelperRequest = { schemaDocuments: schemas.documents, files };
      worker.postMessage(request);
      return ended;
    },
    async close() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort;
  port.once('message', ({ schemaDocuments, files }: HelperRequest) => {
    const schemas = buildSchemaSet(schemaDocuments);
    port.postMessage(files.map((file) => validateFile(file, schemas).validation));
  });
}
