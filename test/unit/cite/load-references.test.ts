import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferences } from '../../../src/cite/load-references.js';
import { DeckError } from '../../../src/errors/deck-error.js';
import { ROOT } from '../../helpers.js';

/** loadReferences on a deck that names `file`, written with `text` into a fresh folder; the problems it threw. */
async function problemsLoading(file: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-refs-'));
  writeFileSync(join(dir, file), text);
  try {
    await loadReferences({
      data: { value: { references: file }, locate: () => undefined, locateKey: () => undefined },
      dataFile: join(dir, 'deck.yaml'),
      shownDataFile: 'deck.yaml',
      templatesDir: join(ROOT, 'templates'),
    });
    return [];
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return error.problems.map((problem) => ({ line: problem.line, column: problem.column, message: problem.message }));
  }
}

const ENTRY = (type: string, key: string, title: string) => `@${type}{${key},\n  title = {${title}},\n  year = {2021}\n}\n`;

describe('a key written twice in one references file', () => {
  it('is refused at each later entry of a .bib, naming where the first one is', async () => {
    const text =
      ENTRY('article', 'pereira', 'One') +
      ENTRY('misc', 'other', 'Two') +
      ENTRY('book', 'pereira', 'Three') +
      ENTRY('misc', 'pereira', 'Four');
    expect(await problemsLoading('refs.bib', text)).toEqual([
      { line: 9, column: 7, message: 'The reference key "pereira" is declared twice (first in refs.bib:1).' },
      { line: 13, column: 7, message: 'The reference key "pereira" is declared twice (first in refs.bib:1).' },
    ]);
  });

  it('is told together with a syntax error of the same .bib', async () => {
    const broken = '@article{broken,\n  title = {No closing brace,\n  year = {2020}\n}\n';
    const problems = await problemsLoading('refs.bib', ENTRY('article', 'pereira', 'One') + broken + ENTRY('misc', 'pereira', 'Two'));
    expect(problems).toHaveLength(2);
    expect(problems[1]).toEqual({ line: 9, column: 7, message: 'The reference key "pereira" is declared twice (first in refs.bib:1).' });
  });

  it('is refused in CSL-JSON at the second "id", however the file is laid out', async () => {
    const text = '[{"id": "iea", "type": "report", "title": "A"},\n {"type": "report", "title": "B", "id": "iea"}]';
    expect(await problemsLoading('refs.json', text)).toEqual([
      { line: 2, column: 41, message: 'The reference key "iea" is declared twice (first in refs.json:1).' },
    ]);
  });

  it('leaves keys that differ only in case alone, as citation-js reads them apart', async () => {
    expect(await problemsLoading('refs.bib', ENTRY('article', 'Pereira', 'One') + ENTRY('misc', 'pereira', 'Two'))).toEqual([]);
  });
});
