import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { spanishMessages } from '../../src/errors/messages-es.js';
import { ROOT } from '../helpers.js';
import { isUpdatingGoldens, readGolden } from './support/golden.js';

const run = promisify(execFile);
const DIR = 'test/fixtures/invalid';
const isUpdating = isUpdatingGoldens();

interface Outcome {
  readonly code: number;
  readonly output: string;
}

/** The real CLI, as a user runs it: every invalid fixture prints its stored message and exits 1. */
async function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`${ROOT}lib/main.js`, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { code: 0, output: stderr + stdout };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && 'stderr' in error && 'stdout' in error) {
      return { code: Number(error.code), output: String(error.stderr) + String(error.stdout) };
    }
    throw error;
  }
}

const fixtures = readdirSync(`${ROOT}${DIR}`)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
// The cases whose Spanish golden UPDATE_GOLDEN=1 writes: a few of each kind (value, unit, sentence, layout, many at once).
const SPANISH_CASES = new Set([
  'empty.yaml',
  'value-word-for-number.yaml',
  'value-decimal-comma.yaml',
  'value-other-family.yaml',
  'sentence-unknown-field.yaml',
  'slide-unknown-layout.yaml',
  'formula-mismatch-strict.yaml',
  'many-problems.yaml',
  'cite-unknown-key.yaml',
  'cite-bibtex-malformed.yaml',
  'cite-bibtex-url.yaml',
  'cite-bibtex-duplicate.yaml',
  'cite-unused-strict.yaml',
]);
// Built with --strict: a warning (a formula's value more than 1 % from the given one) is then an error.
// A reference nothing cites is a warning too.
const STRICT = new Set(['formula-mismatch-strict.yaml', 'cite-unused-strict.yaml']);

// The same mistakes told in Spanish: <name>.expected.es.txt beside the English golden, printed under --lang es.
const SPANISH = fixtures.filter(
  (name) => existsSync(`${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.es.txt')}`) || (isUpdating && SPANISH_CASES.has(name)),
);

describe('invalid data: one clear message, exit 1, no stack trace', () => {
  it.each(fixtures)('%s', async (name) => {
    const args = ['check', '--data', `${DIR}/${name}`, ...(STRICT.has(name) ? ['--strict'] : [])];
    const { code, output } = await runCli(args);
    const expectedFile = `${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.txt')}`;
    const expected = readGolden(expectedFile, output, 'test/golden/invalid.test.ts');
    expect(code).toBe(1);
    expect(output).toMatch(/^error\[[a-z-]+\] /m);
    // The deck, the spreadsheet beside it that its rows: names (sheet-*.csv, sheet-*.xlsx), or its references file
    // (cite-bibtex-*.bib, cite-json-*.json).
    const pointsInto = name.startsWith('sheet-')
      ? name.replace(/\.yaml$/, '')
      : name.startsWith('cite-bibtex-')
        ? name.replace(/\.yaml$/, '.bib')
        : name.startsWith('cite-json-')
          ? name.replace(/\.yaml$/, '.json')
          : name;
    expect(output).toContain(`${DIR}/${pointsInto}`);
    expect(output).toMatch(/^ {2}hint: /m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).toBe(expected);
  });

  it('has a fixture for every stored output, and every --strict fixture exists', () => {
    const stored = readdirSync(`${ROOT}${DIR}`)
      .filter((name) => name.endsWith('.expected.txt') || name.endsWith('.expected.es.txt'))
      .map((name) => name.replace('.es.txt', '.txt'));
    expect(stored.filter((name) => !fixtures.includes(name.replace(/\.expected\.txt$/, '.yaml')))).toEqual([]);
    expect([...STRICT].filter((name) => !fixtures.includes(name))).toEqual([]);
  });

  it('names a data file that does not exist', async () => {
    const { code, output } = await runCli(['check', '--data', 'no/such/deck.yaml']);
    expect(code).toBe(1);
    expect(output).toContain('error[file] no/such/deck.yaml');
  });

  it('gives usage errors exit 2', async () => {
    expect((await runCli(['publish'])).code).toBe(2);
    expect((await runCli(['--no-such-option'])).code).toBe(2);
  });
});

describe('invalid data in Spanish: the same report, every sentence and hint in Spanish', () => {
  it('has Spanish goldens for the cases it names', () => {
    expect(SPANISH.sort()).toEqual([...SPANISH_CASES].sort());
  });

  it.each(SPANISH)('%s', async (name) => {
    const args = ['check', '--data', `${DIR}/${name}`, '--lang', 'es', ...(STRICT.has(name) ? ['--strict'] : [])];
    const { code, output } = await runCli(args);
    const expected = readGolden(`${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.es.txt')}`, output, 'test/golden/invalid.test.ts');
    expect(code).toBe(1);
    expect(output).toMatch(/^error\[[a-z-]+\] /m);
    expect(output).toMatch(/^ {2}sugerencia: /m);
    expect(output).not.toMatch(/^ {2}hint: /m);
    expect(output).toBe(expected);
  });

  it('speaks Spanish on a Spanish system (LANG=es_EC.UTF-8) and English when --lang en says so', async () => {
    const name = 'value-word-for-number.yaml';
    const spanish = await runCli(['check', '--data', `${DIR}/${name}`], { LANG: 'es_EC.UTF-8' });
    expect(spanish.output).toBe(readFileSync(`${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.es.txt')}`, 'utf8'));
    const english = await runCli(['check', '--data', `${DIR}/${name}`, '--lang', 'en'], { LANG: 'es_EC.UTF-8' });
    expect(english.output).toBe(readFileSync(`${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.txt')}`, 'utf8'));
  });

  it('gives --help, usage errors and the summary line in Spanish', async () => {
    const help = await runCli(['--help', '--lang', 'es']);
    expect(help.output).toBe(`${spanishMessages.help()}\n`);
    expect(help.output).toMatch(/^Uso:$/m);
    const usage = await runCli(['publicar'], { LC_ALL: 'es_ES.UTF-8', LANG: 'en_US.UTF-8' });
    expect(usage.code).toBe(2);
    expect(usage.output).toContain(
      spanishMessages.unknownCommand('publicar', ['build', 'new', 'check', 'dev', 'pdf', 'pptx', 'schema']).message,
    );
    const checked = await runCli(['check', '--data', 'examples/cloud-gpus/deck.yaml', '--lang', 'es']);
    expect(checked.code).toBe(0);
    expect(checked.output).toMatch(/^✔ examples\/cloud-gpus\/deck\.yaml: \d+ filas, \d+ diapositivas, sin errores$/m);
    const file = join(mkdtempSync(join(tmpdir(), 'datadeck-new-es-')), 'mi-tema.yaml');
    const started = await runCli(['new', file, '--lang', 'es']);
    const workflow = join(dirname(file), '.github', 'workflows', 'pages.yml');
    expect(started.output).toBe(
      `${spanishMessages.starterWritten(file, `${file.replace(/\.yaml$/, '')}-deck`)}\n${spanishMessages.workflowWritten(workflow)}\n`,
    );
    expect(existsSync(file)).toBe(true);
  });

  it('says a mistyped option in the language --lang asks for, even when --lang comes after it', async () => {
    const unknown = await runCli(['--dta', 'x.yaml', '--lang', 'es']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain(spanishMessages.unknownOption('--dta').message);
    const missing = await runCli(['check', '--lang=es', '--data']);
    expect(missing.output).toContain(spanishMessages.optionValue('--data', true).message);
  });

  it("refuses a language it does not speak, in the system's language, with exit 2", async () => {
    const { code, output } = await runCli(['--lang', 'fr'], { LANG: 'es_MX.UTF-8' });
    expect(code).toBe(2);
    expect(output).toContain(spanishMessages.badCliLanguage('fr', ['es', 'en']).message);
  });
});
