import { z } from 'zod';

/**
 * How a data file declares the fields of its rows. One line per common field: `{ type: money, label: Costo }`,
 * or just the type (`comment: text`). Each type accepts only the keys that mean something for it.
 */

const label = z.string().trim().min(1).describe('Rótulo: encabezado de la columna y título del eje. Por defecto, el nombre del campo.');
const optional = z.boolean().describe('true si una fila puede omitir este campo (por defecto es obligatorio).');
const missing = z.string().trim().min(1).describe('Texto que se muestra cuando falta el valor. Por defecto «no reportado».');
const description = z.string().trim().min(1).describe('Explicación del campo para quien edita los datos.');
const formula = z
  .string()
  .trim()
  .min(1)
  .describe(
    'Fórmula sobre otros campos de la fila, p. ej. «cost / units» o «price * 730». Se calcula donde falta el valor y se muestra con «≈».',
  );
const decimals = z.number().int().min(0).max(6).describe('Decimales como máximo (por defecto 2; 0 para enteros).');
const significant = z.number().int().min(1).max(6).describe('Cifras significativas: 2 muestra 7812,5 como 7.800.');
const numberDisplay = z
  .enum(['plain', 'words', 'short'])
  .describe('Cómo se escribe: plain «80.000.000», words «80 millones», short «80 M».');

const common = { label: label.optional(), optional: optional.optional(), missing: missing.optional(), description: description.optional() };
const numeric = { ...common, formula: formula.optional(), decimals: decimals.optional(), significant: significant.optional() };

export const FieldDeclarationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text').describe('Texto libre.'), ...common }),
  z.strictObject({ type: z.literal('number').describe('Número con decimales: 1.5'), ...numeric, display: numberDisplay.optional() }),
  z.strictObject({
    type: z.literal('integer').describe('Número entero, p. ej. un conteo: 512'),
    ...numeric,
    display: numberDisplay.optional(),
  }),
  z.strictObject({
    type: z.literal('money').describe('Dinero en una moneda: 8000 se lee «8.000 US$».'),
    ...numeric,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'currency' })
      .optional()
      .describe('Código ISO 4217 de la moneda: USD, EUR, MXN… (por defecto USD).'),
    display: z.enum(['currency', 'words', 'short']).optional().describe('currency «8.000 US$», words «80 millones», short «80 M US$».'),
  }),
  z.strictObject({
    type: z.literal('quantity').describe('Cantidad con unidad: «1.2 GWh», «900 MWh», «3 h», «16 GB».'),
    ...numeric,
    unit: z
      .string()
      .trim()
      .min(1)
      .describe('Unidad del campo (define la familia y la unidad de los gráficos): MWh, kWh, h, month, GB, kW, t CO2e…'),
    display: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('written: como se escribió (por defecto); best: la unidad más legible; o una unidad fija, p. ej. GWh.'),
  }),
  z.strictObject({
    type: z.literal('range').describe('Un rango de mínimo a máximo: { min: 2, max: 3 } se lee «2 a 3 meses»; un solo número también vale.'),
    ...common,
    unit: z.string().trim().min(1).optional().describe('Unidad de los extremos, si la tienen: month, h, GWh…'),
    decimals: decimals.optional(),
  }),
  z.strictObject({ type: z.literal('percent').describe('Porcentaje: 45 o «45 %» se lee «45 %».'), ...numeric }),
  z.strictObject({
    type: z.literal('date').describe('Fecha AAAA-MM-DD (también AAAA-MM o AAAA).'),
    ...common,
    display: z.enum(['long', 'short']).optional().describe('long «2 de noviembre de 2025» (por defecto) o short «2/11/2025».'),
  }),
  z.strictObject({ type: z.literal('url').describe('Dirección web https://…; se muestra como enlace.'), ...common }),
  z.strictObject({
    type: z.literal('category').describe('Uno de los valores declarados en values.'),
    ...common,
    values: z.array(z.string().trim().min(1)).min(1).describe('Los valores permitidos, p. ej. [Abierto, Cerrado].'),
  }),
]);

export type FieldDeclaration = z.infer<typeof FieldDeclarationSchema>;
export type FieldType = FieldDeclaration['type'];

const TYPE_NAMES = ['text', 'number', 'integer', 'money', 'quantity', 'range', 'percent', 'date', 'url', 'category'] as const;

export const FIELD_TYPES: readonly FieldType[] = TYPE_NAMES;

// Types that need nothing more than their name (a quantity needs its unit, a category its values).
const SHORTHAND_TYPES = ['text', 'number', 'integer', 'money', 'range', 'percent', 'date', 'url'] as const;

/** A field is a mapping, or just its type name: `comment: text`. */
export const FieldEntrySchema = z.union([
  z.enum(SHORTHAND_TYPES).describe('El tipo del campo; el rótulo será su nombre.'),
  FieldDeclarationSchema,
]);

/** The keys a declaration of `type` may have, for "did you mean". */
export function declarationKeys(type: unknown): string[] {
  const option = FieldDeclarationSchema.options.find((candidate) => candidate.shape.type.value === type);
  return option === undefined ? ['type', 'label', 'optional', 'missing', 'description'] : Object.keys(option.shape);
}

export type FieldEntry = z.infer<typeof FieldEntrySchema>;
