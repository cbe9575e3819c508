import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * `rows:` naming a spreadsheet next to the deck instead of listing the rows: `rows: datos.csv`, or
 * `rows: { file: datos.xlsx, sheet: Hoja1, range: A1:F20, decimal: comma, ignore: [Notas] }`.
 */
export const RowsFileSchema = z.strictObject({
  file: z
    .string()
    .trim()
    .regex(/\.(csv|tsv|xlsx)$/i, { error: 'sheet-file' })
    .describe('La hoja de cálculo con las filas, junto al YAML: datos.csv o datos.xlsx.'),
  sheet: z.string().trim().min(1).optional().describe('Solo .xlsx: la hoja que tiene las filas (por defecto, la primera).'),
  range: z
    .string()
    .trim()
    .regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}:\$?[A-Za-z]{1,3}\$?\d{1,7}$/, { error: 'sheet-range' })
    .optional()
    .describe('Solo .xlsx: el rango con los encabezados en su primera fila, p. ej. A1:F20 (por defecto, toda la hoja).'),
  decimal: z
    .enum(['comma', 'point'])
    .optional()
    .describe(
      'comma: 1.234,5 (decimal con coma, miles con punto); point: 1,234.5. Por defecto: coma en un CSV separado por «;» o cuando los números la usan.',
    ),
  separator: z
    .enum([',', ';', 'tab'])
    .optional()
    .describe('Solo CSV: el separador de columnas (por defecto, el que más usa la fila de encabezados).'),
  ignore: z
    .array(z.string().trim().min(1))
    .optional()
    .describe('Columnas de la hoja que no son campos de la presentación y se dejan fuera.'),
});

export type RowsFile = z.infer<typeof RowsFileSchema>;

/** A spreadsheet declaration with its paths resolved and its range read. */
export interface SheetDeclaration {
  /** The path to read. */
  readonly path: string;
  /** The path as messages show it. */
  readonly shownFile: string;
  readonly kind: 'csv' | 'xlsx';
  readonly sheet: string | undefined;
  /** 0-based, inclusive. */
  readonly range: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number } | undefined;
  readonly decimal: 'comma' | 'point' | undefined;
  readonly separator: string | undefined;
  readonly ignore: readonly string[];
}

/** Whether `rows:` names a file rather than listing rows: a text, or a mapping with `file`. */
export function isRowsFile(rows: unknown): boolean {
  return typeof rows === 'string' || (typeof rows === 'object' && rows !== null && !Array.isArray(rows));
}

export function resolveDeclaration(declared: RowsFile, context: { dataFile: string; shownDataFile: string }): SheetDeclaration {
  const path = join(dirname(context.dataFile), declared.file);
  const shownFile = join(dirname(context.shownDataFile), declared.file);
  return {
    path,
    shownFile,
    kind: /\.xlsx$/i.test(declared.file) ? 'xlsx' : 'csv',
    sheet: declared.sheet,
    range: declared.range === undefined ? undefined : readRange(declared.range),
    decimal: declared.decimal,
    separator: declared.separator === 'tab' ? '\t' : (declared.separator ?? (/\.tsv$/i.test(declared.file) ? '\t' : undefined)),
    ignore: declared.ignore ?? [],
  };
}

/** "A1:F20" → rows 0–19, columns 0–5, whichever corner is written first. */
function readRange(range: string): NonNullable<SheetDeclaration['range']> {
  const corners = range
    .replaceAll('$', '')
    .toUpperCase()
    .split(':')
    .map((corner) => {
      const [, letters = 'A', digits = '1'] = /^([A-Z]+)(\d+)$/.exec(corner) ?? [];
      let column = 0;
      for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
      return { row: Number(digits) - 1, column: column - 1 };
    });
  const [first = { row: 0, column: 0 }, second = first] = corners;
  return {
    top: Math.min(first.row, second.row),
    bottom: Math.max(first.row, second.row),
    left: Math.min(first.column, second.column),
    right: Math.max(first.column, second.column),
  };
}
