import { z } from 'zod';
import { FieldEntrySchema } from './field-schema.js';
import { LANGUAGES } from '../i18n/words.js';
import { RowsFileSchema } from './sheet/declaration.js';
import { DECK_URL_PATTERN, normalizeDeckUrl } from '../share/deck-url.js';

/**
 * The zod schema of a data file's frame: meta, the field declarations, rows and slides. What a row or a slide may
 * hold depends on the deck itself (its declared fields, its layouts' templates), so validate.ts checks those against
 * the declarations, and deck-json-schema.ts writes the editor's schema for each deck.
 */

const text = (description: string) => z.string().trim().min(1).describe(description);

export const MetaSchema = z.strictObject({
  title: text('Título de la presentación.'),
  subtitle: text('Subtítulo: «Actividad extracurricular 04».').optional(),
  author: text('Autor o autora.'),
  institution: text('Institución.').optional(),
  course: text('Curso: «GR1CC».').optional(),
  date: z.iso.date({ error: 'date' }).describe('Fecha en formato AAAA-MM-DD.'),
  locale: z
    .string()
    // A language with a catalogue in src/i18n/, and a region if wanted: es, es-EC, en-GB.
    .regex(new RegExp(`^(${LANGUAGES.join('|')})(-[A-Z]{2})?$`), { error: 'locale' })
    .default('es')
    .describe('Idioma de la presentación: «es» (1.234,5 · «2 a 3 meses») o «en» (1,234.5 · «2 to 3 months»).'),
  theme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('aula')
    .describe('Tema visual: un archivo templates/themes/<tema>.css.'),
  url: z
    .string()
    .trim()
    .regex(DECK_URL_PATTERN, { error: 'deck-url' })
    .refine((value) => normalizeDeckUrl(value) !== undefined, { error: 'deck-url' })
    .optional()
    .describe(
      'Dirección pública de la presentación, https://…/: tarjeta de vista previa al compartir el enlace y código QR. --url la reemplaza.',
    ),
  qr: z
    .union([z.boolean(), z.enum(['first', 'last'])])
    .default(false)
    .describe('Código QR de la dirección (url): true en la primera y la última diapositiva; first o last, solo en una.'),
});

// Names JavaScript or the charts' rows already use (fmt holds each field's text) cannot name a field.
export const FIELD_NAME =
  /^(?!(?:__proto__|constructor|prototype|toString|valueOf|hasOwnProperty|fmt|if|this|datum)$)[A-Za-z_][A-Za-z0-9_]*$/;

export const DatasetSchema = z.strictObject({
  meta: MetaSchema,
  fields: z
    .record(z.string().regex(FIELD_NAME, { error: 'field-name' }), FieldEntrySchema)
    .describe('Los campos de cada fila: nombre → tipo y rótulo. El primero nombra la fila (texto, único).'),
  // Each row and slide is checked against the deck's own fields and layouts (validate-rows.ts, validate-slides.ts),
  // not here: zod would copy every key of every row and slide on every build.
  // Or a spreadsheet next to the deck, read by sheet/load-sheet.ts and checked against the fields like YAML rows.
  rows: z
    .union([
      z.array(z.unknown()).min(1),
      z
        .string()
        .trim()
        .regex(/\.(csv|tsv|xlsx)$/i, { error: 'sheet-file' }),
      RowsFileSchema,
    ])
    .describe(
      'Las filas de datos: una por elemento comparado, o la hoja de cálculo que las tiene (datos.csv, o { file: datos.xlsx, sheet: Hoja1 }).',
    ),
  slides: z.array(z.unknown()).min(1).describe('Las diapositivas, en orden.'),
});

export type DatasetFrame = z.infer<typeof DatasetSchema>;
export type Meta = DatasetFrame['meta'];
