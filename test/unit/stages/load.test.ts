import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { isDeckError } from '../../../src/errors/deck-error.js';
import { parseData } from '../../../src/stages/load.js';
import { DEFAULT_DATA, ROOT } from '../../helpers.js';

const fixtures = [
  DEFAULT_DATA,
  ...readdirSync(`${ROOT}test/fixtures/decks`).map((name) => join(ROOT, 'test/fixtures/decks', name, 'deck.yaml')).filter((file) => readdirSync(join(file, '..')).includes('deck.yaml')),
  ...readdirSync(`${ROOT}test/fixtures/invalid`).filter((name) => name.endsWith('.yaml')).map((name) => join(ROOT, 'test/fixtures/invalid', name)),
];

/** What `yaml` alone makes of a text: its value, or its first error. */
function parseWithYamlOnly(text: string): { value: unknown } | { error: string } {
  const document = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return { error: 'syntax' };
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { error: 'aliases' };
  }
}

describe('parseData', () => {
  it.each(fixtures.map((file) => [file.slice(ROOT.length), file]))('reads %s exactly as the yaml package does', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const expected = parseWithYamlOnly(text);
    let actual: { value: unknown } | { error: string };
    try {
      actual = { value: parseData(text, 'deck.yaml').value };
    } catch (error) {
      actual = { error: isDeckError(error) && error.problems[0]?.message.includes('aliases') ? 'aliases' : 'syntax' };
    }
    expect(actual).toEqual(expected);
  });

  it('locates a problem in a plain file (read by the fast parser) on its line and column', () => {
    const data = parseData('meta:\n  title: Costos\nmodels:\n  - name: GPT-4\n    units: diez mil\n', 'deck.yaml');
    expect(data.locate(['models', 0, 'units'])).toEqual({ line: 5, column: 12, length: 8 });
    expect(data.locateKey(['models', 0], 'units')).toMatchObject({ line: 5, column: 5 });
  });

  it('reads YAML 1.2 scalars the same either way: dates stay text, yes stays text, 0x10 is a number', () => {
    const text = 'date: 2025-11-02\nanswer: yes\nhex: 0x10\nnothing: ~\nratio: .5\n';
    expect({ value: parseData(text, 'deck.yaml').value }).toEqual(parseWithYamlOnly(text));
    expect(parseData(text, 'deck.yaml').value).toEqual({ date: '2025-11-02', answer: 'yes', hex: 16, nothing: null, ratio: 0.5 });
  });
});
