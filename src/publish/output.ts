/** Running the publishers into an output, and the in-memory output that tests and `compileRelease` use. */
import { byPath, claimPath, digest, type FileDigest } from './digest.js';
import type { Artifact, PublishContext, Publisher, ReleaseOutput } from './types.js';

/** Every publisher in order, each seeing what the earlier ones added. */
export async function publishAll(context: PublishContext, output: ReleaseOutput, publishers: readonly Publisher[]): Promise<void> {
  for (const publisher of publishers) {
    const returned = await publisher.publish(context, output);
    for (const artifact of returned ?? []) await output.add(artifact);
  }
}

/** A file held whole in memory (parts joined). */
export type HeldArtifact = Artifact & { content: string | Uint8Array };

/** The release held in memory, in the order its files were added. */
export class MemoryOutput implements ReleaseOutput {
  readonly artifacts: HeldArtifact[] = [];
  private readonly paths = new Set<string>();
  private readonly digested = new WeakMap<HeldArtifact, FileDigest>();

  async add(artifact: Artifact): Promise<void> {
    claimPath(this.paths, artifact.path);
    const { content } = artifact;
    this.artifacts.push({ ...artifact, content: typeof content === 'string' || content instanceof Uint8Array ? content : content.join('') });
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  async digests(): Promise<FileDigest[]> {
    return this.artifacts.map((artifact) => {
      let known = this.digested.get(artifact);
      if (!known) {
        known = digest(artifact);
        this.digested.set(artifact, known);
      }
      return known;
    }).sort(byPath);
  }
}
