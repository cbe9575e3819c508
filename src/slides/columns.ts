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
      .describe('Celda con varios campos: «{{gpu}} × {{units}}»; o una lista de partes, y una parte que nombra un valor que falta no se muestra.'),
    lines: z.boolean().optional().describe('true: cada parte de la celda en su propia línea.'),
    width: z.string().regex(/^\d{1,2}(\.\d)?%$/, { error: 'width' }).optional().describe('Ancho de la columna: «15%». Por defecto se reparte según el contenido.'),
    align: z.enum(['left', 'right']).optional().describe('Alineación: los números van a la derecha por defecto.'),
  }),
]);

export const TableKeysSchema = z.strictObject({
  columns: z.array(ColumnSchema).min(1).describe('Las columnas de la tabla, en orden.'),
  rowsPerSlide: z.number().int().min(1).max(12).optional().describe('Filas por diapositiva como máximo (5 por defecto); la tabla continúa en otra diapositiva.'),
});

export type ColumnInput = z.infer<typeof ColumnSchema>;

/** The keys of a slide that the build reads itself, instead of passing them to the layout as they are. */
export const TABLE_KEYS: readonly string[] = ['columns', 'rowsPerSlide'];
