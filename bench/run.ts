/**
 * `npm run bench`: time `partnership validate` and `partnership build` as a user
 * runs them (a whole process each, the build rebuilding over its previous release
 * in a folder of the project), beside a floor that only reads the same YAML with
 * `yaml` and writes it back as JSON, on the real data folder and on corpora of 1,
 * 10 and 100 partnerships. The three subjects take turns, round by round; medians
 * over several rounds after a warm-up; CPU time and peak memory of the whole
 * process from a preload that reports `process.resourceUsage()` at exit. Writes
 * bench/results/latest.json and latest.md. See bench/README.md.
 *
 *   npm run bench [-- --scales 1,10,100 --runs 5 --large-runs 3 --no-data --quick]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listYamlFiles } from '../src/load/files.js';
import { readSchemaSet } from '../src/schema/read.js';
import { generateCorpus } from './corpus.js';

/** The targets (bench/README.md). */
const TARGETS = {
  validateOverFloorOnData: 1.5,
  buildOverFloorOnData: 2.5,
  validateOverFloorAtScale1: 1.5,
  buildOverFloorAtScale1: 2.5,
  buildOverFloorAtScale100: 3,
  buildPeakMbAtScale100: 1536,
  scaling100: 120,
} as const;

/** Scales from this size on are measured with the smaller run count. */
const LARGE_SCALE = 100;

interface Options {
  /** Measure the real data folder (data/) as a row of its own. */
  data: boolean;
  scales: number[];
  runs: number;
  largeRuns: number;
  resultsDir: string;
}

interface Sample {
  ms: number;
  /** CPU time (user + system): less disturbed than wall time on a shared machine. */
  cpuMs: number;
  peakMb: number;
}

interface Measure {
  medianMs: number;
  medianCpuMs: number;
  peakMb: number;
  samples: Sample[];
}

type Subject = 'floor' | 'validate' | 'build';
const SUBJECTS: readonly Subject[] = ['floor', 'validate', 'build'];

interface ScaleResult {
  /** The row's name: `data` for the real data folder, else the scale. */
  row: string;
  scale: number;
  files: number;
  megabytes: number;
  runs: number;
  floor: Measure;
  validate: Measure;
  build: Measure;
  validateOverFloor: number;
  buildOverFloor: number;
  /** The same ratios of the median CPU times (user + system), less moved by other work on the machine. */
  validateOverFloorCpu: number;
  buildOverFloorCpu: number;
}

interface Check {
  target: string;
  value: number;
  limit: number;
  pass: boolean;
}

function parseOptions(args: readonly string[], root: string): Options {
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const quick = args.includes('--quick');
  const scales = (value('--scales') ?? (quick ? '1,10' : `1,10,${LARGE_SCALE}`)).split(',').map(Number);
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--scales takes positive integers, e.g. 1,10,100');
  return {
    data: !args.includes('--no-data'),
    scales,
    runs: Number(value('--runs') ?? (quick ? 1 : 5)),
    largeRuns: Number(value('--large-runs') ?? (quick ? 1 : 3)),
    resultsDir: path.resolve(root, value('--results') ?? 'bench/results'),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Run one whole process and measure its wall time and peak memory. */
async function measureOnce(root: string, args: readonly string[], scratch: string): Promise<Sample> {
  const rusageFile = path.join(scratch, 'rusage.json');
  await rm(rusageFile, { force: true });
  // Start from a settled file system: the previous run's files (and the removal of the
  // previous release) are flushed first, so their write-back is not charged to this run.
  spawnSync('sync');
  const preload = pathToFileURL(path.join(root, 'bench/rusage-preload.mjs')).href;
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', preload, ...args], {
      cwd: root,
      env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stderr: err }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`);
  const usage = JSON.parse(await readFile(rusageFile, 'utf8')) as { maxRssKb: number; cpuMicros: number };
  return { ms, cpuMs: usage.cpuMicros / 1000, peakMb: usage.maxRssKb / 1024 };
}

/**
 * Where the floor and the builds write: a folder of the project, as a user's dist/ is. On the
 * machine bench/README.md describes, creating a file under the project costs several times what
 * it costs under /tmp, so a bench writing to /tmp measured a cheaper build than users get.
 */
const OUTPUT_DIR = 'bench/.out/releases';

function commandFor(subject: Subject, dataDir: string, row: string): string[] {
  switch (subject) {
    case 'floor':
      return ['bench/floor.mjs', dataDir, path.join(OUTPUT_DIR, `floor-${row}.json`)];
    case 'validate':
      return ['bin/partnership.js', 'validate', '--data', dataDir];
    case 'build':
      // The same folder every run: each build replaces the previous release, as `partnership build` does.
      return ['bin/partnership.js', 'build', '--data', dataDir, '--out', path.join(OUTPUT_DIR, row)];
  }
}

/** Warm-up, then `runs` rounds that take the three subjects in turn, so they share the machine's noise. */
async function measureSubjects(
  root: string,
  commands: Record<Subject, string[]>,
  runs: number,
  scratch: string,
): Promise<Record<Subject, Measure>> {
  const samples: Record<Subject, Sample[]> = { floor: [], validate: [], build: [] };
  // The warm-up round also leaves the release the measured builds replace.
  for (let round = 0; round <= runs; round++) {
    for (const subject of SUBJECTS) {
      const sample = await measureOnce(root, commands[subject], scratch);
      if (round > 0) samples[subject].push(sample);
    }
  }
  const summary = (list: Sample[]): Measure => ({
    medianMs: round(median(list.map((s) => s.ms)), 1),
    medianCpuMs: round(median(list.map((s) => s.cpuMs)), 1),
    peakMb: round(Math.max(...list.map((s) => s.peakMb)), 1),
    samples: list.map((s) => ({ ms: round(s.ms, 1), cpuMs: round(s.cpuMs, 1), peakMb: round(s.peakMb, 1) })),
  });
  return { floor: summary(samples.floor), validate: summary(samples.validate), build: summary(samples.build) };
}

function machine(loadAtStart: readonly number[]) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    loadAverageAtStart: loadAtStart.map((l) => round(l)),
    loadAverageAtEnd: os.loadavg().map((l) => round(l)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

/** t(scale)/t(1) of a subject, each with the process start-up taken off. */
function scaling(results: readonly ScaleResult[], subject: Subject, startupMs: number, scale: number): number | undefined {
  const base = results.find((r) => r.row === '1');
  const at = results.find((r) => r.row === String(scale));
  if (!base || !at) return undefined;
  return round((at[subject].medianMs - startupMs) / Math.max(1, base[subject].medianMs - startupMs));
}

function checks(results: readonly ScaleResult[], scalingRatios: Record<string, number | undefined>): Check[] {
  const list: Check[] = [];
  const add = (target: string, value: number | undefined, limit: number) => {
    if (value !== undefined) list.push({ target, value, limit, pass: value <= limit });
  };
  const data = results.find((r) => r.row === 'data');
  const one = results.find((r) => r.row === '1');
  const large = results.find((r) => r.row === String(LARGE_SCALE));
  add('validate/floor on the real data', data?.validateOverFloor, TARGETS.validateOverFloorOnData);
  add('build/floor on the real data', data?.buildOverFloor, TARGETS.buildOverFloorOnData);
  add('validate/floor at scale 1', one?.validateOverFloor, TARGETS.validateOverFloorAtScale1);
  add('build/floor at scale 1', one?.buildOverFloor, TARGETS.buildOverFloorAtScale1);
  add(`build/floor at scale ${LARGE_SCALE}`, large?.buildOverFloor, TARGETS.buildOverFloorAtScale100);
  add(`build peak MB at scale ${LARGE_SCALE}`, large?.build.peakMb, TARGETS.buildPeakMbAtScale100);
  add(`validate t(${LARGE_SCALE})/t(1) after start-up`, scalingRatios[`validate@${LARGE_SCALE}`], TARGETS.scaling100);
  add(`build t(${LARGE_SCALE})/t(1) after start-up`, scalingRatios[`build@${LARGE_SCALE}`], TARGETS.scaling100);
  return list;
}

function markdown(report: {
  machine: ReturnType<typeof machine>;
  startup: Record<string, Measure>;
  scales: ScaleResult[];
  scaling: Record<string, number | undefined>;
  checks: Check[];
}): string {
  const m = report.machine;
  const lines = [
    '# Benchmark: latest run',
    '',
    `${m.date} · ${m.cpu} · ${m.cores} cores · ${m.memoryGb} GB · Node ${m.node} · ${m.os}`,
    '',
    `Load average (1, 5, 15 min) on ${m.cores} cores: ${m.loadAverageAtStart.join(', ')} when the run started, ${m.loadAverageAtEnd.join(', ')} when it ended.`,
    '',
    'Median wall time of the whole process (ms), median CPU time (user + system, all threads) and peak resident memory (MB); the floor only reads the YAML with `yaml` and writes it as JSON. Each build replaces the release the previous run wrote.',
    '',
    '| data | files | MB of YAML | runs | floor ms | validate ms | build ms | validate/floor | build/floor | CPU ms floor / validate / build | CPU validate/floor | CPU build/floor | MB floor / validate / build |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.scales.map(
      (r) =>
        `| ${r.row === 'data' ? 'data/ (real)' : `scale ${r.scale}`} | ${r.files} | ${r.megabytes} | ${r.runs} | ${r.floor.medianMs} | ${r.validate.medianMs} | ${r.build.medianMs} | ${r.validateOverFloor} | ${r.buildOverFloor} | ${r.floor.medianCpuMs} / ${r.validate.medianCpuMs} / ${r.build.medianCpuMs} | ${r.validateOverFloorCpu} | ${r.buildOverFloorCpu} | ${r.floor.peakMb} / ${r.validate.peakMb} / ${r.build.peakMb} |`,
    ),
    '',
    `Start-up (taken off for scaling): \`partnership --version\` ${report.startup.cli?.medianMs} ms, floor on an empty folder ${report.startup.floor?.medianMs} ms.`,
    '',
    '| scaling (start-up subtracted) | value |',
    '| --- | ---: |',
    ...Object.entries(report.scaling).map(([key, value]) => {
      const [subject, scale] = key.split('@');
      return `| ${subject} t(${scale})/t(1) | ${value ?? 'n/a'} |`;
    }),
    '',
    '| target | measured | limit | |',
    '| --- | ---: | ---: | --- |',
    ...report.checks.map((c) => `| ${c.target} | ${c.value} | ${c.limit} | ${c.pass ? 'PASS' : 'MISS'} |`),
    '',
  ];
  return lines.join('\n');
}

export async function runBench(args: readonly string[], root: string): Promise<void> {
  const loadAtStart = os.loadavg();
  const options = parseOptions(args, root);
  const schemas = await readSchemaSet(path.join(root, 'schemas'));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'partnership-bench-'));
  const log = (text: string) => process.stdout.write(`${text}\n`);
  try {
    const empty = path.join(scratch, 'empty');
    await mkdir(empty);
    const startupRuns = Math.max(options.runs, 3);
    log(`start-up: ${startupRuns} runs`);
    const startupCommands = {
      floor: ['bench/floor.mjs', empty, path.join(scratch, 'floor.json')],
      validate: ['bin/partnership.js', '--version'],
      build: ['bin/partnership.js', '--version'],
    };
    const startupMeasures = await measureSubjects(root, startupCommands, startupRuns, scratch);
    const startup = { cli: startupMeasures.validate, floor: startupMeasures.floor };

    await mkdir(path.join(root, OUTPUT_DIR), { recursive: true });
    const rows: { row: string; scale: number; dataDir: string; files: number; bytes: number }[] = [];
    if (options.data) {
      const files = await listYamlFiles(path.join(root, 'data'));
      const bytes = (await Promise.all(files.map((file) => stat(path.join(root, 'data', file))))).reduce((sum, s) => sum + s.size, 0);
      rows.push({ row: 'data', scale: 1, dataDir: path.join(root, 'data'), files: files.length, bytes });
    }
    for (const scale of options.scales) {
      const corpus = path.join(root, 'bench/corpus', `scale-${scale}`);
      const summary = await generateCorpus({ dataDir: path.join(root, 'data'), outDir: corpus, scale, schemas });
      rows.push({ row: String(scale), scale, dataDir: corpus, files: summary.files, bytes: summary.bytes });
    }
    const results: ScaleResult[] = [];
    for (const { row, scale, dataDir, files, bytes } of rows) {
      const runs = scale >= LARGE_SCALE ? options.largeRuns : options.runs;
      log(`${row === 'data' ? 'data/' : `scale ${scale}`}: ${files} files, ${runs} runs after a warm-up`);
      const relative = path.relative(root, dataDir);
      const commands = {
        floor: commandFor('floor', relative, row),
        validate: commandFor('validate', relative, row),
        build: commandFor('build', relative, row),
      };
      const measures = await measureSubjects(root, commands, runs, scratch);
      const result: ScaleResult = {
        row,
        scale,
        files,
        megabytes: round(bytes / 1024 ** 2),
        runs,
        ...measures,
        validateOverFloor: round(measures.validate.medianMs / measures.floor.medianMs),
        buildOverFloor: round(measures.build.medianMs / measures.floor.medianMs),
        validateOverFloorCpu: round(measures.validate.medianCpuMs / measures.floor.medianCpuMs),
        buildOverFloorCpu: round(measures.build.medianCpuMs / measures.floor.medianCpuMs),
      };
      results.push(result);
      log(
        `  floor ${result.floor.medianMs} ms ${result.floor.peakMb} MB · validate ${result.validate.medianMs} ms ${result.validate.peakMb} MB · build ${result.build.medianMs} ms ${result.build.peakMb} MB · validate/floor ${result.validateOverFloor} (CPU ${result.validateOverFloorCpu}) · build/floor ${result.buildOverFloor} (CPU ${result.buildOverFloorCpu})`,
      );
    }
    const scalingRatios: Record<string, number | undefined> = {};
    for (const subject of SUBJECTS) {
      const startupMs = subject === 'floor' ? startup.floor.medianMs : startup.cli.medianMs;
      for (const scale of options.scales.filter((s) => s !== 1)) {
        scalingRatios[`${subject}@${scale}`] = scaling(results, subject, startupMs, scale);
      }
    }
    const report = {
      machine: machine(loadAtStart),
      options: { data: options.data, scales: options.scales, runs: options.runs, largeRuns: options.largeRuns },
      targets: TARGETS,
      startup,
      scales: results,
      scaling: scalingRatios,
      checks: checks(results, scalingRatios),
    };
    for (const [key, value] of Object.entries(scalingRatios)) log(`scaling ${key.replace('@', ' t(')})/t(1): ${value}`);
    for (const check of report.checks) log(`${check.pass ? 'PASS' : 'MISS'}  ${check.target}: ${check.value} (limit ${check.limit})`);
    await mkdir(options.resultsDir, { recursive: true });
    await writeFile(path.join(options.resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(options.resultsDir, 'latest.md'), markdown(report));
    log(`Wrote ${path.join(options.resultsDir, 'latest.json')} and latest.md`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBench(process.argv.slice(2), process.cwd());
}
