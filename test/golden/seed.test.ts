import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, DEFAULT_DATA } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';

/** Every text and figure of the seed document (../shared/seed), as the Spanish deck must show it. */
const SEED_TEXT = [
  'Escuela Politécnica Nacional',
  'Actividad extracurricular 04',
  'Costos relacionados a los modelos de lenguaje',
  'Luis Alexander Lema Delgado',
  '2 de noviembre de 2025',
  'GR1CC',
  'Investigación sobre Modelos de Lenguaje Comerciales',
  'En esta parte se investigaron algunas características sobre distintos modelos de lenguaje comerciales actuales, como ChatGPT, Claude, Gemini, Llama y Mistral.',
  'El objetivo es comparar qué tipo de hardware utilizan, cuánto cuestan, el tiempo que tardan en entrenarse y su consumo de energía.',
  '¿Qué es inferencia y entrenamiento?',
  'Primero es importante entender la diferencia entre entrenamiento e inferencia.',
  'Entrenamiento',
  'Es la etapa en la que el modelo aprende a partir de una gran cantidad de texto. Durante este proceso se ajustan los parámetros internos para que el sistema pueda reconocer patrones y generar respuestas coherentes.',
  'Esta fase es la más costosa y requiere miles de GPUs trabajando durante semanas o meses.',
  'Inferencia',
  'Ocurre cuando el modelo ya entrenado genera respuestas a partir de una entrada. Por ejemplo, cuando se le hace una pregunta a ChatGPT, el modelo realiza una inferencia.',
  'Aquí ya no aprende, solo utiliza lo que sabe para dar una salida.',
  'En pocas palabras',
  'El entrenamiento es el proceso de aprendizaje, mientras que la inferencia es la aplicación de lo aprendido.',
  'Aspectos a comparar',
  'Para cada modelo se consideraron los siguientes puntos:',
  'Tipo de GPU utilizada.',
  'Costo total del hardware (precio de una GPU por el número de unidades).',
  'Tiempo aproximado de entrenamiento.',
  'Consumo energético tanto en el entrenamiento como en la inferencia.',
  'Tabla resumen de modelos de lenguaje',
  'Los valores son aproximados y se basan en estimaciones públicas. No todas las empresas revelan cifras exactas.',
  'Modelo de Lenguaje',
  'GPU utilizada',
  'Costo total aprox. (USD)',
  'Tiempo de Entrenamiento',
  'Consumo Energético',
  'Comentario',
  'Conclusión',
  'Al comparar los modelos, se puede ver que el entrenamiento es la parte más exigente en recursos. Requiere gran cantidad de hardware, altos costos y mucho tiempo. Por eso, solo empresas grandes como OpenAI o Google pueden entrenar modelos de este nivel.',
  'En cambio, la inferencia es mucho más ligera, lo que permite que los usuarios comunes podamos usar estos sistemas en línea sin requerir tanto poder de cómputo.',
  'También se nota que los modelos más nuevos buscan ser más eficientes y menos costosos energéticamente, lo cual es importante para reducir el impacto ambiental y hacerlos más accesibles.',
  'Resumen general',
  'El entrenamiento es la fase donde el modelo aprende, y la inferencia es cuando usa lo aprendido.',
  'Las GPUs más usadas son las NVIDIA A100 y H100, y las TPUs en el caso de Google.',
  'Entrenar un modelo grande puede costar decenas de millones de dólares.',
  'Los nuevos modelos intentan mejorar la eficiencia energética y el acceso abierto.',
];

/** Each row of the seed's table: its cells as the table slide shows them, in Spanish number format. */
const SEED_ROWS = [
  [
    'ChatGPT (GPT-4)',
    'NVIDIA H100 (8.000 US$ c/u) × 10.000',
    '80 millones',
    '2 a 3 meses',
    'Entrenamiento: 1,2 GWh Inferencia: 0,5 kWh / 1k tokens',
    'Modelo muy grande y costoso, pero de alto rendimiento.',
  ],
  [
    'Claude 3 (Anthropic)',
    'NVIDIA A100',
    '40 millones',
    '2 meses',
    'Entrenamiento: 900 MWh Inferencia: 0,3 kWh / 1k tokens',
    'Optimizado para manejar contextos largos.',
  ],
  [
    'Gemini 1.5 (Google)',
    'TPU v5e (Google)',
    '50 millones',
    '2 a 3 meses',
    'Entrenamiento: 1 GWh Inferencia: 0,4 kWh / 1k tokens',
    'Usa hardware propio de Google.',
  ],
  [
    'Mistral 7B',
    'NVIDIA A100 80GB (≈ 7.800 US$ c/u) × 512',
    '4 millones',
    '1 mes',
    'Entrenamiento: 100 MWh Inferencia: 0,1 kWh / 1k tokens',
    'Modelo más pequeño y de código abierto.',
  ],
  [
    'Llama 3 (Meta)',
    'NVIDIA H100 (≈ 8.000 US$ c/u) × 2.000',
    '16 millones',
    '1,5 meses',
    'Entrenamiento: 300 MWh Inferencia: 0,2 kWh / 1k tokens',
    'Modelo abierto y relativamente eficiente.',
  ],
];

let html = '';
let text = '';

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'datadeck-seed-'));
  await buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir }));
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
  text = visibleText(html);
});

describe('the default deck carries the seed document', () => {
  it.each(SEED_TEXT)('shows "%s"', (sentence) => {
    expect(text).toContain(sentence);
  });

  it.each(SEED_ROWS)('has the table row of %s with every cell', (...cells) => {
    const table = slideSections(html).find((section) => section.includes('data-layout="table"')) ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => visibleText(match[1] ?? ''));
    const row = rows.find((candidate) => candidate.startsWith(cells[0] ?? '-'));
    expect(row).toBeDefined();
    for (const cell of cells) expect(row).toContain(cell);
  });

  it('states the figures that follow from the data', () => {
    expect(text).toContain('GPT-4 costó 20 veces más que Mistral 7B');
    expect(text).toContain('Entrenar los 5 modelos consumió en total 3,5 GWh');
    expect(text).toContain('entre 0,1 kWh y 0,5 kWh');
    expect(text).toContain('el hardware de los 5 modelos costó 190 millones de dólares');
  });
});
