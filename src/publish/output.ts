/** Running the publishers and describers into an output, and the in-memory output that tests use. */
import type { Release } from '../compile/index.js';
import { byText } from '../util/compare.js';
import { byPath, claimPath, digest, type FileDigest } from './digest.js';
import type { Artifact, Describer, Publisher, ReleaseOutput } from './types.js';

/**
 * Describers in an order where each comes after every describer whose files it describes, the same
 * whatever order they are given in (ties go by name). Throws on a cycle (two describers describing
 * each other's files): an internal fault of the publisher list.
 */
export function describingOrder(describers: readonly Describer[]): Describer[] {
  const ordered: Describer[] = [];
  const visiting = new Set<Describer>();
  const visit = (describer: Describer) => {
    if (ordered.includes(describer)) return;
    if (visiting.has(describer)) throw new Error(`describers describe each other's files: ${[...visiting].map((d) => d.name).join(', ')}`);
    visiting.add(describer);
    for (const other of describers) {
      if (other !== describer && other.makes.some((path) => describer.describes(path))) visit(other);
    }
    visiting.delete(describer);
    ordered.push(describer);
  };
  [...describers].sort(byText((d) => d.name)).forEach(visit);
  return ordered;
}

/** The release into an output: every publisher, then every describer given the digests of the files it describes. */
export async function publishAll(
  release: Release,
  output: ReleaseOutput,
  publishers: readonly Publisher[],
  describers: readonly Describer[],
): Promise<void> {
  for (const publisher of publishers) {
    const returned = await publisher.publish(release, output);
    for (const artifact of returned ?? []) await output.add(artifact);
  }
  for (const describer of describingOrder(describers)) {
    const described = (await output.digests()).filter((file) => describer.describes(file.path));
    for (const artifact of await describer.describe(release, described)) await output.add(artifact);
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
    this.artifacts.push({
      ...artifact,
      content: typeof content === 'string' || content instanceof Uint8Array ? content : content.join(''),
    });
  }

  async digests(): Promise<FileDigest[]> {
    return this.artifacts
      .map((artifact) => {
        let known = this.digested.get(artifact);
        if (!known) {
          known = digest(artifact);
          this.digested.set(artifact, known);
        }
        return known;
      })
      .sort(byPath);
  }
}
