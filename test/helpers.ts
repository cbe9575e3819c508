import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createBuildOptions, type BuildOptions } from '../src/options.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DATA = `${ROOT}data/deck.yaml`;

/**
 * Build options for a build inside the test process. Its build cache is its own: tests run src/ and the CLI runs
 * lib/, whose cache stamps differ, so sharing node_modules/.cache/datadeck made each side throw the other's away
 * (the first `npm run build` after `npm test` was truly cold).
 */
export function createTestOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return createBuildOptions({ cacheDir: `${ROOT}node_modules/.cache/datadeck-test`, ...overrides });
}

export function readDefaultText(): string {
  return readFileSync(DEFAULT_DATA, 'utf8');
}

/** The default dataset as plain data, to change one field per test. */
export function readDefaultData(): Record<string, unknown> {
  const value: unknown = parse(readDefaultText());
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('data/deck.yaml is not a mapping');
  return { ...value };
}
