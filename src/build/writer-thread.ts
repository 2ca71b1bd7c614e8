/** The writer thread's entry point: each request answered with the digests of the files it closed. */
import { parentPort, workerData } from 'node:worker_threads';
import { SegmentWriter, type WriterRequest, type WriterStart } from './writer.js';

const port = parentPort;
if (port) {
  const writer = new SegmentWriter(workerData as WriterStart);
  port.on('message', (request: WriterRequest) => port.postMessage(writer.handle(request)));
}
