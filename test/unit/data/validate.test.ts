import { describe, expect, it } from 'vitest';
import { DeckError, type Problem } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import { parseData } from '../../../src/data/load.js';
import { validateDataset } from '../../../src/data/validate.js';
import { readDefaultText } from '../../helpers.js';

const LAYOUTS = ['aspects', 'chart', 'conclusions', 'definitions', 'sources', 'summary', 'table', 'text', 'title'];
const CHARTS = ['accelerator-units', 'hardware-cost', 'inference-energy', 'training-energy', 'training-time'];
const FILE = 'data/deck.yaml';

function problemsOf(text: string): Problem[] {
  try {
    validateDataset({ data: parseData(text, FILE), file: FILE, layouts: LAYOUTS, charts: CHARTS });
  } catch (error) {
    if (error instanceof DeckError) return [...error.problems];
    throw error;
  }
  return [];
}

/** The default data with one line changed, so line numbers in messages are real. */
function editLine(search: string, replacement: string): { text: string; line: number } {
  const text = readDefaultText();
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(search));
  if (index < 0) throw new Error(`no line contains ${search}`);
  lines[index] = (lines[index] ?? '').replace(search, replacement);
  return { text: lines.join('\n'), line: index + 1 };
}

describe('validateDataset', () => {
  it('accepts the default deck', () => {
    expect(problemsOf(readDefaultText())).toEqual([]);
  });

  it('locates a word where a number goes, with the digits hint', () => {
    const { text, line } = editLine('units: 10000', 'units: diez mil');
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'schema', file: FILE, line, column: 12, dataPath: ['models', 0, 'units'], ...messages.expectedNumber('diez mil') });
  });

  it('tells to write 1.2 for an energy written with a decimal comma', () => {
    const { text, line } = editLine('trainingEnergy: 1.2 GWh', 'trainingEnergy: 1,2 GWh');
    expect(problemsOf(text)).toMatchObject([{ code: 'unit', line, dataPath: ['models', 0, 'trainingEnergy'], hint: 'write the decimal with a point: 1.2 GWh' }]);
  });

  it('names an unknown energy unit', () => {
    const { text } = editLine('inferenceEnergy: 0.3 kWh', 'inferenceEnergy: 0.3 kW');
    expect(problemsOf(text)).toMatchObject([{ code: 'unit', ...messages.energy('0.3 kW'), dataPath: ['models', 1, 'inferenceEnergy'] }]);
  });

  it('refuses zero and negative figures', () => {
    const { text, line } = editLine('hardwareCostUsd: 40000000', 'hardwareCostUsd: -40000000');
    expect(problemsOf(text)).toMatchObject([{ code: 'range', line, dataPath: ['models', 1, 'hardwareCostUsd'] }]);
    expect(problemsOf(editLine('units: 512', 'units: 0').text)).toMatchObject([{ code: 'range', dataPath: ['models', 3, 'units'] }]);
  });

  it('suggests the field a typo meant', () => {
    const { text, line } = editLine('    units: 512', '    unit: 512');
    expect(problemsOf(text)).toMatchObject([
      { code: 'unknown-key', line, column: 5, dataPath: ['models', 3, 'unit'], hint: 'did you mean "units"?' },
    ]);
  });

  it('refuses a range whose min is above its max', () => {
    const { text, line } = editLine('trainingMonths: { min: 2, max: 3 }', 'trainingMonths: { min: 4, max: 3 }');
    expect(problemsOf(text)).toMatchObject([{ code: 'range', line, ...messages.rangeOrder(4, 3) }]);
  });

  it('refuses a model name used twice, pointing at the second', () => {
    const { text, line } = editLine('name: Llama 3', 'name: GPT-4');
    expect(problemsOf(text)).toMatchObject([{ code: 'duplicate', line, ...messages.duplicateModel('GPT-4', 0) }]);
  });

  it('lists the layouts and charts that exist for an unknown name', () => {
    const layout = problemsOf(editLine('layout: aspects', 'layout: aspectos').text);
    expect(layout).toMatchObject([{ code: 'layout', ...messages.unknownLayout('aspectos', LAYOUTS) }]);
    const chart = problemsOf(editLine('chart: hardware-cost', 'chart: hardware-costs').text);
    expect(chart).toMatchObject([{ code: 'chart', ...messages.unknownChart('hardware-costs', CHARTS) }]);
  });

  it('reports every problem of the file in one run, in file order', () => {
    let text = readDefaultText();
    text = text.replace('units: 10000', 'units: diez mil').replace('trainingEnergy: 900 MWh', 'trainingEnergy: 900 MW').replace('name: Llama 3', 'name: GPT-4');
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.code)).toEqual(['schema', 'unit', 'duplicate']);
    const lines = problems.map((problem) => problem.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('refuses source links that are not http(s)', () => {
    const text = readDefaultText().replace(
      'comment: Optimizado para manejar contextos largos.',
      'comment: Optimizado para manejar contextos largos.\n    sources:\n      - title: x\n        url: "javascript:alert(1)"',
    );
    expect(problemsOf(text)).toMatchObject([{ code: 'url', dataPath: ['models', 1, 'sources', 0, 'url'] }]);
  });

  it('asks for a cost when neither a total nor price and units are given', () => {
    const { text } = editLine('hardwareCostUsd: 50000000', 'comment2: x');
    expect(problemsOf(text).map((problem) => problem.code)).toEqual(expect.arrayContaining(['schema', 'unknown-key']));
    expect(problemsOf(text)).toContainEqual(expect.objectContaining({ ...messages.costMissing(), dataPath: ['models', 2] }));
  });

  it('names a missing required field', () => {
    const { text } = editLine('    comment: Usa hardware propio de Google.', '');
    expect(problemsOf(text)).toMatchObject([{ code: 'schema', ...messages.missing('comment'), dataPath: ['models', 2, 'comment'] }]);
  });

  it('refuses a file that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toMatchObject([{ code: 'schema', line: 1, column: 1 }]);
  });
});

describe('parseData', () => {
  it('locates YAML syntax errors', () => {
    const text = 'meta:\n  title: "unterminated\nmodels: []\n';
    expect(() => parseData(text, FILE)).toThrow(DeckError);
    try {
      parseData(text, FILE);
    } catch (error) {
      expect(error).toBeInstanceOf(DeckError);
      if (error instanceof DeckError) expect(error.problems[0]).toMatchObject({ code: 'yaml', file: FILE, line: 4, column: 1 });
    }
  });

  it('refuses alias bombs instead of expanding them', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`);
    }
    expect(() => parseData(lines.join('\n'), FILE)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ ...messages.yamlAliasBomb() })] }));
  });
});
