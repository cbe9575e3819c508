import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DATA = `${ROOT}data/deck.yaml`;

export function readDefaultText(): string {
  return readFileSync(DEFAULT_DATA, 'utf8');
}

/** The default dataset as plain data, to change one field per test. */
export function readDefaultData(): Record<string, unknown> {
  const value: unknown = parse(readDefaultText());
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('data/deck.yaml is not a mapping');
  return { ...value };
}
