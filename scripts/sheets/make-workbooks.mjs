#!/usr/bin/env node
// Writes the committed .xlsx files from the cells below: the example deck's workbook and the spreadsheet fixtures
// of test/fixtures/invalid. Deterministic: test/unit/data/sheet/workbooks.test.ts checks each file matches.
//   node scripts/sheets/make-workbooks.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeXlsx } from './write-xlsx.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const BRIDGE_HEADER = ['Bridge', 'Country', 'Main span (m)', 'Total length (m)', 'Side spans (m)', 'Opened'];
// Main span and total length as listed by Wikipedia's "List of longest suspension bridge spans"; the side spans are
// a formula (total − main span) whose value the workbook stores, as Excel does on saving.
const BRIDGES = [
  ['Çanakkale 1915 Bridge', 'Türkiye', 2023, 4608, '2022-03-18'],
  ['Akashi Kaikyō Bridge', 'Japan', 1991, 3911, '1998-04-05'],
  ['Great Belt East Bridge', 'Denmark', 1624, 6790, '1998-06-14'],
  ['Osman Gazi Bridge', 'Türkiye', 1550, 2682, '2016-07-01'],
  ['Humber Bridge', 'United Kingdom', 1410, 2220, '1981-06-24'],
  ['Verrazzano-Narrows Bridge', 'United States', 1298, 4176, '1964-11-21'],
  ['Golden Gate Bridge', 'United States', 1280, 2737, '1937-05-27'],
];

const bridgeRows = BRIDGES.map(([name, country, span, total, opened], index) => [
  name,
  country,
  span,
  total,
  { formula: `D${index + 2}-C${index + 2}`, value: total - span },
  { date: opened },
]);

export const WORKBOOKS = {
  'examples/suspension-bridges/bridges.xlsx': {
    sheets: [
      {
        name: 'Notes',
        rows: [
          ['Longest suspension bridge spans: a selection, for the example deck.'],
          ['Source: Wikipedia, List of longest suspension bridge spans.'],
        ],
      },
      { name: 'Bridges', rows: [BRIDGE_HEADER, ...bridgeRows, [], ['Figures in metres; opening = first day open to traffic.']] },
    ],
  },
  // A formula saved by a program that does not compute formulas (no cached value), and one that gives an error.
  'test/fixtures/invalid/sheet-formula-without-value.xlsx': {
    sheets: [
      {
        name: 'Hoja1',
        rows: [
          ['Modelo', 'Unidades', 'Precio (US$)', 'Costo'],
          ['GPT-4', 25000, 8000, { formula: 'B2*C2', value: 200000000 }],
          ['Claude 3', 10000, 3000, { formula: 'B3*C3' }],
          ['Llama 3', 2000, 0, { formula: 'B4/C4', error: '#DIV/0!' }],
        ],
      },
    ],
  },
  // Values a field refuses, each at its cell (a date cell in a count, words for figures); "1,3 GWh" is read.
  'test/fixtures/invalid/sheet-xlsx-bad-values.xlsx': {
    sheets: [
      {
        name: 'Datos',
        rows: [
          ['Modelo', 'Unidades', 'Costo del hardware', 'Energía de entrenamiento (MWh)', 'Lanzamiento'],
          ['GPT-4', 25000, 80000000, 50000, { date: '2023-03-14' }],
          ['Claude 3', { date: '2024-03-04' }, 'mucho', 'mucha', 'marzo'],
          ['Llama 3', 2000, 16000000, '1,3 GWh', 2024],
        ],
      },
    ],
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, workbook] of Object.entries(WORKBOOKS)) writeFileSync(join(ROOT, file), writeXlsx(workbook));
}
