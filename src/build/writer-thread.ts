/** The writer thread's entry point: each request answered with the digests of the files it closed. */
import { parentPort, workerData } from 'node:worker_threads';
import { type PreviousRelease, SegmentWriter, type WriterRequest } from './writer.js';

const port = parentPort;
if (port) {
  const writer = new SegmentWriter(workerData as PreviousRelease | undefined);
  port.on('message', (request: WriterRequest) => port.postMessage(writer.handle(request)));
}
