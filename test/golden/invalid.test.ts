import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const run = promisify(execFile);
const DIR = 'test/fixtures/invalid';
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden, then review every changed .expected.txt by eye.
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
const STRICT = new Set(['cost-mismatch-strict.yaml']);

describe('invalid data: one clear message, exit 1, no stack trace', () => {
  it.each(fixtures)('%s', async (name) => {
    const args = ['check', '--data', `${DIR}/${name}`, ...(STRICT.has(name) ? ['--strict'] : [])];
    const { code, output } = await runCli(args);
    const expectedFile = `${ROOT}${DIR}/${name.replace(/\.yaml$/, '.expected.txt')}`;
    if (isUpdating || !existsSync(expectedFile)) writeFileSync(expectedFile, output);
    expect(code).toBe(1);
    expect(output).toMatch(/^error\[[a-z-]+\] /m);
    expect(output).toContain(`${DIR}/${name}`);
    expect(output).toMatch(/^ {2}hint: /m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).toBe(readFileSync(expectedFile, 'utf8'));
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
