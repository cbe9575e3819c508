import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDeclaration, type RowsFile } from '../../../../src/data/sheet/declaration.js';
import { readCsv } from '../../../../src/data/sheet/read-csv.js';
import { readXlsx } from '../../../../src/data/sheet/read-xlsx.js';
import * as libraries from '../../../../src/data/sheet/sheet-libraries.js';
import { DeckError } from '../../../../src/errors/deck-error.js';
import { ROOT } from '../../../helpers.js';
// @ts-expect-error: a plain .mjs script without types, the one that writes the committed workbooks
import { writeXlsx } from '../../../../scripts/sheets/write-xlsx.mjs';
// @ts-expect-error: as above
import { WORKBOOKS } from '../../../../scripts/sheets/make-workbooks.mjs';

const declare = (declared: RowsFile) => resolveDeclaration(declared, { dataFile: '/deck/deck.yaml', shownDataFile: 'deck/deck.yaml' });
const csv = (text: string | Uint8Array, declared: Partial<RowsFile> = {}) =>
  readCsv(typeof text === 'string' ? new TextEncoder().encode(text) : text, declare({ file: 'datos.csv', ...declared }), libraries);
const noLocation = () => ({});

describe('readCsv', () => {
  it('finds the separator in the header line, reads ";" as Excel\'s Spanish export (decimal comma), skips the BOM', () => {
    const table = csv('\uFEFFModelo;Energía (MWh)\nGPT-4;"1.200,5"\n');
    expect(table.header).toEqual(['Modelo', 'Energía (MWh)']);
    expect(table.rows).toEqual([{ number: 2, cells: ['GPT-4', '1.200,5'] }]);
    expect(table.decimal).toBe('comma');
    expect(csv('a,b\n1,2\n').decimal).toBeUndefined();
    expect(csv('a\tb\n1\t2\n').rows[0]?.cells).toEqual(['1', '2']);
  });

  it('places a cell by line and cell number, and underlines its characters, after a quoted cell over two lines', () => {
    const table = csv('Modelo,Notas,Unidades\nGPT-4,"dos\nlíneas",diez\nLlama 3,,2000\n');
    expect(table.rows.map((row) => row.number)).toEqual([2, 4]);
    expect(table.locate(2, 2)).toEqual({ file: 'deck/datos.csv', ref: 'deck/datos.csv:2:3', line: 3, column: 9, length: 4 });
    expect(table.locate(4, 0)).toMatchObject({ ref: 'deck/datos.csv:4:1', line: 4, column: 1, length: 7 });
  });

  it("refuses a file that is not UTF-8 at its first foreign byte, naming Excel's Windows-1252 export", () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('Modelo;Energ'), 0xed, ...new TextEncoder().encode('a\nx;1\n')]);
    const error = (() => {
      try {
        csv(latin1);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DeckError);
    expect(error instanceof DeckError ? error.problems[0] : undefined).toMatchObject({
      code: 'file',
      file: 'deck/datos.csv',
      line: 1,
      column: 13,
      place: 'deck/datos.csv:1:13',
      message: expect.stringContaining('"í" in Windows-1252'),
    });
  });
});

describe('readXlsx', () => {
  const workbook = writeXlsx({
    sheets: [
      { name: 'Notas', rows: [['solo una nota']] },
      {
        name: 'Hoja 2',
        rows: [
          [],
          [null, 'Modelo', 'Lanzamiento', 'Costo'],
          [null, 'A', { date: '2023-03-14' }, { formula: 'B3*2', value: 7 }],
          [null, 'B', { date: '2024-01-01' }, { formula: 'B4*2' }],
          [null, 'nota al pie'],
        ],
      },
    ],
  });

  it("reads the named sheet from its first filled row and column: date cells as dates, a formula's saved value", async () => {
    const table = await readXlsx(workbook, declare({ file: 'libro.xlsx', sheet: 'hoja 2' }), { libraries, locate: noLocation });
    expect(table.header).toEqual(['Modelo', 'Lanzamiento', 'Costo']);
    expect(table.rows[0]).toEqual({ number: 3, cells: ['A', new Date(Date.UTC(2023, 2, 14)), 7] });
    expect(table.locate(4, 2).ref).toBe("deck/libro.xlsx · 'Hoja 2'!D4");
    // The formula saved without its value reads as empty: it is listed, to be reported at its cell.
    expect(table.unreadable).toEqual([{ row: 4, column: 2, kind: 'formula-without-value', detail: 'B4*2' }]);
  });

  it('keeps to a declared range: the note below it is no row', async () => {
    const table = await readXlsx(workbook, declare({ file: 'libro.xlsx', sheet: 'Hoja 2', range: 'B2:D4' }), {
      libraries,
      locate: noLocation,
    });
    expect(table.rows.map((row) => row.cells[0])).toEqual(['A', 'B']);
    expect(
      (await readXlsx(workbook, declare({ file: 'libro.xlsx', sheet: 'Hoja 2' }), { libraries, locate: noLocation })).rows.map(
        (row) => row.cells[0],
      ),
    ).toEqual(['A', 'B', 'nota al pie']);
  });

  it('lists the number cells formatted as a percent', async () => {
    const shares = writeXlsx({
      sheets: [
        { name: 'Hoja1', rows: [[null], [null, 'Fuente', 'Participación'], [null, 'Eólica', { percent: 0.455 }], [null, 'Solar', 0.2]] },
      ],
    });
    const table = await readXlsx(shares, declare({ file: 'libro.xlsx' }), { libraries, locate: noLocation });
    expect(table.rows.map((row) => row.cells[1])).toEqual([0.455, 0.2]);
    expect([...(table.percentCells ?? [])]).toEqual(['3:1']);
  });

  it('names the sheets there are when the declared one is not', async () => {
    await expect(
      readXlsx(workbook, declare({ file: 'libro.xlsx', sheet: 'Hoja1' }), { libraries, locate: noLocation }),
    ).rejects.toMatchObject({ problems: [{ code: 'sheet', hint: 'its sheets are "Notas", "Hoja 2"' }] });
  });

  it('says a file that is no workbook cannot be read as one', async () => {
    await expect(
      readXlsx(new TextEncoder().encode('Modelo,Costo\n'), declare({ file: 'libro.xlsx' }), { libraries, locate: noLocation }),
    ).rejects.toMatchObject({ problems: [{ code: 'file', message: expect.stringContaining('cannot be read as an .xlsx workbook') }] });
  });
});

describe('the committed workbooks', () => {
  it.each(Object.keys(WORKBOOKS))('%s is what scripts/sheets/make-workbooks.mjs writes', (file) => {
    expect(Buffer.from(readFileSync(`${ROOT}${file}`)).equals(Buffer.from(writeXlsx(WORKBOOKS[file])))).toBe(true);
  });
});
