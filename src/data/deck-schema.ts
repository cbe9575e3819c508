import { z } from 'zod';
import { ENERGY_PATTERN, parseEnergy, type Energy } from '../format/energy.js';

/** The zod schema of data/deck.yaml: the types, the validation and the editor's JSON Schema come from here. */

const text = (description: string) => z.string().trim().min(1).describe(description);
const notes = z.string().trim().min(1).optional().describe('Notas del orador: se ven en la vista del presentador (tecla S), no en la diapositiva.');

const energy = (description: string) =>
  z
    .string()
    .regex(ENERGY_PATTERN, { error: 'energy' })
    .transform((value): Energy => {
      const parsed = parseEnergy(value);
      if (parsed === undefined) throw new Error(`unreachable: "${value}" matched the energy pattern`);
      return parsed;
    })
    .refine((value) => value.wh > 0, { error: 'positive' })
    .describe(description);

const positive = (description: string) => z.number().positive().describe(description);

export const MonthRangeSchema = z
  .union([
    z.number().positive(),
    z.strictObject({
      min: positive('Mínimo de meses.'),
      max: positive('Máximo de meses.'),
    }),
  ])
  .transform((value) => (typeof value === 'number' ? { min: value, max: value } : value))
  .refine((range) => range.min <= range.max, { error: 'range', path: ['min'] })
  .describe('Tiempo de entrenamiento en meses: un número (2) o un rango ({ min: 2, max: 3 } se lee «2 a 3 meses»).');

export const SourceSchema = z.strictObject({
  title: text('Título de la fuente.'),
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, { error: 'url' })
    .describe('Dirección de la fuente; solo https:// o http://.'),
});

export const ModelSchema = z
  .strictObject({
    name: text('Nombre corto del modelo, usado en gráficos y frases: «GPT-4».'),
    product: text('Producto con el que se conoce, si es otro: «ChatGPT». La tabla muestra «ChatGPT (GPT-4)».').optional(),
    organization: text('Empresa u organización que lo entrenó: «OpenAI».'),
    accelerator: text('GPU o TPU usada en el entrenamiento: «NVIDIA H100», «TPU v5e».'),
    units: z.number().int().positive().optional().describe('Número de GPU/TPU usadas. Omítalo si el fabricante no lo reporta.'),
    unitPriceUsd: positive('Precio de una unidad en USD. Si falta y hay total y unidades, se deriva (≈).').optional(),
    hardwareCostUsd: positive('Costo total del hardware en USD. Si falta, se calcula como precio × unidades.').optional(),
    trainingMonths: MonthRangeSchema,
    trainingEnergy: energy('Energía del entrenamiento, con unidad: «1.2 GWh», «900 MWh».'),
    inferenceEnergy: energy('Energía de inferencia por cada 1000 tokens, con unidad: «0.5 kWh».'),
    comment: text('Comentario breve que aparece en la tabla.'),
    sources: z.array(SourceSchema).optional().describe('Fuentes de las cifras (título y URL https).'),
  })
  .describe('Un modelo de lenguaje y sus cifras.');

const slideBase = { title: text('Título de la diapositiva.'), notes };

export const SlideSchema = z.discriminatedUnion('layout', [
  z.strictObject({ layout: z.literal('title').describe('Portada con título, subtítulo, autor, institución, curso y fecha.'), notes }),
  z.strictObject({
    layout: z.literal('text').describe('Título y párrafos de texto.'),
    ...slideBase,
    paragraphs: z.array(text('Un párrafo.')).min(1),
  }),
  z.strictObject({
    layout: z.literal('definitions').describe('Términos definidos lado a lado, con una idea final.'),
    ...slideBase,
    intro: text('Frase de introducción.').optional(),
    terms: z
      .array(z.strictObject({ term: text('El término: «Entrenamiento».'), definition: z.array(text('Un párrafo de la definición.')).min(1) }))
      .min(1),
    takeaway: z.strictObject({ label: text('Rótulo: «En pocas palabras».'), text: text('La idea en una frase.') }).optional(),
  }),
  z.strictObject({
    layout: z.literal('aspects').describe('Lista numerada de aspectos.'),
    ...slideBase,
    intro: text('Frase de introducción.').optional(),
    items: z.array(text('Un aspecto.')).min(1),
  }),
  z.strictObject({
    layout: z.literal('table').describe('Tabla resumen de todos los modelos; continúa en otra diapositiva si no cabe.'),
    ...slideBase,
    caveat: text('Advertencia sobre las cifras, bajo la tabla.').optional(),
    rowsPerSlide: z.number().int().min(1).max(12).optional().describe('Filas por diapositiva (5 por defecto).'),
  }),
  z.strictObject({
    layout: z.literal('chart').describe('Un gráfico de templates/charts/.'),
    ...slideBase,
    chart: text('Nombre del gráfico: un archivo templates/charts/<nombre>.vl.json.'),
    caption: text('Pie del gráfico.'),
  }),
  z.strictObject({
    layout: z.literal('conclusions').describe('Párrafos de conclusión y las cifras clave calculadas de los datos.'),
    ...slideBase,
    paragraphs: z.array(text('Un párrafo.')).min(1),
  }),
  z.strictObject({
    layout: z.literal('summary').describe('Viñetas de resumen más una frase con cifras calculadas.'),
    ...slideBase,
    points: z.array(text('Una viñeta.')).min(1),
  }),
  z.strictObject({ layout: z.literal('sources').describe('Las fuentes de todos los modelos.'), ...slideBase }),
]);

export const MetaSchema = z.strictObject({
  title: text('Título de la presentación.'),
  subtitle: text('Subtítulo: «Actividad extracurricular 04».').optional(),
  author: text('Autor o autora.'),
  institution: text('Institución.').optional(),
  course: text('Curso: «GR1CC».').optional(),
  date: z.iso.date({ error: 'date' }).describe('Fecha en formato AAAA-MM-DD.'),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'locale' }).default('es').describe('Idioma para números y fechas: «es».'),
  theme: z.string().regex(/^[a-z0-9-]+$/).default('aula').describe('Tema visual: un archivo templates/themes/<tema>.css.'),
});

export const DatasetSchema = z.strictObject({
  meta: MetaSchema,
  models: z.array(ModelSchema).min(1).describe('Los modelos comparados.'),
  slides: z.array(SlideSchema).min(1).describe('Las diapositivas, en orden.'),
});

export type Dataset = z.infer<typeof DatasetSchema>;
export type Model = Dataset['models'][number];
export type SlideInput = Dataset['slides'][number];
export type Layout = SlideInput['layout'];
export type Meta = Dataset['meta'];
export type Source = z.infer<typeof SourceSchema>;

export const LAYOUTS: readonly Layout[] = SlideSchema.options.map((option) => option.shape.layout.value);

export function createJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DatasetSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
}
