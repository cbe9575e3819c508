import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { DeckError, type Problem } from '../../src/errors/deck-error.js';
import { messages } from '../../src/errors/messages.js';
import { createTestOptions } from '../helpers.js';

/** Inputs found by probing for crashes and surprises: each gets one located message, or is left harmless. */
const HEAD = `meta: { title: T, author: A, date: 2025-01-01, locale: en }
fields:
  name: { type: text, label: Name }
  x: { type: number, label: X }
rows:
  - { name: A, x: 1 }
`;

function deckIn(yaml: string): { dir: string; dataFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-robust-'));
  mkdirSync(join(dir, 'deck'));
  const dataFile = join(dir, 'deck', 'deck.yaml');
  writeFileSync(dataFile, yaml);
  return { dir, dataFile };
}

async function problemsOf(yaml: string): Promise<readonly Problem[]> {
  const { dir, dataFile } = deckIn(yaml);
  const error = await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out') })).catch((caught: unknown) => caught);
  if (!(error instanceof DeckError)) throw new Error(`expected a DeckError, got ${String(error)}`);
  return error.problems;
}

describe('bad or hostile input, found by probing', () => {
  it("never writes a schema outside the deck's folder, or over a file datadeck did not write", async () => {
    const { dir, dataFile } = deckIn(`# yaml-language-server: $schema=../victim.txt\n${HEAD}slides:\n  - layout: title\n`);
    writeFileSync(join(dir, 'victim.txt'), 'precious data');
    await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out') }));
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious data');
    writeFileSync(join(dir, 'deck', 'mine.schema.json'), '{ "mine": true }');
    writeFileSync(dataFile, `# yaml-language-server: $schema=./mine.schema.json\n${HEAD}slides:\n  - layout: title\n`);
    await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out') }));
    expect(readFileSync(join(dir, 'deck', 'mine.schema.json'), 'utf8')).toBe('{ "mine": true }');
  });

  it('refuses a link in a chart, at the href', async () => {
    const problems = await problemsOf(
      `${HEAD}slides:\n  - layout: chart\n    title: C\n    caption: c\n    chart:\n      mark: { type: bar, href: 'https://example.org' }\n      encoding: { x: { field: name, type: nominal }, y: { field: x, type: quantitative } }\n`,
    );
    expect(problems.map((problem) => [problem.message, problem.line, problem.dataPath?.join('.')])).toEqual([
      [messages.chartLink().message, 12, 'slides.0.chart.mark.href'],
    ]);
  });

  it('refuses field names that JavaScript or the charts already use', async () => {
    for (const name of ['__proto__', 'constructor', 'fmt']) {
      const problems = await problemsOf(
        HEAD.replace('  x: { type: number, label: X }', `  x: { type: number, label: X }\n  ${name}: { type: number }`) +
          'slides:\n  - layout: title\n',
      );
      expect(problems.map((problem) => problem.message)).toContain(messages.badFieldName(name).message);
    }
  });

  it('reports an inverse section {{^x}} in a text instead of failing', async () => {
    const problems = await problemsOf(`${HEAD}slides:\n  - layout: summary\n    title: S\n    points: ['{{^x}}none{{/x}}']\n`);
    expect(problems.map((problem) => [problem.code, problem.message])).toEqual([['sentence', messages.sentenceBlock('x').message]]);
  });

  it('refuses a formula nested deeper than anyone writes, without overflowing the stack', async () => {
    const deep = `${'('.repeat(3000)}x${')'.repeat(3000)}`;
    const problems = await problemsOf(
      `${HEAD.replace(
        '  x: { type: number, label: X }',
        `  x: { type: number, label: X }\n  y: { type: number, optional: true, formula: '${deep}' }`,
      )}slides:\n  - layout: title\n`,
    );
    expect(problems.map((problem) => problem.code)).toEqual(['formula']);
  });

  it('reads years below 100 as written, not as 19xx', async () => {
    const { dir, dataFile } = deckIn(
      `${HEAD.replace('  x: { type: number, label: X }', '  x: { type: number, label: X }\n  d: { type: date, optional: true }').replace('{ name: A, x: 1 }', "{ name: A, x: 1, d: '0099-12-31' }")}slides:\n  - layout: table\n    title: T\n    columns: [name, d]\n`,
    );
    await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out') }));
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toContain('December 31, 99');
  });

  it('says when the output folder cannot be written, as a problem of the input', async () => {
    const { dir, dataFile } = deckIn(`${HEAD}slides:\n  - layout: title\n`);
    writeFileSync(join(dir, 'taken'), 'a file');
    const error = await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'taken') })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeckError);
    expect(error instanceof DeckError ? error.problems[0]?.code : undefined).toBe('file');
  });
});
