import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS } from '../../src/cli.js';
import { PAGES_WORKFLOW } from '../../src/commands/new.js';
import { messages } from '../../src/errors/messages.js';
import { ROOT } from '../helpers.js';

const run = promisify(execFile);
const PAGES_URL = 'https://ana-lema.github.io/costos-modelos';
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions' expression, which the runner substitutes, not JavaScript's.
const BASE_URL = '${{ steps.pages.outputs.base_url }}';

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

/** The steps of each job of a workflow, as GitHub reads the YAML. */
function readSteps(text: string): Map<string, Step[]> {
  const workflow: unknown = parse(text);
  if (typeof workflow !== 'object' || workflow === null || !('jobs' in workflow)) throw new Error('no jobs in the workflow');
  const jobs = Object.entries(workflow.jobs as Record<string, { steps: Step[] }>);
  return new Map(jobs.map(([name, job]) => [name, job.steps]));
}

/** A command line split as a shell splits it: spaces, and double quotes around one word. */
function splitCommand(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** What `datadeck new decks/mi-tema.yaml` writes in a repository: the workflow's text. */
async function writeStarterWorkflow(): Promise<{ repo: string; text: string }> {
  const repo = mkdtempSync(join(tmpdir(), 'datadeck-pages-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'decks'));
  await run(process.execPath, [join(ROOT, 'lib/main.js'), 'new', 'mi-tema.yaml', '--lang', 'en'], { cwd: join(repo, 'decks') });
  return { repo, text: readFileSync(join(repo, PAGES_WORKFLOW), 'utf8') };
}

describe('the GitHub Pages workflow datadeck new writes', () => {
  it('sits at the root of the repository, builds the deck with the Pages address and publishes its folder', async () => {
    const { text } = await writeStarterWorkflow();
    const steps = readSteps(text);
    const build = steps.get('build') ?? [];
    const uses = build.flatMap((step) => (step.uses === undefined ? [] : [step.uses.split('@')[0]]));
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']);
    expect(build.find((step) => step.uses?.startsWith('actions/configure-pages@'))?.id).toBe('pages');
    expect((steps.get('deploy') ?? []).map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    const command = splitCommand(build.find((step) => step.run?.startsWith('npx datadeck') === true)?.run ?? '');
    expect(command).toEqual([
      'npx',
      'datadeck',
      'build',
      '--data',
      'decks/mi-tema.yaml',
      '--out',
      'decks/mi-tema-deck',
      '--public',
      '--url',
      `${BASE_URL}/`,
    ]);
    expect(build.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('decks/mi-tema-deck');
  });

  it('runs only commands that exist in a clone of datadeck: npm ci, and datadeck with options its command takes', async () => {
    const { text } = await writeStarterWorkflow();
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const runs = [...readSteps(text).values()].flat().flatMap((step) => (step.run === undefined ? [] : [splitCommand(step.run)]));
    expect(runs.length).toBeGreaterThan(0);
    for (const [program, ...args] of runs) {
      if (program === 'npm') {
        // npm ci installs exactly the lockfile, which the repository commits; its prepare script compiles lib/.
        expect(args).toEqual(['ci']);
        expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
        continue;
      }
      expect(program).toBe('npx');
      const [bin = '', command = '', ...options] = args;
      expect(Object.keys(manifest.bin)).toContain(bin);
      const takes = COMMAND_OPTIONS[command] ?? [];
      expect(takes.length, `datadeck ${command}`).toBeGreaterThan(0);
      const named = options.filter((option) => option.startsWith('--')).map((option) => option.slice(2));
      expect(named.filter((option) => !takes.includes(option))).toEqual([]);
    }
  });

  it('builds, as its command is written, a deck whose preview tags name the Pages address', async () => {
    const { repo, text } = await writeStarterWorkflow();
    const line = [...readSteps(text).values()].flat().find((step) => step.run?.startsWith('npx datadeck') === true)?.run ?? '';
    const [, , ...args] = splitCommand(line.replaceAll(BASE_URL, PAGES_URL));
    // npx datadeck runs this package's bin: lib/main.js. No browser here: the image is the e2e suite's.
    await run(process.execPath, [join(ROOT, 'lib/main.js'), ...args], { cwd: repo, env: { ...process.env, CHROME_PATH: '/nonexistent' } });
    const html = readFileSync(join(repo, 'decks/mi-tema-deck/index.html'), 'utf8');
    expect(html).toContain(`<meta property="og:url" content="${PAGES_URL}/">`);
    expect(html).not.toContain('class="notes"');
  });

  it('is the one the README gives, for mi-tema.yaml', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# Publishes the deck on GitHub Pages[\s\S]*?)```/.exec(readme)?.[1];
    const template = readFileSync(join(ROOT, 'templates/starters/pages.yml'), 'utf8');
    expect(block).toBe(template.replaceAll('__FILE__', 'mi-tema.yaml').replaceAll('__DECK__', 'mi-tema-deck'));
  });

  it('is never written over one that exists', async () => {
    const { repo } = await writeStarterWorkflow();
    const { stdout } = await run(process.execPath, [join(ROOT, 'lib/main.js'), 'new', 'otro.yaml', '--lang', 'en'], { cwd: repo });
    expect(stdout).toContain(messages.workflowKept(PAGES_WORKFLOW));
    expect(readFileSync(join(repo, PAGES_WORKFLOW), 'utf8')).toContain('decks/mi-tema.yaml');
  });
});
