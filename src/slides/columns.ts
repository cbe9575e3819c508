import { z } from 'zod';

/** A table's columns, declared in its slide: a field's name, or a label with a cell that combines fields. */
export const ColumnSchema = z.union([
  z.string().trim().min(1).describe('El nombre de un campo: la columna muestra su valor con su rótulo.'),
  z.strictObject({
    field: z.string().trim().min(1).optional().describe('El campo que muestra la columna.'),
    label: z.string().trim().min(1).optional().describe('Encabezado de la columna (por defecto, el rótulo del campo).'),
    cell: z
      .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
      .optional()
      .describe(
        'Celda con varios campos: «{{gpu}} × {{units}}»; o una lista de partes, y una parte que nombra un valor que falta no se muestra.',
      ),
    lines: z.boolean().optional().describe('true: cada parte de la celda en su propia línea.'),
    width: z
      .string()
      .regex(/^(100|\d{1,2}(\.\d)?)%$/, { error: 'width' })
      .optional()
      .describe('Ancho de la columna: «15%». Por defecto se reparte según el contenido.'),
    align: z.enum(['left', 'right']).optional().describe('Alineación: los números van a la derecha por defecto.'),
  }),
]);

export const TableKeysSchema = z.strictObject({
  columns: z.array(ColumnSchema).min(1).describe('Las columnas de la tabla, en orden.'),
  rowsPerSlide: z
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe('Filas por diapositiva como máximo (5 por defecto); la tabla continúa en otra diapositiva.'),
});

export type ColumnInput = z.infer<typeof ColumnSchema>;

/** The keys of a slide that the build reads itself, instead of passing them to the layout as they are. */
export const TABLE_KEYS: readonly string[] = ['columns', 'rowsPerSlide'];

/**
 * A column as written, when it is valid: checked by hand, as every build reads every column and zod's parse costs
 * ~50 µs each; an invalid column (undefined here) goes through ColumnSchema for its message.
 */
export function readColumn(value: unknown): ColumnInput | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (!Object.keys(value).every((key) => COLUMN_KEYS.includes(key))) return undefined;
  const get = (key: string): unknown => (Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined);
  const text = (key: string): string | undefined | false => {
    const item = get(key);
    if (item === undefined) return undefined;
    return typeof item === 'string' && item.trim() !== '' ? item.trim() : false;
  };
  const [field, label] = [text('field'), text('label')];
  const cell = readCell(get('cell'));
  const lines = get('lines');
  const width = get('width');
  const align = get('align');
  if (field === false || label === false || cell === false) return undefined;
  if (lines !== undefined && typeof lines !== 'boolean') return undefined;
  if (width !== undefined && (typeof width !== 'string' || !/^(100|\d{1,2}(\.\d)?)%$/.test(width))) return undefined;
  if (align !== undefined && align !== 'left' && align !== 'right') return undefined;
  return { field, label, cell, lines, width, align };
}

function readCell(cell: unknown): string | string[] | undefined | false {
  if (cell === undefined) return undefined;
  if (typeof cell === 'string') return cell.trim() === '' ? false : cell.trim();
  if (!Array.isArray(cell) || cell.length === 0) return false;
  const parts = cell.map((part: unknown) => (typeof part === 'string' && part.trim() !== '' ? part.trim() : undefined));
  return parts.every((part): part is string => part !== undefined) ? parts : false;
}

export const COLUMN_KEYS: readonly string[] = ['field', 'label', 'cell', 'lines', 'width', 'align'];
