import type { Writer } from 'n3';

/** The text of an N3.js Writer with no output stream, which ends synchronously: the tests' reference Turtle. */
export function endSynchronously(writer: Writer): string {
  let result: string | undefined;
  writer.end((error, text: string) => {
    if (error) throw error;
    result = text;
  });
  if (result === undefined) throw new Error('N3 Writer did not finish synchronously');
  return result;
}
