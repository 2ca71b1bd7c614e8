import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EXIT } from '../../diagnostics.js';
import { EnvironmentFault, UsageFault } from '../../faults.js';
import { formatQueryResult, QUERY_FORMATS, type QueryFormat } from '../../query/format.js';
import { type PrefixMap, VOCABULARIES } from '../../compile/rdf/prefixes.js';
import type { CliIo } from '../io.js';

export interface QueryOptions {
  file?: string;
  dist: string;
  format: QueryFormat;
  timeout?: number;
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('a number of seconds above 0');
  return seconds;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new UsageFault(`${file} is a folder, not a file`);
    throw error;
  }
}

/** The prefixes the release declares (its context's string entries, the project's own included). */
async function releasePrefixes(distDir: string): Promise<PrefixMap> {
  const { CONTEXT_PATH } = await import('../../publish/jsonld.js');
  const text = await readOptional(path.join(distDir, CONTEXT_PATH));
  const context = text ? ((JSON.parse(text) as { '@context'?: Record<string, unknown> })['@context'] ?? {}) : {};
  const declared = Object.entries(context).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { ...VOCABULARIES, ...Object.fromEntries(declared) };
}

export async function runQueryCommand(sparqlArgument: string | undefined, options: QueryOptions, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`partnership query: ${message}\n`);
    return EXIT.usage;
  };
  if (sparqlArgument === undefined && options.file === undefined) return usage('no query given: pass the SPARQL text or --file <query.rq>');
  if (sparqlArgument !== undefined && options.file !== undefined) return usage('give a SPARQL query or --file <query.rq>, not both');
  const sparql = options.file ? await readOptional(path.resolve(io.cwd, options.file)) : sparqlArgument;
  if (sparql === undefined) return usage(`no query file ${options.file}`);
  const distDir = path.resolve(io.cwd, options.dist);
  // Loaded on use: the store and the linked-data publishers would otherwise slow every command's start.
  const [{ NQUADS_PATH }, { DEFAULT_QUERY_TIMEOUT_SECONDS, GraphLoadError, QuerySyntaxError, QueryTimeoutError, runQueryWithin }] =
    await Promise.all([import('../../publish/rdf.js'), import('../../query/run.js')]);
  const nquads = await readOptional(path.join(distDir, NQUADS_PATH));
  if (nquads === undefined) return usage(`no built graph at ${path.join(options.dist, NQUADS_PATH)}: run \`partnership build\` first`);
  const prefixes = await releasePrefixes(distDir);
  try {
    const result = await runQueryWithin(nquads, sparql, prefixes, options.timeout ?? DEFAULT_QUERY_TIMEOUT_SECONDS);
    io.stdout(formatQueryResult(result, options.format, prefixes));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof QuerySyntaxError)
      return usage(error.message.includes('updates are not allowed') ? error.message : `malformed SPARQL query: ${error.message}`);
    if (error instanceof QueryTimeoutError) throw new EnvironmentFault(error.message);
    if (error instanceof GraphLoadError) {
      throw new EnvironmentFault(
        `${path.join(options.dist, NQUADS_PATH)} is not a whole N-Quads file (${error.message}): rebuild the release with \`partnership build\``,
      );
    }
    throw error;
  }
}

export function registerQuery(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('query')
    .description("run a SPARQL query over the built graph (dist/partnership.nq) in an embedded store; the data's prefixes are predeclared")
    .argument('[sparql]', 'the query text')
    .addOption(new Option('--file <path>', 'read the query from a file (e.g. q.rq)'))
    .addOption(new Option('--dist <dir>', 'the built release folder').default('dist'))
    .addOption(new Option('--timeout <seconds>', 'stop a query that runs longer (exit 4)').argParser(parseTimeout).default(30))
    .addOption(
      new Option('--format <format>', 'table for people, json (SPARQL results JSON) or csv').choices(QUERY_FORMATS).default('table'),
    )
    .action(async (sparql: string | undefined, options: QueryOptions) => setExit(await runQueryCommand(sparql, options, io)));
}
