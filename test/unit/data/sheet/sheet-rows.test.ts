import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../../src/build.js';
import { diffDecks, formatChange } from '../../../../src/dev/describe-changes.js';
import { DeckError } from '../../../../src/errors/deck-error.js';
import { formatError } from '../../../../src/errors/report.js';
import { messages } from '../../../../src/errors/messages.js';
import type { BuildResult } from '../../../../src/model.js';
import { createTestOptions } from '../../../helpers.js';
// @ts-expect-error: a plain .mjs script without types, the one that writes the committed workbooks
import { writeXlsx } from '../../../../scripts/sheets/write-xlsx.mjs';

const FIELDS = `
fields:
  name:     { type: text, label: Modelo }
  units:    { type: integer, label: Unidades }
  price:    { type: money, label: Precio por unidad }
  total:    { type: money, label: Costo total, optional: true, formula: price * units }
  energy:   { type: quantity, unit: GWh, label: Energía de entrenamiento }
  time:     { type: range, unit: month, label: Tiempo, optional: true }
`;

function writeDeck(rows: string, sheet: string, file = 'datos.csv'): { dir: string; build: () => Promise<BuildResult> } {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-sheet-'));
  const yaml = `meta: { title: Costos, author: Ana, date: 2025-11-02 }\n${FIELDS}\nrows: ${rows}\n\nslides:\n  - layout: title\n  - layout: table\n    title: Tabla\n    columns: [name, units, price, total, energy, time]\n    rowsPerSlide: 10\n`;
  writeFileSync(join(dir, 'deck.yaml'), yaml);
  writeFileSync(join(dir, file), sheet);
  return { dir, build: () => buildDeck(createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'dist') })) };
}

/** Each row's given figures, as derive sees them: name → field → number or text. */
function figures(result: BuildResult): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    result.deck.rows.map((row) => [
      row.name,
      Object.fromEntries(
        [...row.cells].map(([field, cell]) => [
          field,
          cell.value === undefined
            ? undefined
            : 'number' in cell.value
              ? cell.value.number
              : 'min' in cell.value
                ? [cell.value.min, cell.value.max]
                : cell.value,
        ]),
      ),
    ]),
  );
}

async function problemsOf(build: () => Promise<BuildResult>): Promise<DeckError['problems']> {
  try {
    await build();
  } catch (error) {
    if (error instanceof DeckError) return error.problems;
    throw error;
  }
  throw new Error('the build did not fail');
}

describe("rows from a spreadsheet, read by the deck's fields", () => {
  it('matches headers to fields by name or label, ignoring case, accents and spacing; a header unit applies to bare numbers', async () => {
    const { build } = writeDeck(
      'datos.csv',
      'MODELO,units,precio  por unidad,energia de entrenamiento (MWh),Tiempo (meses)\nGPT-4,10000,8000,1200,2 a 3\nMistral 7B,512,"1,500.50",2 GWh,\n',
    );
    const result = await build();
    expect(result.deck.rows.map((row) => row.name)).toEqual(['GPT-4', 'Mistral 7B']);
    expect(figures(result)).toEqual({
      'GPT-4': { name: { kind: 'text', text: 'GPT-4' }, units: 10000, price: 8000, total: 80_000_000, energy: 1.2, time: [2, 3] },
      // an empty optional cell is a missing value; the formula fills in the total
      'Mistral 7B': { name: { kind: 'text', text: 'Mistral 7B' }, units: 512, price: 1500.5, total: 768_256, energy: 2, time: undefined },
    });
  });

  it('reads decimal commas in a comma-separated file when its numbers can only mean them, or when declared', async () => {
    const detected = writeDeck(
      'datos.csv',
      'Modelo,Unidades,Precio por unidad,Energía de entrenamiento\nGPT-4,10000,"8000,50","1,2 GWh"\n',
    );
    expect(figures(await detected.build())['GPT-4']).toMatchObject({ price: 8000.5, energy: 1.2 });
    const declared = writeDeck(
      '{ file: datos.tsv, decimal: comma, ignore: [Notas] }',
      'Modelo\tNotas\tUnidades\tPrecio por unidad\tEnergía de entrenamiento\nGPT-4\tx\t10.000\t8.000\t1,200 GWh\n',
      'datos.tsv',
    );
    expect(figures(await declared.build())['GPT-4']).toMatchObject({ units: 10000, price: 8000, energy: 1.2 });
  });

  it('reports every bad cell at once at its line and cell, with its column, and leaves the last good deck as it was', async () => {
    const deck = writeDeck('datos.csv', 'Modelo;Unidades;Precio por unidad;Energía de entrenamiento\nGPT-4;10.000;8.000;1,2 GWh\n');
    await deck.build();
    const good = readFileSync(join(deck.dir, 'dist', 'index.html'));
    writeFileSync(
      join(deck.dir, 'datos.csv'),
      'Modelo;Unidades;Precio por unidad;Energía de entrenamiento\nGPT-4;diez mil;8.000;\nLlama 3;2.000;x;3 kg\n',
    );
    const problems = await problemsOf(deck.build);
    expect(problems.map((problem) => [problem.place, problem.line, problem.column])).toEqual([
      [`${join(deck.dir, 'datos.csv')}:2:2  column "Unidades"`, 2, 7],
      [`${join(deck.dir, 'datos.csv')}:2:4  column "Energía de entrenamiento"`, 2, 22],
      [`${join(deck.dir, 'datos.csv')}:3:3  column "Precio por unidad"`, 3, 15],
      [`${join(deck.dir, 'datos.csv')}:3:4  column "Energía de entrenamiento"`, 3, 17],
    ]);
    expect(problems[1]).toMatchObject(messages.sheetEmptyCell('energy', 'Energía de entrenamiento'));
    expect(readFileSync(join(deck.dir, 'dist', 'index.html')).equals(good)).toBe(true);
    // The report quotes the CSV line and underlines the cell.
    const report = formatError(new DeckError(problems), {
      texts: new Map([[join(deck.dir, 'datos.csv'), readFileSync(join(deck.dir, 'datos.csv'), 'utf8')]]),
    });
    expect(report).toContain('  > 2 | GPT-4;diez mil;8.000;\n      |       ^^^^^^^^');
  });

  it("reads a workbook's percent-formatted cell as the percent it shows, and a plain number as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-sheet-'));
    writeFileSync(
      join(dir, 'deck.yaml'),
      `meta: { title: Mezcla, author: Ana, date: 2025-11-02 }\nfields:\n  name: { type: text, label: Fuente }\n  share: { type: percent, label: Participación }\nrows: mezcla.xlsx\nslides:\n  - layout: title\n`,
    );
    writeFileSync(
      join(dir, 'mezcla.xlsx'),
      writeXlsx({
        sheets: [
          {
            name: 'Hoja1',
            rows: [
              ['Fuente', 'Participación'],
              ['Eólica', { percent: 0.229 }],
              ['Solar', 17],
            ],
          },
        ],
      }),
    );
    const result = await buildDeck(createTestOptions({ dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'dist') }));
    // 22.9 % as a YAML row would give it (22.9 / 100), not 0.229 %.
    expect(figures(result)).toMatchObject({ Eólica: { share: 22.9 / 100 }, Solar: { share: 0.17 } });
  });

  it('says a spreadsheet is empty, or has headers and no rows, once rather than once per field', async () => {
    const empty = writeDeck('datos.csv', '');
    expect(await problemsOf(empty.build)).toEqual([
      expect.objectContaining({ code: 'sheet', ...messages.sheetEmpty(join(empty.dir, 'datos.csv')) }),
    ]);
    const headers = writeDeck('datos.csv', 'Modelo,Unidades,Precio por unidad,Energía de entrenamiento\n,,,\n');
    expect(await problemsOf(headers.build)).toEqual([
      expect.objectContaining({
        code: 'sheet',
        ...messages.sheetNoRows(join(headers.dir, 'datos.csv')),
        place: `${join(headers.dir, 'datos.csv')}:1`,
      }),
    ]);
  });

  it('locates a formula warning at the cell of the value its formula disagrees with', async () => {
    const { dir, build } = writeDeck(
      'datos.csv',
      'Modelo,Unidades,Precio por unidad,Costo total,Energía de entrenamiento\nGPT-4,10,5,70,1 GWh\n',
    );
    const result = await build();
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'formula-mismatch', place: `${join(dir, 'datos.csv')}:2:4  column "Costo total"` }),
    ]);
  });

  it("shows a cell's text as text: markup in a spreadsheet is data, escaped like YAML text", async () => {
    const { dir, build } = writeDeck(
      'datos.csv',
      'Modelo,Unidades,Precio por unidad,Energía de entrenamiento\n"<img src=x onerror=alert(1)>",1,2,1 GWh\n{{meta.title}},1,2,1 GWh\n',
    );
    await build();
    const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('{{meta.title}}');
  });

  it("names the changed cell in the dev server's change line", async () => {
    const { dir, build } = writeDeck(
      'datos.csv',
      'Modelo,Unidades,Precio por unidad,Energía de entrenamiento\nGPT-4,10000,8000,1 GWh\nLlama 3,2000,4000,2 GWh\n',
    );
    const before = await build();
    writeFileSync(
      join(dir, 'datos.csv'),
      'Modelo,Unidades,Precio por unidad,Energía de entrenamiento\nGPT-4,10000,8000,1 GWh\nLlama 3,2400,4000,2 GWh\n',
    );
    const after = await build();
    expect(diffDecks(before.deck, after.deck).map((change) => formatChange(change))).toEqual([
      `${join(dir, 'datos.csv')}:3:2 (Unidades) 2000 → 2400`,
    ]);
  });
});
