import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const run = promisify(execFile);
const DIR = 'test/fixtures/invalid';
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden/invalid.test.ts, then review every changed .expected.txt by eye.
const isUpdating = process.env.UPDATE_GOLDEN === '1';

interface Outcome {
  readonly code: number;
  readonly output: string;
}

/** The real CLI, as a user runs it: every invalid fixture prints its stored message and exits 1. */
async function runCli(args: readonly string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`${ROOT}lib/main.js`, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, output: stderr + stdout };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && 'stderr' in error && 'stdout' in error) {
      return { code: Number(error.code), output: String(error.stderr) + String(error.stdout) };
    }
    throw error;
  }
}

const fixtures = readdirSync(`${ROOT}${DIR}`).filter((name) => name.endsWith('.yaml')).sort();
// Built with --strict: a warning (a formula's value more than 1 % from the given one) is then an error.
const STRICT = new Set(['formula-mismatch-strict.yaml']);

/** The stored output; only UPDATE_GOLDEN=1 writes it. A golden that writes itself when missing would pass anything. */
function readGolden(file: string, actual: string): string {
  if (isUpdating) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`No golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/golden/invalid.test.ts and review it by eye.`);
  return readFileSync(file, 'utf8');
}

describe('invalid data: one clear message, exit 1, no stack trace', () => {
  it.each(fixtures)('%s', async (name) => {
    const args = ['check', '--data', `${DIR}/${name}`, ...(STRICT.has(name) ? ['--strict'] : [])];
    const { code, output } = await runCli(args);
    const expectedFile = `${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.txt')}`;
    const expected = readGolden(expectedFile, output);
    expect(code).toBe(1);
    expect(output).toMatch(/^error\[[a-z-]+\] /m);
    // The deck, or the spreadsheet beside it that its rows: names (sheet-*.csv, sheet-*.xlsx).
    expect(output).toContain(`${DIR}/${name.startsWith('sheet-') ? name.replace(/\.yaml$/, '') : name}`);
    expect(output).toMatch(/^ {2}hint: /m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).toBe(expected);
  });

  it('has a fixture for every stored output, and every --strict fixture exists', () => {
    const stored = readdirSync(`${ROOT}${DIR}`).filter((name) => name.endsWith('.expected.txt'));
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
