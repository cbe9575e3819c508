import { describe, expect, it } from 'vitest';
import { parseData } from '../../../src/data/load.js';
import { DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import { findUnit, listUnits } from '../../../src/format/units.js';
import { FIELD_TYPES } from '../../../src/data/field-schema.js';
import { HELPER_NAMES } from '../../../src/data/sentences.js';
import { readDefaultText } from '../../helpers.js';
import { DEFAULT_CHARTS, FILE, LAYOUTS, positionOf, problemsOf, replaceOnce, withChartFiles, yamlDeck } from '../support/inline-deck.js';

const DEFAULT = readDefaultText();
const DEFAULT_FIELDS = [
  'name',
  'product',
  'organization',
  'accelerator',
  'units',
  'unitPrice',
  'hardwareCost',
  'trainingTime',
  'trainingEnergy',
  'inferenceEnergy',
  'comment',
];

/** The default data with one line changed, so line numbers in messages are real. */
function editLine(search: string, replacement: string): { text: string; line: number } {
  const lines = DEFAULT.split('\n');
  const index = lines.findIndex((line) => line.includes(search));
  if (index < 0) throw new Error(`no line contains ${search}`);
  lines[index] = (lines[index] ?? '').replace(search, replacement);
  return { text: lines.join('\n'), line: index + 1 };
}

function badQuantity(value: string, unit: string, reason: string, unitText?: string, suggestion?: string) {
  const declared = findUnit(unit);
  if (declared === undefined) throw new Error(`no unit ${unit}`);
  const units = listUnits(declared.family).map((candidate) => candidate.symbol);
  return messages.badQuantity({ value, unit: declared, reason, unitText, suggestion, units });
}

describe('validateDataset on data/deck.yaml', () => {
  it('accepts the default deck', () => {
    expect(problemsOf(DEFAULT)).toEqual([]);
  });

  it('locates a word where a number goes, with the digits hint', () => {
    const { text, line } = editLine('units: 10000', 'units: diez mil');
    expect(problemsOf(text)).toEqual([
      {
        code: 'schema',
        file: FILE,
        line,
        column: 12,
        length: 8,
        dataPath: ['rows', 0, 'units'],
        ...messages.expectedWholeNumber('diez mil'),
      },
    ]);
    expect(messages.expectedWholeNumber('diez mil').hint).toContain('write digits only');
    expect(problemsOf(editLine('hardwareCost: 80000000', 'hardwareCost: ochenta millones').text)).toMatchObject([
      { code: 'schema', dataPath: ['rows', 0, 'hardwareCost'], ...messages.expectedMoney('ochenta millones') },
    ]);
  });

  it('tells to write 1.2 for an energy written with a decimal comma', () => {
    const { text, line } = editLine('trainingEnergy: 1.2 GWh', 'trainingEnergy: 1,2 GWh');
    expect(problemsOf(text)).toMatchObject([
      {
        code: 'unit',
        line,
        column: 21,
        dataPath: ['rows', 0, 'trainingEnergy'],
        ...badQuantity('1,2 GWh', 'MWh', 'decimal-comma', undefined, '1.2 GWh'),
      },
    ]);
    expect(problemsOf(text)[0]?.hint).toBe('write the decimal with a point: 1.2 GWh');
  });

  it('names a unit of another family, and suggests the spelling of a misspelt one', () => {
    const power = editLine('inferenceEnergy: 0.3 kWh', 'inferenceEnergy: 0.3 kW');
    expect(problemsOf(power.text)).toMatchObject([
      { code: 'unit', line: power.line, dataPath: ['rows', 1, 'inferenceEnergy'], ...badQuantity('0.3 kW', 'kWh', 'other-family', 'kW') },
    ]);
    const misspelt = editLine('inferenceEnergy: 0.3 kWh', 'inferenceEnergy: 0.3 kwh');
    expect(problemsOf(misspelt.text)).toMatchObject([
      { code: 'unit', line: misspelt.line, ...badQuantity('0.3 kwh', 'kWh', 'unknown-unit', 'kwh', '0.3 kWh') },
    ]);
  });

  it('refuses a negative quantity at its line', () => {
    const { text, line } = editLine('trainingEnergy: 100 MWh', 'trainingEnergy: -100 MWh');
    expect(problemsOf(text)).toMatchObject([{ code: 'unit', line, column: 21, dataPath: ['rows', 3, 'trainingEnergy'] }]);
  });

  it('suggests the field a typo meant, pointing at the key', () => {
    const { text, line } = editLine('    units: 512', '    unit: 512');
    expect(problemsOf(text)).toEqual([
      {
        code: 'unknown-key',
        file: FILE,
        line,
        column: 5,
        length: 4,
        dataPath: ['rows', 3, 'unit'],
        ...messages.unknownRowField('unit', 'units', DEFAULT_FIELDS),
      },
    ]);
  });

  it('refuses a range whose min is above its max, at the min', () => {
    const { text, line } = editLine('trainingTime: { min: 2, max: 3 }', 'trainingTime: { min: 4, max: 3 }');
    expect(problemsOf(text)).toMatchObject([
      { code: 'range', line, column: 26, dataPath: ['rows', 0, 'trainingTime', 'min'], ...messages.rangeOrder(4, 3) },
    ]);
  });

  it('refuses a row name used twice, pointing at the second', () => {
    const { text, line } = editLine('name: Llama 3', 'name: GPT-4');
    expect(problemsOf(text)).toMatchObject([
      { code: 'duplicate', line, column: 11, dataPath: ['rows', 4, 'name'], ...messages.duplicateRow('GPT-4', 0) },
    ]);
  });

  it('lists the layouts and charts that exist for an unknown name', () => {
    const layout = problemsOf(editLine('layout: aspects', 'layout: aspectos').text);
    expect(layout).toMatchObject([
      { code: 'layout', dataPath: ['slides', 3, 'layout'], ...messages.unknownLayout('aspectos', [...LAYOUTS.keys()]) },
    ]);
    const chart = problemsOf(withChartFiles(DEFAULT).replace('chart: hardware-cost', 'chart: hardware-costs'));
    expect(chart).toMatchObject([
      { code: 'chart', dataPath: ['slides', 5, 'chart'], ...messages.unknownChart('hardware-costs', [...DEFAULT_CHARTS.keys()]) },
    ]);
  });

  it('reports every problem of the file in one run, in file order', () => {
    const text = DEFAULT.replace('units: 10000', 'units: diez mil')
      .replace('trainingEnergy: 900 MWh', 'trainingEnergy: 900 MW')
      .replace('name: Llama 3', 'name: GPT-4');
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.code)).toEqual(['schema', 'unit', 'duplicate']);
    const lines = problems.map((problem) => problem.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('reports a misspelt field once: unknown, with the field it meant, not also missing', () => {
    const { text, line } = editLine('hardwareCost: 50000000', 'hardwareKost: 50000000');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        line,
        column: 5,
        dataPath: ['rows', 2, 'hardwareKost'],
        ...messages.unknownRowField('hardwareKost', 'hardwareCost', DEFAULT_FIELDS),
      }),
    ]);
  });

  it('names a missing required field, and accepts an optional one left out or left empty', () => {
    const { text } = editLine('    comment: Usa hardware propio de Google.', '');
    expect(problemsOf(text)).toMatchObject([
      { code: 'schema', dataPath: ['rows', 2], ...messages.missingRowField('comment', 'Comentario') },
    ]);
    expect(problemsOf(replaceOnce(DEFAULT, 'units: 512', 'units:'))).toEqual([]);
  });

  it('refuses a file that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toMatchObject([
      { code: 'schema', line: 1, column: 1, ...messages.notAMapping(['just', 'a list']) },
    ]);
  });
});

describe('validateDataset: the field declarations', () => {
  const rows = '- { name: A }';

  it('suggests a type for a misspelt one, at the type', () => {
    const text = yamlDeck({ fields: 'name: text\ncost: { type: mony }', rows });
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        code: 'field-type',
        ...positionOf(text, 'mony'),
        dataPath: ['fields', 'cost', 'type'],
        ...messages.unknownFieldType('mony', 'money', FIELD_TYPES),
      }),
    ]);
  });

  it('asks a quantity for its unit and a category for its values', () => {
    const text = yamlDeck({ fields: 'name: text\nenergy: { type: quantity, optional: true }\nkind: category', rows });
    expect(problemsOf(text)).toMatchObject([
      { code: 'schema', dataPath: ['fields', 'energy'], ...messages.fieldNeedsKeys('quantity', 'energy') },
      { code: 'schema', dataPath: ['fields', 'kind'], ...messages.fieldNeedsKeys('category', 'kind') },
    ]);
  });

  it('names an unknown unit and a display of another family, at the value', () => {
    const text = yamlDeck({
      fields:
        'name: text\npower: { type: quantity, unit: kWz, optional: true }\nenergy: { type: quantity, unit: MWh, display: h, optional: true }',
      rows,
    });
    const [unit, display, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(unit).toMatchObject({
      code: 'unit',
      ...positionOf(text, 'kWz'),
      dataPath: ['fields', 'power', 'unit'],
      message: messages.unknownDeclaredUnit('kWz', 'unit', undefined, []).message,
    });
    expect(unit?.hint).toMatch(/^did you mean "kWh"\? The units are .*power: W kW MW/);
    expect(display).toMatchObject({
      code: 'unit',
      ...positionOf(text, 'h, optional'),
      dataPath: ['fields', 'energy', 'display'],
      message: messages.unknownDeclaredUnit('h', 'display', undefined, []).message,
    });
  });

  it('wants text first, since the first field names each row', () => {
    const text = yamlDeck({ fields: 'cost: money\nname: text', rows: '- { name: A, cost: 1 }' });
    expect(problemsOf(text)).toMatchObject([
      { code: 'schema', dataPath: ['fields', 'cost'], ...messages.firstFieldNotText('cost', 'money') },
    ]);
  });

  it('refuses a field name that formulas and sentences cannot use, and a key the type does not take', () => {
    const text = yamlDeck({
      fields: 'name: text\nbad-name: { type: text, optional: true }\ncount: { type: integer, labl: Cuenta, optional: true }',
      rows,
    });
    expect(problemsOf(text)).toMatchObject([
      { code: 'schema', ...positionOf(text, 'bad-name'), dataPath: ['fields', 'bad-name'], ...messages.badFieldName('bad-name') },
      { code: 'unknown-key', ...positionOf(text, 'labl'), dataPath: ['fields', 'count', 'labl'], hint: 'did you mean "label"?' },
    ]);
  });
});

describe('validateDataset: positions inside formulas', () => {
  const rows = '- { name: A, cost: 100, units: 4, time: 2 }';
  const fields = (formula: string) =>
    `name: text\ncost: money\nunits: integer\ntime: { type: range, unit: month }\nprice: { type: money, optional: true, formula: "${formula}" }`;

  it('points at an unknown field inside the formula, with "did you mean"', () => {
    const text = yamlDeck({ fields: fields('cost / unitz'), rows });
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'formula', ...positionOf(text, 'unitz'), length: 5, dataPath: ['fields', 'price', 'formula'] });
    expect(problem?.hint).toBe(messages.formulaUnknownField('unitz', 'units', []).hint);
  });

  it('points at the character a formula cannot read, and at a decimal comma', () => {
    const syntax = yamlDeck({ fields: fields('cost /* 2'), rows });
    expect(problemsOf(syntax)).toMatchObject([
      { code: 'formula', ...positionOf(syntax, '* 2'), length: 1, dataPath: ['fields', 'price', 'formula'] },
    ]);
    const comma = yamlDeck({ fields: fields('cost * 0,5'), rows });
    expect(problemsOf(comma)).toMatchObject([
      {
        code: 'formula',
        ...positionOf(comma, '0,5'),
        length: 3,
        message: messages.formulaSyntax({ reason: 'decimal-comma', found: '0,5', expected: '', suggestion: '0.5' }).message,
      },
    ]);
  });

  it('asks for one end of a range, at the range', () => {
    const text = yamlDeck({ fields: fields('cost / time'), rows });
    expect(problemsOf(text)).toMatchObject([
      { code: 'formula', ...positionOf(text, 'time"'), length: 4, ...messages.formulaFieldType('time', 'range') },
    ]);
  });

  it('points inside a formula written as a folded block', () => {
    const text = yamlDeck({
      fields: 'name: text\ncost: money\nunits: integer\nprice:\n  type: money\n  formula: >-\n    cost /\n    unitz',
      rows: '- { name: A, cost: 100, units: 4 }',
    });
    expect(problemsOf(text)[0]).toMatchObject({ code: 'formula', ...positionOf(text, 'unitz'), length: 5 });
  });

  it('names the formulas that need each other', () => {
    const text = yamlDeck({
      fields: 'name: text\na: { type: number, formula: b + 1 }\nb: { type: number, formula: a * 2 }',
      rows: '- { name: A }',
    });
    expect(problemsOf(text)[0]).toMatchObject({
      code: 'formula',
      dataPath: ['fields', 'a', 'formula'],
      ...messages.formulaCycle(['a', 'b', 'a']),
    });
  });

  it('reports a wrong formula once, not again as a missing value in every row that relies on it', () => {
    const typo = yamlDeck({ fields: fields('cost / unitz'), rows: `${rows}\n- { name: B, cost: 200, units: 5, time: 1 }` });
    expect(problemsOf(typo).map((problem) => problem.code)).toEqual(['formula']);
    const cycle = yamlDeck({
      fields: 'name: text\na: { type: number, formula: b + 1 }\nb: { type: number, formula: a * 2 }',
      rows: '- { name: A }',
    });
    expect(problemsOf(cycle).map((problem) => problem.code)).toEqual(['formula']);
  });

  it('asks a row for a required value its formula cannot compute, naming the inputs it lacks', () => {
    const text = yamlDeck({
      fields: 'name: text\ncost: money\nunits: { type: integer, optional: true }\nprice: { type: money, formula: cost / units }',
      rows: '- { name: A, cost: 100, units: 4 }\n- { name: B, cost: 100 }',
    });
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        code: 'schema',
        ...positionOf(text, '{ name: B'),
        dataPath: ['rows', 1],
        ...messages.cannotDerive('price', 'cost / units', ['units']),
      }),
    ]);
  });
});

describe('validateDataset: positions inside sentences', () => {
  const fields = 'name: text\ncost: { type: money, label: Costo }';
  const rows = '- { name: Alfa, cost: 100 }\n- { name: Beta, cost: 300 }';
  const summary = (lines: string) => yamlDeck({ fields, rows, slides: `- layout: summary\n  title: Resumen\n${lines}` });

  it('points at the name inside a quoted string, with "did you mean"', () => {
    const text = summary("  points:\n    - 'El más caro: {{max cots name}}, y el más barato {{min cost name}}.'");
    expect(problemsOf(text)).toEqual([
      {
        code: 'sentence',
        file: FILE,
        ...positionOf(text, 'cots'),
        length: 4,
        dataPath: ['slides', 0, 'points', 0],
        ...messages.unknownSentenceName('cots', 'cost', ['name', 'cost']),
      },
    ]);
  });

  it('points at the {{…}} on its own line inside a >- block', () => {
    const text = summary(
      '  points: [Uno.]\n  highlight: >-\n    En total costaron\n    {{sum cost}}, y el más\n    barato fue {{mxa cost name}}.',
    );
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        code: 'sentence',
        ...positionOf(text, 'mxa'),
        length: 3,
        dataPath: ['slides', 0, 'highlight'],
        ...messages.unknownHelper('mxa', 'max', HELPER_NAMES),
      }),
    ]);
  });

  it('counts the escapes of a double-quoted string', () => {
    const text = summary('  points: ["Costó \\"mucho\\": {{sum costo}}"]');
    expect(problemsOf(text)).toMatchObject([{ code: 'sentence', ...positionOf(text, 'costo'), length: 5 }]);
  });

  it('finds the second of two equal mistakes where it is', () => {
    const text = summary("  points:\n    - '{{sum cost}} y {{foo}}; luego {{foo}}'");
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.column)).toEqual([
      positionOf(text, '{{foo').column + 2,
      positionOf(text, "{{foo}}'").column + 2,
    ]);
  });

  it('points at a syntax error, an unknown row and a bare field', () => {
    const text = summary("  points:\n    - 'Sin cierre {{max cost'\n    - '{{value \"Gama\" cost}}'\n    - 'Total {{cost}}'");
    expect(problemsOf(text)).toMatchObject([
      {
        code: 'sentence',
        ...positionOf(text, '{{max cost'),
        dataPath: ['slides', 0, 'points', 0],
        message: messages.sentenceSyntax({ isUnfinished: false, oneBrace: undefined, example: 'field' }).message,
      },
      { code: 'sentence', ...positionOf(text, '"Gama"'), dataPath: ['slides', 0, 'points', 1], ...messages.unknownRow('Gama', undefined) },
      {
        code: 'sentence',
        ...positionOf(text, 'cost}}', 'Total'),
        dataPath: ['slides', 0, 'points', 2],
        ...messages.fieldNeedsHelper('cost'),
      },
    ]);
  });

  it("checks the sentences of meta and of a table cell, where a bare field is the row's", () => {
    const slides = "- layout: table\n  title: T\n  columns:\n    - name\n    - { label: Costo, cell: ['{{cost}}', '({{cots}})'] }";
    const text = yamlDeck({ fields, rows, slides }).replace('title: Una prueba', 'title: "{{count}} filas y {{foo}}"');
    expect(problemsOf(text)).toMatchObject([
      { code: 'sentence', ...positionOf(text, 'foo'), dataPath: ['meta', 'title'] },
      { code: 'sentence', ...positionOf(text, 'cots'), dataPath: ['slides', 0, 'columns', 1, 'cell', 1] },
    ]);
  });
});

describe('validateDataset: slides', () => {
  const fields = 'name: text\nunits: integer\nlink: { type: url, optional: true }';
  const rows = '- { name: A, units: 1 }';

  it('suggests the key a layout shows for a misspelt one (once: not also as missing), and asks for a key it lacks', () => {
    const typo = yamlDeck({ fields, rows, slides: '- layout: text\n  title: T\n  paragrahps: [uno]' });
    expect(problemsOf(typo)).toMatchObject([
      { code: 'unknown-key', ...positionOf(typo, 'paragrahps'), dataPath: ['slides', 0, 'paragrahps'], hint: 'did you mean "paragraphs"?' },
    ]);
    const missing = yamlDeck({ fields, rows, slides: '- layout: text\n  title: T' });
    expect(problemsOf(missing)).toMatchObject([
      { code: 'schema', dataPath: ['slides', 0, 'paragraphs'], ...messages.missingSlideKey('paragraphs', 'text') },
    ]);
  });

  it('says what a slide key holds instead of text or a list', () => {
    const text = yamlDeck({ fields, rows, slides: '- layout: text\n  title: [a, b]\n  paragraphs: { a: 1 }' });
    expect(problemsOf(text)).toMatchObject([
      { code: 'schema', dataPath: ['slides', 0, 'title'], ...messages.expectedText(['a', 'b']) },
      { code: 'schema', dataPath: ['slides', 0, 'paragraphs'], ...messages.expectedList({ a: 1 }) },
    ]);
  });

  it('refuses links that are not http(s), in a url field and in a sources slide', () => {
    const text = yamlDeck({
      fields,
      rows: '- { name: A, units: 1, link: "javascript:alert(1)" }',
      slides: '- layout: sources\n  title: Fuentes\n  sources:\n    - { title: x, url: "javascript:alert(2)" }',
    });
    expect(problemsOf(text)).toMatchObject([
      {
        code: 'url',
        ...positionOf(text, '"javascript:alert(1)"'),
        dataPath: ['rows', 0, 'link'],
        ...messages.badUrl('javascript:alert(1)'),
      },
      { code: 'url', ...positionOf(text, '"javascript:alert(2)"'), dataPath: ['slides', 0, 'sources', 0, 'url'] },
    ]);
  });

  it('names a column of an unknown field, with "did you mean"', () => {
    const text = yamlDeck({ fields, rows, slides: '- layout: table\n  title: T\n  columns: [name, { field: unit }]' });
    expect(problemsOf(text)).toMatchObject([
      {
        code: 'field',
        ...positionOf(text, 'unit }'),
        dataPath: ['slides', 0, 'columns', 1, 'field'],
        ...messages.unknownColumnField('unit', 'units', ['name', 'units', 'link']),
      },
    ]);
  });

  it('reports every column problem at once, even beside a column that is not valid', () => {
    const text = yamlDeck({
      fields,
      rows,
      slides: '- layout: table\n  title: T\n  columns:\n    - nmae\n    - { field: units, width: 15 }',
    });
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.dataPath?.slice(0, 4))).toEqual([
      ['slides', 0, 'columns', 0],
      ['slides', 0, 'columns', 1],
    ]);
    expect(problems[0]).toMatchObject({ code: 'field', ...messages.unknownColumnField('nmae', 'name', ['name', 'units', 'link']) });
  });

  it("names a field a chart reads that the deck does not declare, at the spec's key", () => {
    const text = yamlDeck({
      fields,
      rows,
      slides:
        '- layout: chart\n  title: C\n  caption: Unidades.\n  chart:\n    mark: bar\n    encoding:\n      x: { field: unitz, type: quantitative }',
    });
    expect(problemsOf(text)).toMatchObject([
      {
        code: 'field',
        ...positionOf(text, 'unitz'),
        dataPath: ['slides', 0, 'chart', 'encoding', 'x', 'field'],
        ...messages.unknownChartField('unitz', undefined, 'units'),
      },
    ]);
  });

  it('refuses columns on a layout that shows no table', () => {
    const text = yamlDeck({ fields, rows, slides: '- layout: text\n  title: T\n  paragraphs: [uno]\n  columns: [name]' });
    expect(problemsOf(text)).toMatchObject([
      { code: 'layout', ...positionOf(text, 'columns'), ...messages.keyNotShown('columns', 'text', 'table') },
    ]);
  });
});

describe('parseData', () => {
  it('locates YAML syntax errors', () => {
    const text = 'meta:\n  title: "unterminated\nrows: []\n';
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
      lines.push(
        `${name}: &${name} [*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous},*${previous}]`,
      );
    }
    expect(() => parseData(lines.join('\n'), FILE)).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ ...messages.yamlAliasBomb() })] }),
    );
  });
});
