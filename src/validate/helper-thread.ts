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
  id: number;
  schemaDocuments: Map<string, JsonSchema>;
  files: readonly RawFile[];
}

interface HelperReply {
  id: number;
  validations: FileValidation[];
}

export interface ValidationHelper {
  /** The files' validations, in the order given. Rejects only on an internal fault of the helper. */
  validate(files: readonly RawFile[], schemas: SchemaSet): Promise<FileValidation[]>;
  /** Stop the helper (it answers any number of requests until then). */
  close(): Promise<void>;
}

/** Start a helper thread (the toolkit runs compiled: see util/threads); it loads its modules while this thread reads the files. */
export function startValidationHelper(): ValidationHelper {
  const worker = startWorker('./helper-thread.js', import.meta.url, { workerData: ROLE });
  const pending = new Map<number, { resolve: (validations: FileValidation[]) => void; reject: (error: Error) => void }>();
  let fault: Error | undefined;
  let nextId = 0;
  const failAll = (error: Error) => {
    fault ??= error;
    for (const request of pending.values()) request.reject(fault);
    pending.clear();
  };
  worker.on('message', ({ id, validations }: HelperReply) => {
    pending.get(id)?.resolve(validations);
    pending.delete(id);
  });
  worker.once('error', failAll);
  worker.once('exit', (code) => failAll(new Error(`the validation helper stopped (exit code ${code})`)));
  return {
    validate(files, schemas) {
      if (fault) return Promise.reject(fault);
      const id = nextId++;
      const answered = new Promise<FileValidation[]>((resolve, reject) => pending.set(id, { resolve, reject }));
      const request: HelperRequest = { id, schemaDocuments: schemas.documents, files };
      worker.postMessage(request);
      return answered;
    },
    async close() {
      fault ??= new Error('the validation helper was closed');
      await worker.terminate();
    },
  };
}

if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort;
  // Requests repeat the schemas: the same texts keep one set, and with it their compiled validators.
  let last: { key: string; schemas: SchemaSet } | undefined;
  port.on('message', ({ id, schemaDocuments, files }: HelperRequest) => {
    const key = JSON.stringify([...schemaDocuments]);
    if (last?.key !== key) last = { key, schemas: buildSchemaSet(schemaDocuments) };
    const { schemas } = last;
    const reply: HelperReply = { id, validations: files.map((file) => validateFile(file, schemas).validation) };
    port.postMessage(reply);
  });
}
